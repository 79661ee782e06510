//! The import worker: reads and recognises last year's published report (a
//! `.docx`, a saved portal page, or what was pasted from one) off the main
//! thread and off the first load: the readers (zip, XML, html5ever,
//! encodings) and the recogniser live only in this wasm.
//! `src/import_client.rs` starts it on the first import.
//!
//! Protocol (plain JS objects):
//! - worker → page, once loaded: `{ ready: true }`;
//! - page → worker: `{ id, name: string, bytes: Uint8Array }` (a file) or
//!   `{ id, html: string, text: string }` (a paste's `text/html` and `text/plain`);
//! - worker → page: `{ id, draft, report, ms }`: the report as a draft file
//!   (`xxgk_core::draft`) and the import report as an HTML fragment
//!   (`ImportReport::groups` as JSON, plain text), or `{ id, error }` with a
//!   Chinese message.

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};
use xxgk_core::draft;
use xxgk_core::import::{import, Source};

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
    let bytes = get(request, "bytes");
    let imported = if let Some(html) = get(request, "html").as_string() {
        let text = get(request, "text").as_string().unwrap_or_default();
        import(Source::pasted(&html, &text))
    } else if bytes.is_instance_of::<Uint8Array>() {
        let name = get(request, "name").as_string().unwrap_or_default();
        import(Source::File { name: &name, bytes: &bytes.unchecked_into::<Uint8Array>().to_vec() })
    } else {
        Err("导入请求格式不正确（缺少文件内容）。".to_string())
    };
    match imported {
        Ok(imported) => {
            set(&reply, "draft", &draft::to_json(&imported.report).into());
            set(&reply, "report", &serde_json::to_string(&imported.log.groups()).unwrap_or_default().into());
            set(&reply, "ms", &(js_sys::Date::now() - started).into());
        }
        Err(message) => set(&reply, "error", &message.into()),
    }
    reply
}

fn set(object: &Object, key: &str, value: &JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &key.into(), value);
}
