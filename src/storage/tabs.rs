//! Two windows on the same draft. The storage event tells this window what
//! another one saved; a content change is never written over silently, here
//! or there (the other window checks storage before writing, see
//! `write_current`).

use leptos::ev;
use leptos::prelude::*;
use web_sys::StorageEvent;
use xxgk_core::storage::decode;
use xxgk_core::storage::keys::{draft_key, is_app_key};

use super::{Conflict, Drafts, SaveStatus};
use crate::dom::listen;

pub(super) fn install(drafts: Drafts) {
    listen(&window(), ev::storage, move |event: StorageEvent| drafts.heard(&event)).keep();
}

impl Drafts {
    fn heard(self, event: &StorageEvent) {
        // `key` is null when another window cleared the whole storage.
        let key = event.key();
        if key.as_deref().is_some_and(|k| !is_app_key(k)) {
            return;
        }
        let current_key = draft_key(&self.current.get_untracked());
        if key.is_none() || key.as_deref() == Some(current_key.as_str()) {
            self.other_window_wrote(event.new_value());
        }
        match key {
            // One record changed: re-read only that one (the other window saves often while typing).
            Some(key) => self.index.update(|index| index.apply(&key, event.new_value().as_deref())),
            None => self.refresh_index(),
        }
    }

    fn other_window_wrote(self, new: Option<String>) {
        if self.seen.with_value(|seen| seen.raw == new) {
            return;
        }
        // Same report, other metadata (a rename there): nothing to choose between.
        let same_report = new.as_deref().and_then(|text| decode(text).ok()).filter(|opened| {
            !self.is_dirty() && self.editor.report().with_untracked(|report| *report == opened.report)
        });
        if let Some(opened) = same_report {
            self.seen.update_value(|seen| seen.raw = new);
            self.meta.set(opened.meta);
            return;
        }
        let conflict = if new.is_some() { Conflict::Changed } else { Conflict::Deleted };
        self.cancel_timer();
        self.conflict.set(Some(conflict));
        self.status.set(SaveStatus::Held(conflict.message().to_string()));
    }
}
