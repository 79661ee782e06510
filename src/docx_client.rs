//! Page side of the DOCX export. The DOCX writer (docx-rs) lives only in the
//! worker's wasm (`src/bin/docx_worker.rs`), so the first paint never waits
//! for it; this module starts the worker, sends it the draft and downloads
//! the bytes it returns.
//!
//! API for the editor:
//! - [`start_worker()`]: call once after mount. The worker loads when the
//!   page is next idle (at most 3 s later); calling it again does nothing.
//! - [`export_docx(&report).await`](export_docx) → `Result<(), String>`:
//!   builds the DOCX in the worker and downloads it as
//!   「<机关><年度>年政府信息公开工作年度报告.docx」. `Err` is a Chinese message
//!   to show the user. Works before `start_worker()` too (it starts the
//!   worker and waits for it to load). Confirming an export with open
//!   problems is the caller's job; this exports whatever it is given.
//!
//! The worker's files (`docx_worker_loader.js`, `docx_worker.js`,
//! `docx_worker_bg.wasm`) sit next to index.html; a crashed or unloadable
//! worker is dropped and started afresh on the next export.

use js_sys::{Function, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use xxgk_core::model::Report;

use crate::worker_client::{self, Messages, WorkerClient};

const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const CRASHED: &str = "生成 DOCX 的组件出错，请重试；如仍失败，请刷新页面。";
/// Start the worker at the latest this long after `start_worker()`, idle or not.
const IDLE_TIMEOUT_MS: i32 = 3_000;

thread_local! {
    // The loader Trunk writes for `data-type="worker" data-loader-shim`.
    static WORKER: WorkerClient = const {
        WorkerClient::new(
            "docx_worker_loader.js",
            Messages {
                cannot_start: "无法启动生成 DOCX 的组件，请刷新页面后重试。",
                crashed: CRASHED,
                timed_out: "生成 DOCX 超时，请重试；如仍失败，请刷新页面。",
            },
        )
    };
}

/// Starts the DOCX worker once the page is idle, so that loading it never
/// competes with the first paint. Idempotent.
pub fn start_worker() {
    let Some(window) = web_sys::window() else { return };
    let start = Closure::once_into_js(|| {
        worker_client::ensure_started(&WORKER);
    });
    let idle = Reflect::get(&window, &"requestIdleCallback".into()).ok().filter(JsValue::is_function);
    let scheduled = match idle {
        Some(idle) => {
            let options = Object::new();
            let _ = Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
            idle.unchecked_into::<Function>().call2(&window, &start, &options).map(drop)
        }
        None => {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 0).map(drop)
        }
    };
    if scheduled.is_err() {
        worker_client::ensure_started(&WORKER);
    }
}

/// Builds the DOCX of `report` in the worker and downloads it.
pub async fn export_docx(report: &Report) -> Result<(), String> {
    let name = xxgk_core::storage::docx_file_name(report);
    let message = Object::new();
    let _ = Reflect::set(&message, &"draft".into(), &xxgk_core::draft::to_json(report).into());
    let reply = worker_client::request(&WORKER, message).await?;
    let bytes = Reflect::get(&reply, &"bytes".into()).unwrap_or(JsValue::UNDEFINED);
    let Some(bytes) = bytes.dyn_ref::<Uint8Array>() else { return Err(CRASHED.to_string()) };
    crate::dom::download(&name, DOCX_MIME, bytes)
        .map_err(|_| "浏览器未能保存文件，请检查下载设置后重试。".to_string())
}
