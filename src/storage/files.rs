//! Files in and out of the page: a text download, and the text of a file the
//! user picked or dropped.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use xxgk_core::storage::import::{read_draft_file, too_large, MAX_FILE_BYTES};

/// Downloads `text` (UTF-8) as a file called `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    crate::dom::download(name, &format!("{mime};charset=utf-8"), &JsValue::from_str(text))
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
