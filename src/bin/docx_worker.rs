//! The DOCX worker: builds the .docx off the main thread and off the first
//! load (docx-rs is most of its size). Trunk builds it as a separate wasm
//! (`data-type="worker"`, with a loader shim); `src/docx_client.rs` starts it
//! once the page is interactive.
//!
//! Protocol (all plain JS objects):
//! - worker → page, once loaded: `{ ready: true }`;
//! - page → worker: `{ id: number, draft: string }`, the draft file's JSON;
//! - worker → page: `{ id, bytes: Uint8Array, ms: number }` with the buffer
//!   transferred, or `{ id, error: string }` with a Chinese message.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = handle(&event.data());
        let result = match Reflect::get(&reply, &"bytes".into()) {
            Ok(bytes) if bytes.is_instance_of::<Uint8Array>() => {
                let buffer = bytes.unchecked_into::<Uint8Array>().buffer();
                replies.post_message_with_transfer(&reply, &Array::of1(&buffer))
            }
            _ => replies.post_message(&reply),
        };
        if let Err(e) = result {
            web_sys::console::error_2(&"DOCX worker: cannot reply".into(), &e);
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    // The one exception to `dom::Listener` (which needs Leptos, kept out of this wasm):
    // `main` returns at once, and the handler is needed as long as the worker runs.
    onmessage.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    // Messages sent before the wasm has loaded are lost: the page waits for this.
    if let Err(e) = scope.post_message(&ready) {
        web_sys::console::error_2(&"DOCX worker: cannot signal ready".into(), &e);
    }
}

/// The reply to one request.
fn handle(request: &JsValue) -> Object {
    let reply = Object::new();
    let id = Reflect::get(request, &"id".into()).unwrap_or(JsValue::NULL);
    set(&reply, "id", &id);
    let draft = Reflect::get(request, &"draft".into()).ok().and_then(|d| d.as_string());
    let Some(draft) = draft else {
        set(&reply, "error", &"导出请求格式不正确（缺少草稿内容）。".into());
        return reply;
    };
    let started = js_sys::Date::now();
    match xxgk_core::draft::from_json(&draft) {
        Ok(report) => {
            let bytes = xxgk_core::docx::build_docx(&report);
            set(&reply, "bytes", &Uint8Array::from(&bytes[..]));
            set(&reply, "ms", &(js_sys::Date::now() - started).into());
        }
        Err(e) => set(&reply, "error", &format!("草稿无法导出：{}", e.message()).into()),
    }
    reply
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), value);
}
