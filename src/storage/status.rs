//! Whether the open draft is saved: a memo over what the session and the
//! store know, never set beside the facts it follows.

use leptos::prelude::*;

use super::clock;
use super::local::StorageFailure;
use super::session::{Conflict, Session};
use super::store::Store;

/// The save status shown in the drafts bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing typed yet into a draft that has never been saved.
    Untouched,
    /// An edit waits for the autosave.
    Saving,
    /// Saved at this time (ms since 1970).
    Saved(u64),
    /// The last attempt failed (or there is no storage); the draft is kept in memory.
    Failed(StorageFailure),
    /// Nothing is written, by design.
    Held(Hold),
}

/// Why the open draft is not written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hold {
    /// A newer version wrote it.
    ReadOnly,
    /// Another window changed or deleted it.
    Conflict(Conflict),
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            SaveStatus::Untouched => "尚未修改".to_string(),
            SaveStatus::Saving => "保存中…".to_string(),
            SaveStatus::Saved(at) => format!("已保存 {}", clock::time_of_day(*at)),
            SaveStatus::Failed(failure) => format!("保存失败：{}", failure.message()),
            SaveStatus::Held(Hold::ReadOnly) => "未保存：只读草稿".to_string(),
            SaveStatus::Held(Hold::Conflict(conflict)) => format!("未保存：{}", conflict.message()),
        }
    }

    /// A short machine-readable state for styling and tests.
    pub fn state(&self) -> &'static str {
        match self {
            SaveStatus::Untouched => "untouched",
            SaveStatus::Saving => "saving",
            SaveStatus::Saved(_) => "saved",
            SaveStatus::Failed(_) => "failed",
            SaveStatus::Held(_) => "held",
        }
    }
}

/// The status, in order of what matters most: a draft that is not written
/// by design, storage failing, edits waiting, the last save.
pub(super) fn derive(session: Session, store: Store) -> Memo<SaveStatus> {
    Memo::new(move |_| {
        if session.is_read_only() {
            return SaveStatus::Held(Hold::ReadOnly);
        }
        if let Some(conflict) = session.conflict.get() {
            return SaveStatus::Held(Hold::Conflict(conflict));
        }
        if let Some(failure) = store.unavailable().or_else(|| session.last_failure()) {
            return SaveStatus::Failed(failure);
        }
        if session.dirty() {
            return SaveStatus::Saving;
        }
        match session.stored_at() {
            Some(at) => SaveStatus::Saved(at),
            None => SaveStatus::Untouched,
        }
    })
}
