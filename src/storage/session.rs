//! The draft open in this window: opening it, saving it, and settling a
//! conflict with another window that wrote it.

use leptos::leptos_dom::helpers::TimeoutHandle;
use leptos::prelude::*;
use xxgk_core::draft;
use xxgk_core::model::Report;
use xxgk_core::storage::{
    decode, encode, export_file_name, Access, DraftId, DraftMeta, DraftSummary, Opened,
};

use super::clock;
use super::files;
use super::local::StorageFailure;
use super::store::{draft_file_of, new_id, Store, APP_VERSION};
use crate::state::EditorState;

/// What another window did to the draft open here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conflict {
    /// It saved other content.
    Changed,
    /// It deleted the draft.
    Deleted,
}

impl Conflict {
    pub fn message(self) -> &'static str {
        match self {
            Conflict::Changed => "此草稿已在另一窗口修改",
            Conflict::Deleted => "此草稿已在另一窗口删除",
        }
    }
}

/// What this window knows about the stored record of the open draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Record {
    /// The record text last read or written here: if storage holds anything
    /// else, another window wrote it.
    raw: Option<String>,
    /// The editor revision that record holds.
    clean_revision: u64,
    /// The last attempt to write it failed.
    failure: Option<StorageFailure>,
}

/// The draft open in the editor. `Copy`: every field is an arena handle.
/// Its read-only state is the editor's ([`EditorState::locked`]).
#[derive(Clone, Copy)]
pub struct Session {
    editor: EditorState,
    store: Store,
    /// The draft open in the editor.
    pub current: RwSignal<DraftId>,
    /// Its name and last year's text, saved beside the report.
    pub meta: RwSignal<DraftMeta>,
    /// Another window changed or deleted the open draft.
    pub conflict: RwSignal<Option<Conflict>>,
    record: RwSignal<Record>,
    /// The pending autosave.
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Session {
    pub(super) fn new(editor: EditorState, store: Store) -> Session {
        Session {
            editor,
            store,
            current: RwSignal::new(new_id()),
            meta: RwSignal::new(DraftMeta::default()),
            conflict: RwSignal::new(None),
            record: RwSignal::new(Record::default()),
            timer: StoredValue::new(None),
        }
    }

    pub(super) fn editor(&self) -> EditorState {
        self.editor
    }

    /// Opens the draft opened last (or the newest): `Err` if it would not open.
    pub(super) fn start(self) -> Result<(), String> {
        let last = self.store.last_opened();
        let pick = self.store.index.with_untracked(|index| last.filter(|id| index.get(id).is_some()));
        match pick.or_else(|| self.store.newest()) {
            Some(id) => self.open(&id),
            None => Ok(()),
        }
    }

    /// Saves the open draft, then opens `id` in the editor. If the open
    /// draft's edits cannot be stored (a full disk, a conflict), it stays
    /// open and `Err` says why: switching would drop them.
    pub fn open(self, id: &DraftId) -> Result<(), String> {
        if *id != self.current.get_untracked() && !self.save_before_leaving() {
            return Err(format!(
                "当前草稿的修改还没能保存（{}），为免丢失，没有切换草稿。请先「导出草稿文件」，或处理好后再切换。",
                self.unsaved_reason()
            ));
        }
        let Some(raw) = self.store.raw(id) else {
            self.store.refresh_index();
            return Err("找不到这份草稿（可能已在另一窗口删除）".to_string());
        };
        let opened = decode(&raw).map_err(|problem| format!("无法打开这份草稿：{}", problem.message()))?;
        self.show(id.clone(), opened, Some(raw));
        Ok(())
    }

    /// Puts a draft into the editor; `raw` is its stored record, if it has one.
    pub(super) fn show(self, id: DraftId, opened: Opened, raw: Option<String>) {
        self.cancel_timer();
        self.editor.set_read_only(match opened.access {
            Access::ReadOnly(message) => Some(message),
            Access::Editable => None,
        });
        self.conflict.set(None);
        self.editor.load(opened.report);
        self.meta.set(opened.meta);
        self.current.set(id.clone());
        let clean_revision = self.editor.revision().get_untracked();
        self.record.set(Record { raw, clean_revision, failure: None });
        self.store.set_last_opened(&id);
    }

    /// Whether the editor holds edits not yet in storage (tracked).
    pub fn dirty(&self) -> bool {
        self.editor.revision().get() != self.record.with(|record| record.clean_revision)
    }

    /// Whether the editor holds edits not yet in storage.
    pub fn is_dirty(self) -> bool {
        untrack(|| self.dirty())
    }

    /// Why the open draft is read-only (a newer version wrote it), if it is (tracked).
    pub fn read_only(&self) -> Option<String> {
        self.editor.locked().get()
    }

    pub(super) fn is_read_only(&self) -> bool {
        self.editor.locked().with(Option::is_some)
    }

    /// The last write of the open draft failed (tracked).
    pub(super) fn last_failure(&self) -> Option<StorageFailure> {
        self.record.with(|record| record.failure.clone())
    }

    /// When the record of the open draft was saved, if it is stored (tracked).
    pub(super) fn stored_at(&self) -> Option<u64> {
        let stored = self.record.with(|record| record.raw.is_some());
        stored.then(|| self.meta.with(|meta| meta.saved_at_ms))
    }

    pub(super) fn cancel_timer(self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    }

    pub(super) fn set_timer(self, handle: Option<TimeoutHandle>) {
        self.timer.set_value(handle);
    }

    /// Saves pending edits before the editor shows another draft: whether
    /// nothing unsaved is left (a read-only draft holds no edits).
    pub(super) fn save_before_leaving(self) -> bool {
        self.save_now();
        !self.is_dirty() || self.is_read_only()
    }

    /// Why the open draft's edits are not stored, in the user's words.
    fn unsaved_reason(self) -> String {
        if let Some(failure) = self.record.with_untracked(|record| record.failure.clone()) {
            failure.message()
        } else if let Some(conflict) = self.conflict.get_untracked() {
            conflict.message().to_string()
        } else {
            "浏览器不允许本页使用本地存储".to_string()
        }
    }

    /// Saves pending edits now (the autosave timer, leaving the page, switching drafts).
    pub fn save_now(self) {
        self.cancel_timer();
        if self.is_dirty() {
            self.write_current();
        }
    }

    /// Writes the open draft, unless that would overwrite another window's
    /// record or a newer version's draft. Returns whether it was written; if
    /// not, the save status says why.
    pub(super) fn write_current(self) -> bool {
        let held = self.editor.locked().with_untracked(Option::is_some)
            || self.conflict.with_untracked(Option::is_some)
            || !self.store.has_storage();
        if held {
            return false;
        }
        let id = self.current.get_untracked();
        // The storage event may not have arrived yet: compare with what is there.
        let on_disk = self.store.raw(&id);
        if self.record.with_untracked(|record| record.raw != on_disk) {
            self.conflict.set(Some(if on_disk.is_some() { Conflict::Changed } else { Conflict::Deleted }));
            return false;
        }
        let revision = self.editor.revision().get_untracked();
        let mut meta = self.meta.get_untracked();
        meta.saved_at_ms = clock::now_ms();
        meta.app_version = APP_VERSION.to_string();
        let text = self.editor.report().with_untracked(|report| encode(report, &meta));
        match self.store.write(&id, &text) {
            Ok(()) => {
                let summary = self
                    .editor
                    .report()
                    .with_untracked(|r| DraftSummary::new(id, r, &meta, &Access::Editable));
                self.meta.set(meta);
                self.record.set(Record { raw: Some(text), clean_revision: revision, failure: None });
                self.store.index.update(|index| index.upsert(summary));
                true
            }
            Err(failure) => {
                self.record.update(|record| record.failure = Some(failure));
                false
            }
        }
    }

    /// Another window wrote `new` (`None`: deleted it) under the open draft's key.
    pub(super) fn other_window_wrote(self, new: Option<String>) {
        if self.record.with_untracked(|record| record.raw == new) {
            return;
        }
        // Same report, other metadata (a rename there): nothing to choose between.
        let same_report = new.as_deref().and_then(|text| decode(text).ok()).filter(|opened| {
            !self.is_dirty() && self.editor.report().with_untracked(|report| *report == opened.report)
        });
        if let Some(opened) = same_report {
            self.record.update(|record| record.raw = new);
            self.meta.set(opened.meta);
            return;
        }
        self.cancel_timer();
        self.conflict.set(Some(if new.is_some() { Conflict::Changed } else { Conflict::Deleted }));
    }

    /// Conflict: replaces this window's report with what the other window saved.
    pub fn take_theirs(self) -> Result<(), String> {
        let id = self.current.get_untracked();
        let raw = self.store.raw(&id).ok_or("另一窗口已删除这份草稿，无可载入的内容")?;
        let opened =
            decode(&raw).map_err(|problem| format!("另一窗口保存的内容无法读取：{}", problem.message()))?;
        self.show(id, opened, Some(raw));
        Ok(())
    }

    /// Conflict: writes this window's report over the other window's, as the user chose.
    pub fn keep_mine(self) {
        let on_disk = self.store.raw(&self.current.get_untracked());
        self.record.update(|record| record.raw = on_disk);
        self.conflict.set(None);
        self.write_current();
    }

    /// Conflict: keeps both, saving this window's report as a new draft.
    pub fn save_mine_as_new(self) {
        let title = untrack(|| self.title());
        self.record.update(|record| record.raw = None);
        self.current.set(new_id());
        self.meta.update(|meta| meta.name = format!("{title}（本窗口副本）"));
        self.conflict.set(None);
        self.write_current();
    }

    /// Tries the write again (after the user freed space).
    pub fn retry(self) {
        self.write_current();
    }

    /// How the open draft is named in lists.
    pub fn title(self) -> String {
        let name = self.meta.with(|meta| meta.name.trim().to_string());
        if !name.is_empty() {
            return name;
        }
        self.editor.report().with(|r| xxgk_core::storage::draft_title(&r.unit_name, r.year))
    }

    /// Downloads a draft as 「<机关><年度>年政府信息公开工作年度报告-草稿.json」.
    /// The open, editable draft comes from memory (it may not be stored: a
    /// full disk); any other, as stored, so a newer version's fields survive.
    pub fn export(self, id: &DraftId) -> Result<(), String> {
        let from_memory = *id == self.current.get_untracked() && !untrack(|| self.is_read_only());
        let (name, text) = if from_memory {
            self.editor.report().with_untracked(|r| (export_file_name(r), draft::to_json(r)))
        } else {
            draft_file_of(&self.store.raw(id).ok_or_else(|| "找不到这份草稿".to_string())?)?
        };
        files::download(&name, "application/json", &text)
    }

    /// Exports the open draft.
    pub fn export_current(self) -> Result<(), String> {
        self.export(&self.current.get_untracked())
    }

    /// The record of the open draft as it stands in memory (saved or not).
    pub(super) fn record_in_memory(self) -> String {
        let meta = self.meta.get_untracked();
        self.editor.report().with_untracked(|r| encode(r, &meta))
    }

    /// The report in the editor (for next year's report from the open draft).
    pub fn current_report(self) -> Report {
        self.editor.report().get_untracked()
    }
}
