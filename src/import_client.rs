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

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Url, Worker};
use xxgk_core::draft;
use xxgk_core::import::report::ReportGroup;
use xxgk_core::model::Report;

/// The loader Trunk writes for `data-type="worker" data-loader-shim`.
const LOADER: &str = "import_worker_loader.js";
/// How long an import may wait for the worker to load and answer.
const TIMEOUT_MS: i32 = 60_000;
/// Names the import flow takes; a draft file (`.json`) is not one of them.
const EXTENSIONS: &[&str] =
    &[".docx", ".html", ".htm", ".mht", ".doc", ".wps", ".pdf", ".odt", ".rtf", ".xlsx"];

const CANNOT_START: &str = "无法启动读取报告的组件，请刷新页面后重试。";
const CRASHED: &str = "读取报告的组件出错，请重试；如仍失败，请刷新页面。";
const TIMED_OUT: &str = "读取报告超时，请重试；如仍失败，请刷新页面。";

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

struct Pending {
    resolve: Function,
    reject: Function,
}

struct Client {
    worker: Worker,
    ready: bool,
    queued: Vec<JsValue>,
    pending: HashMap<u32, Pending>,
    next_id: u32,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
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

fn spawn() -> Result<Client, JsValue> {
    let base = web_sys::window().ok_or("no window")?.location().href()?;
    let worker = Worker::new(&Url::new_with_base(LOADER, &base)?.href())?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| on_reply(event.data()));
    let on_error = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        web_sys::console::error_2(&"import worker failed".into(), &event);
        reset(CRASHED);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Client {
        worker,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
        _on_message: on_message,
        _on_error: on_error,
    })
}

fn on_reply(data: JsValue) {
    let settled = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let client = client.as_mut()?;
        if get(&data, "ready").is_truthy() {
            client.ready = true;
            for request in client.queued.drain(..) {
                let _ = client.worker.post_message(&request);
            }
            return None;
        }
        client.pending.remove(&(get(&data, "id").as_f64()? as u32))
    });
    let Some(pending) = settled else { return };
    let _ = match get(&data, "error").as_string() {
        None => pending.resolve.call1(&JsValue::NULL, &data),
        Some(message) => pending.reject.call1(&JsValue::NULL, &message.into()),
    };
}

fn reset(message: &str) {
    let Some(client) = CLIENT.with(|client| client.borrow_mut().take()) else { return };
    client.worker.terminate();
    for pending in client.pending.into_values() {
        let _ = pending.reject.call1(&JsValue::NULL, &message.into());
    }
}

/// Sends `message` (given its id here) and waits for the worker's reading.
async fn request(message: Object) -> Result<Read, String> {
    let mut message = Some(message);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let Some(message) = message.take() else { return };
        let sent = CLIENT.with(|client| {
            let mut client = client.borrow_mut();
            if client.is_none() {
                *client = spawn().ok();
            }
            let client = client.as_mut()?;
            let id = client.next_id;
            client.next_id += 1;
            set(&message, "id", &id.into());
            if client.ready {
                client.worker.post_message(&message).ok()?;
            } else {
                client.queued.push(message.into());
            }
            client.pending.insert(id, Pending { resolve, reject: reject.clone() });
            Some(id)
        });
        match sent {
            Some(id) => time_out(id),
            None => {
                let _ = reject.call1(&JsValue::NULL, &CANNOT_START.into());
            }
        }
    });
    let data = JsFuture::from(promise)
        .await
        .map_err(|message| message.as_string().unwrap_or_else(|| CRASHED.to_string()))?;
    read_reply(&data).ok_or_else(|| CRASHED.to_string())
}

/// Fails request `id` still waiting after [`TIMEOUT_MS`], and drops the
/// worker: a reader that never answers is not asked again.
fn time_out(id: u32) {
    let check = Closure::once_into_js(move || {
        let waiting = CLIENT.with(|c| c.borrow().as_ref().is_some_and(|c| c.pending.contains_key(&id)));
        if waiting {
            reset(TIMED_OUT);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), TIMEOUT_MS);
    }
}
