//! Page side of importing a published report. The readers live only in the
//! import worker's wasm (`src/bin/import_worker.rs`), started on the first
//! import, so the first load never carries them.
//!
//! - [`is_report_file`]: whether a picked or dropped file is for this import
//!   (a `.docx`, a page, or a `.doc`/`.wps`/`.pdf` that gets its message);
//! - [`read_file(&file).await`](read_file), [`read_paste(html, text).await`](read_paste)
//!   → the report and its import report ([`Read`]), or a Chinese message to show.
//!
//! A crashed or unloadable worker is dropped and started afresh on the next
//! import.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use xxgk_core::draft;
use xxgk_core::import::report::ReportGroup;
use xxgk_core::model::Report;

use crate::worker_client::{self, Messages, WorkerClient};

/// Names the import flow takes; a draft file (`.json`) is not one of them.
const EXTENSIONS: &[&str] =
    &[".docx", ".html", ".htm", ".mht", ".doc", ".wps", ".pdf", ".odt", ".rtf", ".xlsx"];

const CRASHED: &str = "读取报告的组件出错，请重试；如仍失败，请刷新页面。";

thread_local! {
    // The loader Trunk writes for `data-type="worker" data-loader-shim`.
    static WORKER: WorkerClient = const {
        WorkerClient::new(
            "import_worker_loader.js",
            Messages {
                cannot_start: "无法启动读取报告的组件，请刷新页面后重试。",
                crashed: CRASHED,
                timed_out: "读取报告超时，请重试；如仍失败，请刷新页面。",
            },
        )
    };
}

/// A report the worker read and recognised.
#[derive(Clone, Debug, PartialEq)]
pub struct Read {
    pub report: Report,
    /// The import report's groups (`ImportReport::groups`).
    pub groups: Vec<ReportGroup>,
}

/// Whether `file` goes to the report import rather than the draft import.
pub fn is_report_file(file: &web_sys::File) -> bool {
    let name = file.name().to_lowercase();
    EXTENSIONS.iter().any(|ext| name.ends_with(ext))
}

/// Reads a picked or dropped file in the worker.
pub async fn read_file(file: &web_sys::File) -> Result<Read, String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("无法读取「{name}」"))?;
    let message = Object::new();
    set(&message, "name", &name.into());
    set(&message, "bytes", &Uint8Array::new(&buffer));
    request(message).await
}

/// Reads what was pasted: its `text/html` when there is any, else its `text/plain`.
pub async fn read_paste(html: String, text: String) -> Result<Read, String> {
    let message = Object::new();
    set(&message, "html", &html.into());
    set(&message, "text", &text.into());
    request(message).await
}

fn read_reply(data: &JsValue) -> Option<Read> {
    let report = draft::from_json(&get(data, "draft").as_string()?).ok()?;
    let groups = serde_json::from_str(&get(data, "report").as_string()?).ok()?;
    Some(Read { report, groups })
}

fn set(object: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(object, &key.into(), value);
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Sends `message` and reads the worker's reply.
async fn request(message: Object) -> Result<Read, String> {
    let data = worker_client::request(&WORKER, message).await?;
    read_reply(&data).ok_or_else(|| CRASHED.to_string())
}
