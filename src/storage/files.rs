//! Files in and out of the page: a download through a Blob URL, and the text
//! of a file the user picked or dropped.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};
use xxgk_core::storage::import::{read_draft_file, too_large, MAX_FILE_BYTES};

/// Saves `blob` as `name` through a Blob URL and a clicked download link.
pub fn save_blob(blob: &Blob, name: &str) -> Result<(), JsValue> {
    let url = Url::create_object_url_with_blob(blob)?;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    document.body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    // Revoked later, not at once: some browsers start reading the Blob after click() returns.
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}

/// Downloads `text` (UTF-8) as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let options = BlobPropertyBag::new();
    options.set_type(&format!("{mime};charset=utf-8"));
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    Blob::new_with_str_sequence_and_options(&parts, &options)
        .and_then(|blob| save_blob(&blob, name))
        .map_err(|_| "浏览器未能生成下载文件".to_string())
}

/// The files of a file input or a drop, in order.
pub fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// The text of a file, decoded as UTF-8 (a byte-order mark is dropped).
pub async fn read_text(file: &web_sys::File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| format!("无法读取「{}」", file.name()))?;
    text.as_string().ok_or_else(|| format!("无法读取「{}」", file.name()))
}

/// The report in a draft file the user picked or dropped, or a message naming
/// the file and what is wrong with it.
pub async fn read_draft(file: &web_sys::File) -> Result<xxgk_core::model::Report, String> {
    let name = file.name();
    let size = file.size() as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(&name, size));
    }
    read_draft_file(&name, &read_text(file).await?)
}
