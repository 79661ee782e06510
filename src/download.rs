//! Saving a file from the page: a Blob URL and a clicked download link. The
//! one copy, used by the editor (through `dom`) and by the 汇总 page's own
//! wasm (`src/summary/io.rs`, by `#[path]`).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long a download's Blob URL stays valid: some browsers start reading
/// the Blob only after `click()` returns.
const REVOKE_AFTER_MS: i32 = 60_000;

/// Saves `content` (a string or a `Uint8Array`) as a file called `name` of
/// type `mime`, through a Blob URL and a clicked download link.
pub fn download(name: &str, mime: &str, content: &JsValue) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    // web-sys's `new_with_*_sequence` are one JS constructor, taking strings and byte arrays alike.
    let blob = Blob::new_with_blob_sequence_and_options(&js_sys::Array::of1(content), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    document.body().ok_or("no body")?.append_child(&link)?;
    link.click();
    link.remove();
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), REVOKE_AFTER_MS)?;
    Ok(())
}
