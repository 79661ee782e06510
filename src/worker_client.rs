//! The page side of a worker wasm (Trunk's `data-type="worker"
//! data-loader-shim`), shared by the DOCX export (`docx_client.rs`) and the
//! report import (`import_client.rs`).
//!
//! The protocol both workers speak (plain JS objects): once loaded the worker
//! posts `{ ready: true }`; each request carries an `id` given here, and its
//! reply the same `id`, with `error` (a Chinese message) when it failed.
//! Requests made before `ready` wait in a queue (a worker drops messages that
//! arrive before its wasm has loaded).
//!
//! A request still waiting after [`TIMEOUT_MS`], a worker that fails to load
//! or throws: the worker is dropped and every request waiting on it fails
//! with the client's message; the next request starts it afresh.

use std::cell::RefCell;
use std::collections::HashMap;
use std::thread::LocalKey;

use js_sys::{Function, Object, Promise, Reflect};
use leptos::ev;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Url};

use crate::dom::{listen, Listener};

/// How long a request may wait for the worker to load and answer.
const TIMEOUT_MS: i32 = 60_000;

/// What the user reads when the worker cannot do its job, in Chinese.
pub struct Messages {
    pub cannot_start: &'static str,
    pub crashed: &'static str,
    pub timed_out: &'static str,
}

/// One worker: its loader and messages, and the running worker once started.
pub struct WorkerClient {
    loader: &'static str,
    messages: Messages,
    running: RefCell<Option<Running>>,
}

/// A client is a thread-local (the page's one thread); its worker's
/// callbacks find it through this key.
pub type Key = &'static LocalKey<WorkerClient>;

struct Running {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests made before the worker signalled it had loaded.
    queued: Vec<JsValue>,
    /// Each waiting request's promise callbacks (resolve, reject).
    pending: HashMap<u32, (Function, Function)>,
    next_id: u32,
    /// The worker's listeners, dropped (removed) with it.
    _listeners: [Listener; 2],
}

impl WorkerClient {
    /// A client of the worker whose loader is `loader` (next to index.html).
    pub const fn new(loader: &'static str, messages: Messages) -> WorkerClient {
        WorkerClient { loader, messages, running: RefCell::new(None) }
    }
}

/// Starts the worker now, if it is not running yet; `false` if it cannot start.
pub fn ensure_started(key: Key) -> bool {
    key.with(|client| {
        if client.running.borrow().is_some() {
            return true;
        }
        match spawn(key, client.loader) {
            Ok(running) => {
                *client.running.borrow_mut() = Some(running);
                true
            }
            Err(e) => {
                web_sys::console::error_3(&"worker could not start:".into(), &client.loader.into(), &e);
                false
            }
        }
    })
}

/// Sends `message` (its `id` set here) and resolves with the worker's reply,
/// or fails with the reply's `error` or the client's message.
pub async fn request(key: Key, message: Object) -> Result<JsValue, String> {
    let crashed = key.with(|c| c.messages.crashed);
    let mut message = Some(message);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let Some(message) = message.take() else { return };
        let sent = ensure_started(key)
            .then(|| {
                key.with(|client| {
                    let mut running = client.running.borrow_mut();
                    let running = running.as_mut()?;
                    let id = running.next_id;
                    running.next_id += 1;
                    let _ = Reflect::set(&message, &"id".into(), &id.into());
                    if running.ready {
                        running.worker.post_message(&message).ok()?;
                    } else {
                        running.queued.push(message.into());
                    }
                    running.pending.insert(id, (resolve, reject.clone()));
                    Some(id)
                })
            })
            .flatten();
        match sent {
            Some(id) => time_out(key, id),
            None => {
                let _ = reject.call1(&JsValue::NULL, &key.with(|c| c.messages.cannot_start).into());
            }
        }
    });
    JsFuture::from(promise)
        .await
        .map_err(|message| message.as_string().unwrap_or_else(|| crashed.to_string()))
}

fn spawn(key: Key, loader: &str) -> Result<Running, JsValue> {
    let base = web_sys::window().ok_or("no window")?.location().href()?;
    let worker = web_sys::Worker::new(&Url::new_with_base(loader, &base)?.href())?;
    let on_message = listen(&worker, ev::message, move |event: MessageEvent| on_reply(key, event.data()));
    // A plain `Event` when the script fails to load, an `ErrorEvent` when it throws.
    let on_error = listen(&worker, ev::Custom::new("error"), move |event: web_sys::Event| {
        web_sys::console::error_2(&"worker failed".into(), &event);
        reset(key, |m| m.crashed);
    });
    Ok(Running {
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
fn on_reply(key: Key, data: JsValue) {
    let settled = key.with(|client| {
        let mut running = client.running.borrow_mut();
        let running = running.as_mut()?;
        if get(&data, "ready").is_truthy() {
            running.ready = true;
            for request in running.queued.drain(..) {
                if let Err(e) = running.worker.post_message(&request) {
                    web_sys::console::error_2(&"worker: cannot send".into(), &e);
                }
            }
            return None;
        }
        running.pending.remove(&(get(&data, "id").as_f64()? as u32))
    });
    let Some((resolve, reject)) = settled else { return };
    // Called outside the borrow: they only schedule work.
    let _ = match get(&data, "error").as_string() {
        None => resolve.call1(&JsValue::NULL, &data),
        Some(message) => reject.call1(&JsValue::NULL, &message.into()),
    };
}

/// Drops the worker and fails every request still waiting on it.
fn reset(key: Key, message: fn(&Messages) -> &'static str) {
    let Some((running, message)) =
        key.with(|client| client.running.borrow_mut().take().map(|r| (r, message(&client.messages))))
    else {
        return;
    };
    running.worker.terminate();
    for (_, reject) in running.pending.into_values() {
        let _ = reject.call1(&JsValue::NULL, &message.into());
    }
}

/// Fails request `id` still waiting after [`TIMEOUT_MS`], and drops the
/// worker: one that never loaded or never answers is not asked again.
fn time_out(key: Key, id: u32) {
    let check = Closure::once_into_js(move || {
        let waiting = key.with(|c| c.running.borrow().as_ref().is_some_and(|r| r.pending.contains_key(&id)));
        if waiting {
            reset(key, |m| m.timed_out);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ =
            window.set_timeout_with_callback_and_timeout_and_arguments_0(check.unchecked_ref(), TIMEOUT_MS);
    }
}
