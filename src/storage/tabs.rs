//! Two windows on the same draft. The storage event tells this window what
//! another one saved; a content change is never written over silently, here
//! or there (the other window checks storage before writing, see
//! `Session::write_current`).

use leptos::ev;
use leptos::prelude::*;
use web_sys::StorageEvent;
use xxgk_core::storage::keys::{draft_key, is_app_key};

use super::session::Session;
use super::store::Store;
use crate::dom::listen;

pub(super) fn install(session: Session, store: Store) {
    listen(&window(), ev::storage, move |event: StorageEvent| heard(session, store, &event)).keep();
}

fn heard(session: Session, store: Store, event: &StorageEvent) {
    // `key` is null when another window cleared the whole storage.
    let key = event.key();
    if key.as_deref().is_some_and(|k| !is_app_key(k)) {
        return;
    }
    let current_key = draft_key(&session.current.get_untracked());
    if key.is_none() || key.as_deref() == Some(current_key.as_str()) {
        session.other_window_wrote(event.new_value());
    }
    match key {
        // One record changed: re-read only that one (the other window saves often while typing).
        Some(key) => store.heard(&key, event.new_value().as_deref()),
        None => store.refresh_index(),
    }
}
