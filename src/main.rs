//! Browser entry point: mounts the Leptos app on <body>.
mod app;
mod components;
mod docx_client;
mod dom;
mod grid;
mod import_client;
mod shortcuts;
mod state;
mod storage;
mod sw;
mod worker_client;

fn main() {
    leptos::mount::mount_to_body(app::App);
    // The DOCX writer is a separate worker wasm, loaded once the page is idle.
    docx_client::start_worker();
}
