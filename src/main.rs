//! Browser entry point: mounts the Leptos app on <body>.
mod app;

fn main() {
    leptos::mount::mount_to_body(app::App);
}
