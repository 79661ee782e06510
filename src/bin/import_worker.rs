//! The import worker: reads last year's published report (a `.docx`, a saved
//! portal page, or what was pasted from one) off the main thread and off the
//! first load: the readers (zip, XML, html5ever, encodings) live only in this
//! wasm. `src/import_client.rs` starts it on the first import.
//!
//! Protocol (plain JS objects):
//! - worker → page, once loaded: `{ ready: true }`;
//! - page → worker: `{ id, name: string, bytes: Uint8Array }` (a file) or
//!   `{ id, html: string }` (a paste's `text/html`);
//! - worker → page: `{ id, document: string, ms: number }`, the neutral
//!   document's JSON (`xxgk_core::import::Document`), or `{ id, error }`
//!   with a Chinese message.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use xxgk_core::import::readers::{self, html};
use xxgk_core::import::Document;

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let replies = scope.clone();
    let onmessage = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Err(e) = replies.post_message(&handle(&event.data())) {
            web_sys::console::error_2(&"import worker: cannot reply".into(), &e);
        }
    });
    scope.set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    let ready = Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    // Messages sent before the wasm has loaded are lost: the page waits for this.
    if let Err(e) = scope.post_message(&ready) {
        web_sys::console::error_2(&"import worker: cannot signal ready".into(), &e);
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The reply to one request.
fn handle(request: &JsValue) -> Object {
    let reply = Object::new();
    set(&reply, "id", &get(request, "id"));
    let started = js_sys::Date::now();
    let read = if let Some(html) = get(request, "html").as_string() {
        html::read_html_str(&html).map_err(|e| e.message())
    } else {
        let bytes = get(request, "bytes");
        if bytes.is_instance_of::<Uint8Array>() {
            let name = get(request, "name").as_string().unwrap_or_default();
            read_bytes(&name, &bytes.unchecked_into::<Uint8Array>().to_vec())
        } else {
            Err("导入请求格式不正确（缺少文件内容）。".to_string())
        }
    };
    match read.and_then(|doc| serde_json::to_string(&doc).map_err(|_| "无法整理读取的内容".to_string()))
    {
        Ok(json) => {
            set(&reply, "document", &json.into());
            set(&reply, "ms", &(js_sys::Date::now() - started).into());
        }
        Err(message) => set(&reply, "error", &message.into()),
    }
    reply
}

/// A file: a `.docx` or a page, told by its bytes.
fn read_bytes(name: &str, bytes: &[u8]) -> Result<Document, String> {
    readers::read_file(name, bytes).map_err(|e| format!("「{name}」：{}", e.message()))
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), value);
}
