//! The 汇总 page (summary.html): the office that collects many units' reports
//! drops their drafts here, sees one row per unit with its checks, and makes
//! the summary report and the Excel overview. Its own wasm, built by Trunk
//! beside the editor's (index.html, `data-type="worker"` with the `web`
//! bindgen target) and loaded only by summary.html, so none of it (nor the
//! XLSX writer) adds to the editor's first load. The arithmetic is
//! `xxgk_core::summary`, the same as `xxgk-report summarize`.

mod io;
mod page;
mod state;
mod table;

fn main() {
    leptos::mount::mount_to_body(page::Page);
    io::register_service_worker();
}
