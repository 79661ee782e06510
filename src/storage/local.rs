//! localStorage without panics: every way it can fail is a [`StorageFailure`].
//!
//! This goes through `web_sys::Storage` rather than gloo-storage 0.4, which the
//! stack first named: its `LocalStorage::raw()` uses `expect_throw` when storage
//! is disabled (private mode, policy), and its error conversion `unreachable!`s
//! on a thrown value that is not an `Error`; with `panic = "abort"` either
//! would kill the page and the draft in memory with it. It also only stores
//! values it serialises itself, while backups and conflict detection need the
//! raw text.

use wasm_bindgen::{JsCast, JsValue};

/// Why a read or write did not happen; the message is shown to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageFailure {
    /// No localStorage: private mode, disabled by policy, or a sandboxed page.
    Unavailable,
    /// The browser's quota for this site is used up.
    Full,
    /// Anything else the browser reported.
    Other(String),
}

impl StorageFailure {
    pub fn message(&self) -> String {
        match self {
            StorageFailure::Unavailable => {
                "浏览器不允许本页使用本地存储（可能处于无痕/隐私模式或被禁用）".to_string()
            }
            StorageFailure::Full => "浏览器本地存储空间已满".to_string(),
            StorageFailure::Other(detail) => format!("浏览器拒绝写入本地存储（{detail}）"),
        }
    }

    fn from_js(error: JsValue) -> StorageFailure {
        let name = js_sys::Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string());
        match name.as_deref() {
            // Firefox reports NS_ERROR_DOM_QUOTA_REACHED; old WebKit uses code 22.
            Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED") => StorageFailure::Full,
            Some("SecurityError") => StorageFailure::Unavailable,
            _ => {
                let code =
                    js_sys::Reflect::get(&error, &JsValue::from_str("code")).ok().and_then(|c| c.as_f64());
                if code == Some(22.0) {
                    return StorageFailure::Full;
                }
                let text = error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
                    .or(name)
                    .unwrap_or_else(|| "未知错误".to_string());
                StorageFailure::Other(text)
            }
        }
    }
}

/// The page's localStorage, once it is known to be there. A plain handle
/// (`Copy`, no JS object inside), so it can live in reactive state.
#[derive(Clone, Copy, Debug)]
pub struct LocalStore(());

fn local_storage() -> Result<web_sys::Storage, StorageFailure> {
    let window = web_sys::window().ok_or(StorageFailure::Unavailable)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageFailure::Unavailable),
        Err(error) => Err(StorageFailure::from_js(error)),
    }
}

impl LocalStore {
    /// Opens localStorage and proves it takes a write: some browsers hand out
    /// a storage object in private mode that refuses every write.
    pub fn open(probe_key: &str) -> Result<LocalStore, StorageFailure> {
        local_storage()?;
        let store = LocalStore(());
        match store.set(probe_key, "1") {
            // A full store still reads: the drafts in it must stay reachable.
            Ok(()) | Err(StorageFailure::Full) => {
                store.remove(probe_key);
                Ok(store)
            }
            Err(failure) => Err(failure),
        }
    }

    pub fn get(&self, key: &str) -> Option<String> {
        local_storage().ok()?.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageFailure> {
        local_storage()?.set_item(key, value).map_err(StorageFailure::from_js)
    }

    pub fn remove(&self, key: &str) {
        if let Ok(storage) = local_storage() {
            let _ = storage.remove_item(key);
        }
    }

    /// Every key of the origin (values are read only for the keys wanted).
    pub fn keys(&self) -> Vec<String> {
        let Ok(storage) = local_storage() else {
            return Vec::new();
        };
        let len = storage.length().unwrap_or(0);
        (0..len).filter_map(|i| storage.key(i).ok().flatten()).collect()
    }
}
