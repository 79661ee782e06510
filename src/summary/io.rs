//! The page's dealings with the browser: reading picked or dropped files,
//! downloads, the service worker (offline use), and the editor's drafts in localStorage (read with the core's
//! record format; a draft written here is one the editor opens).

use js_sys::Uint8Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RegistrationOptions, Storage};
use xxgk_core::model::Report;
use xxgk_core::storage::keys::{draft_id_of_key, draft_key, LAST_OPENED_KEY};
use xxgk_core::storage::{decode, encode, DraftId, DraftMeta};

#[path = "../download.rs"]
mod download;

/// The app version written into draft records, as the editor does.
const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The roster pasted last time, kept for next year's 汇总.
pub const ROSTER_KEY: &str = "xxgk-report:summary:roster";

pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The files of a file input or a drop, in order.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The bytes of each file (name, bytes or a message naming it), in order.
/// Every read is started at once, so the browser reads the files together.
pub async fn read_all(files: &[web_sys::File]) -> Vec<(String, Result<Vec<u8>, String>)> {
    let started: Vec<(String, JsFuture)> =
        files.iter().map(|f| (f.name(), JsFuture::from(f.array_buffer()))).collect();
    let mut out = Vec::with_capacity(started.len());
    for (name, read) in started {
        let bytes =
            read.await.map(|b| Uint8Array::new(&b).to_vec()).map_err(|_| format!("「{name}」无法读取"));
        out.push((name, bytes));
    }
    out
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Saves `bytes` as `name` (the editor's download, `src/download.rs`).
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download::download(name, mime, &Uint8Array::from(bytes)).map_err(|_| "浏览器未能生成下载文件".to_string())
}

fn storage() -> Result<Storage, String> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| "浏览器存储不可用（可能处于隐私模式或已被禁用）".to_string())
}

pub fn load_text(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

pub fn save_text(key: &str, value: &str) {
    if let Ok(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// The editor's drafts in this browser: (id, title, report), readable ones only.
pub fn stored_drafts() -> Result<Vec<(DraftId, String, Report)>, String> {
    let s = storage()?;
    let mut out = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        let Some(key) = s.key(i).ok().flatten() else { continue };
        let Some(id) = draft_id_of_key(&key) else { continue };
        let Some(raw) = s.get_item(&key).ok().flatten() else { continue };
        if let Ok(opened) = decode(&raw) {
            let title = if opened.meta.name.is_empty() {
                xxgk_core::storage::draft_title(&opened.report.unit_name, opened.report.year)
            } else {
                opened.meta.name.clone()
            };
            out.push((id, title, opened.report));
        }
    }
    Ok(out)
}

/// Stores `report` as a new draft of the editor; returns its id.
pub fn store_new_draft(report: &Report) -> Result<DraftId, String> {
    let s = storage()?;
    let now = now_ms() as u64;
    let id = DraftId::generate(now, (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
    let meta = DraftMeta { app_version: APP_VERSION.to_string(), saved_at_ms: now, ..DraftMeta::default() };
    s.set_item(&draft_key(&id), &encode(report, &meta))
        .map_err(|_| "浏览器存储已满或不可用，草稿未能保存；请先在编辑器中导出或删除一些草稿".to_string())?;
    Ok(id)
}

/// Opens the editor on draft `id` in a new tab (the editor opens the draft last opened).
pub fn open_in_editor(id: &DraftId) -> Result<(), String> {
    storage()?.set_item(LAST_OPENED_KEY, id.as_str()).map_err(|_| "浏览器存储不可用".to_string())?;
    let window = web_sys::window().ok_or("无法打开编辑器")?;
    window.open_with_url_and_target("./", "_blank").map_err(|_| "无法打开编辑器".to_string())?;
    Ok(())
}

/// Registers the build's service worker (pwa/sw.js) once the page has
/// loaded, as the editor does (src/sw.rs): a clerk who opens only the 汇总
/// page can open it offline too. New versions are offered by the editor;
/// here the worker is only registered (a new one waits for the editor).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator = window.navigator();
    let present = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|v| !v.is_undefined());
    if !present {
        return; // e.g. a portal on plain http: the page works, online only
    }
    let register = move || {
        let options = RegistrationOptions::new();
        options.set_scope("./");
        let promise = navigator.service_worker().register_with_options("sw.js", &options);
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(err) = JsFuture::from(promise).await {
                web_sys::console::warn_2(&"离线使用不可用：service worker 注册失败".into(), &err);
            }
        });
    };
    if window.document().is_some_and(|d| d.ready_state() == "complete") {
        register();
    } else {
        let once = Closure::once_into_js(register);
        let _ = window.add_event_listener_with_callback("load", once.unchecked_ref());
    }
}

/// Marks the moment a batch of files has been read, for bench/summary_view.mjs.
pub fn mark(name: &str) {
    if let Some(w) = web_sys::window() {
        let at = w.performance().map_or(0.0, |p| p.now());
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str(name), &JsValue::from_f64(at));
    }
}
