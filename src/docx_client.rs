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

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Function, Promise, Reflect, Uint8Array};
use leptos::ev;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Url, Worker};
use xxgk_core::model::Report;

use crate::dom::{listen, Listener};

/// The loader Trunk writes for `data-type="worker" data-loader-shim`.
const LOADER: &str = "docx_worker_loader.js";
const DOCX_MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// How long an export may wait for the worker to load and answer.
const TIMEOUT_MS: i32 = 60_000;
/// Start the worker at the latest this long after `start_worker()`, idle or not.
const IDLE_TIMEOUT_MS: i32 = 3_000;

const CANNOT_START: &str = "无法启动生成 DOCX 的组件，请刷新页面后重试。";
const CRASHED: &str = "生成 DOCX 的组件出错，请重试；如仍失败，请刷新页面。";
const TIMED_OUT: &str = "生成 DOCX 超时，请重试；如仍失败，请刷新页面。";

/// A request's promise callbacks.
struct Pending {
    resolve: Function,
    reject: Function,
}

struct Client {
    worker: Worker,
    ready: bool,
    /// Requests made before the worker signalled it had loaded.
    queued: Vec<JsValue>,
    pending: HashMap<u32, Pending>,
    next_id: u32,
    /// The worker's listeners, dropped (removed) with it.
    _listeners: [Listener; 2],
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the DOCX worker once the page is idle, so that loading it never
/// competes with the first paint. Idempotent.
pub fn start_worker() {
    let Some(window) = web_sys::window() else { return };
    let start = Closure::once_into_js(ensure_started);
    let idle = Reflect::get(&window, &"requestIdleCallback".into()).ok().filter(JsValue::is_function);
    let scheduled = match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
            idle.unchecked_into::<Function>().call2(&window, &start, &options).map(drop)
        }
        None => {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 0).map(drop)
        }
    };
    if scheduled.is_err() {
        ensure_started();
    }
}

/// Starts the worker now, if it is not running yet.
fn ensure_started() {
    CLIENT.with(|client| {
        if client.borrow().is_some() {
            return;
        }
        match spawn() {
            Ok(spawned) => *client.borrow_mut() = Some(spawned),
            Err(e) => web_sys::console::error_2(&"DOCX worker could not start".into(), &e),
        }
    });
}

/// Builds the DOCX of `report` in the worker and downloads it.
pub async fn export_docx(report: &Report) -> Result<(), String> {
    let name = xxgk_core::storage::docx_file_name(report);
    let bytes = request(xxgk_core::draft::to_json(report)).await?;
    crate::dom::download(&name, DOCX_MIME, &bytes)
        .map_err(|_| "浏览器未能保存文件，请检查下载设置后重试。".to_string())
}

fn spawn() -> Result<Client, JsValue> {
    let base = web_sys::window().ok_or("no window")?.location().href()?;
    let url = Url::new_with_base(LOADER, &base)?.href();
    let worker = Worker::new(&url)?;
    let on_message = listen(&worker, ev::message, |event: MessageEvent| on_reply(event.data()));
    // A plain `Event` when the script fails to load, an `ErrorEvent` when it throws.
    let on_error = listen(&worker, ev::Custom::new("error"), |event: web_sys::Event| {
        web_sys::console::error_2(&"DOCX worker failed".into(), &event);
        reset(CRASHED);
    });
    Ok(Client {
        worker,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
        _listeners: [on_message, on_error],
    })
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// A message from the worker: ready, or the answer to one request.
fn on_reply(data: JsValue) {
    let settled = CLIENT.with(|client| {
        let mut client = client.borrow_mut();
        let client = client.as_mut()?;
        if get(&data, "ready").is_truthy() {
            client.ready = true;
            for request in client.queued.drain(..) {
                if let Err(e) = client.worker.post_message(&request) {
                    web_sys::console::error_2(&"DOCX worker: cannot send".into(), &e);
                }
            }
            return None;
        }
        let id = get(&data, "id").as_f64()? as u32;
        client.pending.remove(&id)
    });
    let Some(pending) = settled else { return };
    let bytes = get(&data, "bytes");
    // Calling the callbacks outside the borrow: they only schedule work.
    let _ = if bytes.is_instance_of::<Uint8Array>() {
        pending.resolve.call1(&JsValue::NULL, &bytes)
    } else {
        let message = get(&data, "error").as_string().unwrap_or_else(|| CRASHED.to_string());
        pending.reject.call1(&JsValue::NULL, &message.into())
    };
}

/// Drops the worker and fails every request still waiting on it.
fn reset(message: &str) {
    let Some(client) = CLIENT.with(|client| client.borrow_mut().take()) else { return };
    client.worker.terminate();
    for pending in client.pending.into_values() {
        let _ = pending.reject.call1(&JsValue::NULL, &message.into());
    }
}

/// Sends `draft` to the worker; resolves with the DOCX bytes.
async fn request(draft: String) -> Result<Uint8Array, String> {
    ensure_started();
    let mut draft = Some(draft);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let Some(draft) = draft.take() else { return };
        let sent = CLIENT.with(|client| {
            let mut client = client.borrow_mut();
            let client = client.as_mut()?;
            let id = client.next_id;
            client.next_id += 1;
            let message = js_sys::Object::new();
            let _ = Reflect::set(&message, &"id".into(), &id.into());
            let _ = Reflect::set(&message, &"draft".into(), &draft.into());
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
    match JsFuture::from(promise).await {
        Ok(bytes) => Ok(bytes.unchecked_into()),
        Err(message) => Err(message.as_string().unwrap_or_else(|| CRASHED.to_string())),
    }
}

/// Fails request `id` if it is still waiting after [`TIMEOUT_MS`]; a worker
/// that never loaded is dropped so that the next export tries afresh.
fn time_out(id: u32) {
    let check = Closure::once_into_js(move || {
        let (still_pending, loaded) = CLIENT.with(|client| {
            let client = client.borrow();
            client.as_ref().map_or((false, true), |c| (c.pending.contains_key(&id), c.ready))
        });
        if !still_pending {
            return;
        }
        if loaded {
            let pending = CLIENT.with(|c| c.borrow_mut().as_mut().and_then(|c| c.pending.remove(&id)));
            if let Some(pending) = pending {
                let _ = pending.reject.call1(&JsValue::NULL, &TIMED_OUT.into());
            }
        } else {
            reset(TIMED_OUT);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), TIMEOUT_MS);
    }
}
