//! Drafts that are never lost: autosave into localStorage, several drafts,
//! JSON files, and what happens when storage fails or another window writes.
//!
//! The record format, the drafts index, next year's report and file names
//! are pure (`xxgk_core::storage`); this module reads and writes them.
//!
//! - [`install`] opens the last draft at start-up (setting aside any record
//!   that no longer reads), then saves every edit within half a second
//!   ([`autosave`]) and listens to other windows ([`tabs`]).
//! - Nothing the user typed is dropped: a failed write keeps the report in
//!   memory and says so; a record another window changed is never written
//!   over without the user choosing to; a newer version's draft opens read-only.

mod autosave;
pub mod clock;
pub mod files;
mod library;
mod local;
mod session;
mod status;
mod tabs;

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use xxgk_core::storage::keys::PROBE_KEY;
use xxgk_core::storage::{DraftId, DraftIndex, DraftMeta};

use crate::state::EditorState;
pub use library::Trashed;
pub use local::{LocalStore, StorageFailure};
pub use status::{Conflict, SaveStatus};

/// The app version written into every record.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What this window knows about the stored record of the open draft.
#[derive(Default)]
struct Seen {
    /// The record text last read or written here: if storage holds anything
    /// else, another window wrote it.
    raw: Option<String>,
    /// The editor revision that record holds.
    clean_revision: u64,
}

/// The drafts of this browser and the one open in the editor. `Copy`: every
/// field is an arena handle. Read the signals; change them through the methods.
#[derive(Clone, Copy)]
pub struct Drafts {
    editor: EditorState,
    store: Option<LocalStore>,
    /// The draft open in the editor.
    pub current: RwSignal<DraftId>,
    /// Its name and last year's text, saved beside the report.
    pub meta: RwSignal<DraftMeta>,
    pub status: RwSignal<SaveStatus>,
    /// Storage unavailable or full: the banner offering export.
    pub failure: RwSignal<Option<StorageFailure>>,
    /// Another window changed or deleted the open draft.
    pub conflict: RwSignal<Option<Conflict>>,
    /// Why the open draft is read-only (a newer version wrote it).
    pub read_only: RwSignal<Option<String>>,
    /// Things the user must hear about (a damaged record set aside, …).
    pub alerts: RwSignal<Vec<String>>,
    pub index: RwSignal<DraftIndex>,
    /// Drafts deleted in this session, newest last, for 「恢复」.
    pub trash: RwSignal<Vec<Trashed>>,
    seen: StoredValue<Seen>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

/// Opens the stored drafts for `editor`, provides [`Drafts`] to every
/// component, and starts saving.
pub fn install(editor: EditorState) -> Drafts {
    let opened = LocalStore::open(PROBE_KEY);
    let drafts = Drafts {
        editor,
        store: opened.as_ref().ok().copied(),
        current: RwSignal::new(library::new_id()),
        meta: RwSignal::new(DraftMeta::default()),
        status: RwSignal::new(SaveStatus::Untouched),
        failure: RwSignal::new(opened.err()),
        conflict: RwSignal::new(None),
        read_only: RwSignal::new(None),
        alerts: RwSignal::new(Vec::new()),
        index: RwSignal::new(DraftIndex::default()),
        trash: RwSignal::new(Vec::new()),
        seen: StoredValue::new(Seen::default()),
        timer: StoredValue::new(None),
    };
    provide_context(drafts);
    drafts.start();
    autosave::install(drafts);
    tabs::install(drafts);
    drafts
}

pub fn use_drafts() -> Drafts {
    expect_context::<Drafts>()
}

impl Drafts {
    fn alert(&self, text: String) {
        self.alerts.update(|a| a.push(text));
    }

    pub fn dismiss_alert(&self, i: usize) {
        self.alerts.update(|a| {
            if i < a.len() {
                a.remove(i);
            }
        });
    }

    /// Whether storage is there at all (it may still be full).
    pub fn has_storage(&self) -> bool {
        self.store.is_some()
    }
}
