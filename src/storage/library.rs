//! The drafts as a collection, where it meets the open draft: new,
//! duplicate, rename, delete and replace.

use leptos::prelude::*;
use xxgk_core::model::Report;
use xxgk_core::storage::{encode, next_year, Access, DraftId, DraftMeta, NarrativeReference, Opened};

use super::clock;
use super::drafts::Drafts;
use super::store::new_id;

impl Drafts {
    /// Saves the open draft, then opens `report` as a new draft and stores it
    /// at once (kept in memory if that fails). Returns its id. Edits of the
    /// open draft that cannot be stored go to the session's trash, so they
    /// can still be restored and exported.
    pub fn create(self, report: Report, meta: DraftMeta) -> DraftId {
        self.keep_unsaved_edits();
        let id = new_id();
        self.session.show(id.clone(), Opened { report, meta, access: Access::Editable }, None);
        self.session.write_current();
        id
    }

    /// A new, empty report for the year just ended.
    pub fn create_blank(self) -> DraftId {
        self.create(Report::new(clock::report_year()), DraftMeta::default())
    }

    /// This year's report from `last` (a stored draft or an imported file):
    /// 上年结转 and the cross-year figures carried over, last year's text
    /// kept beside as a reference.
    pub fn create_next_year(self, last: &Report) -> DraftId {
        let reference = NarrativeReference::of(last);
        let meta =
            DraftMeta { reference: (!reference.is_empty()).then_some(reference), ..DraftMeta::default() };
        self.create(next_year(last), meta)
    }

    /// Opens a copy of `id` as a new draft.
    pub fn duplicate(self, id: &DraftId) -> Result<DraftId, String> {
        if *id == self.session.current.get_untracked() {
            self.session.save_now();
        }
        let opened = self.store.read(id)?;
        if let Access::ReadOnly(message) = opened.access {
            return Err(message);
        }
        let meta = DraftMeta { name: format!("{}（副本）", self.store.title_of(id)), ..opened.meta };
        Ok(self.create(opened.report, meta))
    }

    /// Gives a draft a name of the user's choosing (empty: 「机关 年度年」 again).
    pub fn rename(self, id: &DraftId, name: &str) -> Result<(), String> {
        let name = name.trim().to_string();
        if *id == self.session.current.get_untracked() {
            self.session.meta.update(|meta| meta.name = name);
            return self.write_current();
        }
        let mut opened = self.store.read(id)?;
        if let Access::ReadOnly(message) = opened.access {
            return Err(message);
        }
        opened.meta.name = name;
        self.store.put(id, &opened.report, &opened.meta).map_err(|f| f.message())
    }

    /// Saves the open draft before another replaces it in the editor; what
    /// cannot be stored is kept in the trash rather than dropped.
    fn keep_unsaved_edits(self) {
        if !self.session.save_before_leaving() {
            let title = format!("{}（未能保存的修改）", untrack(|| self.session.title()));
            self.store.keep_in_trash(title, self.session.record_in_memory());
        }
    }

    /// Writes the open draft; if it is not written, why, as the status says.
    fn write_current(self) -> Result<(), String> {
        if self.session.write_current() {
            Ok(())
        } else {
            Err(self.status.get_untracked().text())
        }
    }

    /// Deletes a draft (the user has confirmed); it can be restored until the
    /// page is closed. Deleting the open draft opens the newest other one (a
    /// blank one if there is none, or it does not open: then `Err` says why).
    pub fn delete(self, id: &DraftId) -> Result<(), String> {
        let is_current = *id == self.session.current.get_untracked();
        if is_current {
            self.session.save_now();
        }
        let raw = if is_current && self.session.is_dirty() {
            // Not stored (a full disk): keep what is in memory.
            Some(self.session.record_in_memory())
        } else {
            self.store.raw(id)
        };
        self.store.remove(id, raw);
        if !is_current {
            return Ok(());
        }
        let opened = self.store.newest().map_or(Ok(()), |next| self.session.open(&next));
        if opened.is_err() || self.session.current.get_untracked() == *id {
            let report = Report::new(clock::report_year());
            let blank = Opened { report, meta: DraftMeta::default(), access: Access::Editable };
            self.session.show(new_id(), blank, None);
        }
        opened
    }

    /// Replaces draft `id` with an imported report, as the user chose; the
    /// replaced content goes to the session's trash, under a new id, so it can
    /// still be restored.
    pub fn replace(self, id: &DraftId, report: Report) -> Result<(), String> {
        let old = self.store.read(id)?;
        if let Access::ReadOnly(message) = old.access {
            return Err(message);
        }
        let title = format!("{}（导入前的内容）", self.store.title_of(id));
        let is_current = *id == self.session.current.get_untracked();
        // The open draft's latest edits are in the editor, stored or not (a full disk).
        let old_raw = if is_current {
            self.session.save_now();
            self.session.record_in_memory()
        } else {
            encode(&old.report, &old.meta)
        };
        // Trashed first, so a failing write below still leaves it restorable.
        self.store.keep_in_trash(title, old_raw);
        if is_current {
            let meta = self.session.meta.get_untracked();
            self.session.show(
                id.clone(),
                Opened { report, meta, access: Access::Editable },
                self.store.raw(id),
            );
            self.write_current()?;
        } else {
            let meta = DraftMeta { saved_at_ms: clock::now_ms(), ..old.meta };
            self.store.put(id, &report, &meta).map_err(|f| f.message())?;
        }
        Ok(())
    }
}
