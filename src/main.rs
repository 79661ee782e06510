//! Browser entry point: mounts the Leptos app on <body>.
mod app;
mod components;
mod dom;
mod grid;
mod shortcuts;
mod state;
mod storage;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
