//! The page's dealings with the browser: reading picked or dropped files,
//! downloads, and the editor's drafts in localStorage (read with the core's
//! record format; a draft written here is one the editor opens).

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Storage, Url};
use xxgk_core::model::Report;
use xxgk_core::storage::keys::{draft_id_of_key, draft_key, LAST_OPENED_KEY};
use xxgk_core::storage::{decode, encode, DraftId, DraftMeta};

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

/// The bytes of a file, or a message naming it.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer =
        JsFuture::from(file.array_buffer()).await.map_err(|_| format!("「{}」无法读取", file.name()))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Saves `bytes` as `name` through a Blob URL and a clicked link.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let fail = |_| "浏览器未能生成下载文件".to_string();
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let window = web_sys::window().ok_or("浏览器未能生成下载文件")?;
    let document = window.document().ok_or("浏览器未能生成下载文件")?;
    let link: HtmlAnchorElement = document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    document.body().ok_or("浏览器未能生成下载文件")?.append_child(&link).map_err(fail)?;
    link.click();
    link.remove();
    // Revoked later: some browsers start reading the Blob after click() returns.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
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

/// Marks the moment a batch of files has been read, for bench/summary_view.mjs.
pub fn mark(name: &str) {
    if let Some(w) = web_sys::window() {
        let at = w.performance().map_or(0.0, |p| p.now());
        let _ = js_sys::Reflect::set(&w, &JsValue::from_str(name), &JsValue::from_f64(at));
    }
}
