//! The drafts as a collection: new, duplicate, rename, delete and restore.

use leptos::prelude::*;
use xxgk_core::model::Report;
use xxgk_core::storage::keys::draft_key;
use xxgk_core::storage::{
    decode, encode, next_year, Access, DraftId, DraftMeta, DraftSummary, NarrativeReference, Opened,
};

use super::{clock, Drafts, StorageFailure};

/// A draft deleted in this session: its record, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trashed {
    pub id: DraftId,
    pub title: String,
    raw: String,
}

pub(super) fn new_id() -> DraftId {
    DraftId::generate(clock::now_ms(), clock::entropy())
}

impl Drafts {
    /// Saves the open draft, then opens `report` as a new draft and stores it
    /// at once (kept in memory if that fails). Returns its id.
    pub fn create(self, report: Report, meta: DraftMeta) -> DraftId {
        self.save_now();
        let id = new_id();
        self.show(id.clone(), Opened { report, meta, access: Access::Editable }, None);
        self.write_current();
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
        if *id == self.current.get_untracked() {
            self.save_now();
        }
        let opened = self.read(id)?;
        if let Access::ReadOnly(message) = opened.access {
            return Err(message);
        }
        let title =
            self.index.with_untracked(|index| index.get(id).map(DraftSummary::title)).unwrap_or_default();
        let meta = DraftMeta { name: format!("{title}（副本）"), ..opened.meta };
        Ok(self.create(opened.report, meta))
    }

    /// Gives a draft a name of the user's choosing (empty: 「机关 年度年」 again).
    pub fn rename(self, id: &DraftId, name: &str) -> Result<(), String> {
        let name = name.trim().to_string();
        if *id == self.current.get_untracked() {
            self.meta.update(|meta| meta.name = name);
            return if self.write_current() { Ok(()) } else { Err(self.status.get_untracked().text()) };
        }
        let mut opened = self.read(id)?;
        if let Access::ReadOnly(message) = opened.access {
            return Err(message);
        }
        opened.meta.name = name;
        self.put(id, &opened.report, &opened.meta).map_err(|f| f.message())
    }

    /// Writes a record that is not the open draft, and lists it.
    fn put(self, id: &DraftId, report: &Report, meta: &DraftMeta) -> Result<(), StorageFailure> {
        let store = self.store.ok_or(StorageFailure::Unavailable)?;
        store.set(&draft_key(id), &encode(report, meta))?;
        let summary = DraftSummary::new(id.clone(), report, meta, &Access::Editable);
        self.index.update(|index| index.upsert(summary));
        Ok(())
    }

    /// Deletes a draft (the user has confirmed); it can be restored until the
    /// page is closed. Deleting the open draft opens the newest other one.
    pub fn delete(self, id: &DraftId) {
        let is_current = *id == self.current.get_untracked();
        if is_current {
            self.save_now();
        }
        let title =
            self.index.with_untracked(|index| index.get(id).map(DraftSummary::title)).unwrap_or_default();
        let raw = if is_current && self.is_dirty() {
            // Not stored (a full disk): keep what is in memory.
            let meta = self.meta.get_untracked();
            Some(self.editor.report().with_untracked(|r| encode(r, &meta)))
        } else {
            self.raw(id)
        };
        if let Some(store) = self.store {
            store.remove(&draft_key(id));
        }
        if let Some(raw) = raw {
            self.trash.update(|trash| trash.push(Trashed { id: id.clone(), title, raw }));
        }
        self.index.update(|index| index.remove(id));
        if is_current {
            let next = self.index.with_untracked(|index| index.drafts.first().map(|d| d.id.clone()));
            match next {
                Some(next) => {
                    self.open(&next);
                }
                None => {
                    let report = Report::new(clock::report_year());
                    self.show(
                        new_id(),
                        Opened { report, meta: DraftMeta::default(), access: Access::Editable },
                        None,
                    );
                }
            }
        }
    }

    /// Puts a draft deleted in this session back.
    pub fn restore(self, id: &DraftId) -> Result<(), String> {
        let Some(item) = self.trash.with_untracked(|trash| trash.iter().find(|t| &t.id == id).cloned())
        else {
            return Err("找不到已删除的草稿".to_string());
        };
        let opened = decode(&item.raw).map_err(|p| p.message())?;
        let store = self.store.ok_or(StorageFailure::Unavailable).map_err(|f| f.message())?;
        store.set(&draft_key(id), &item.raw).map_err(|f| f.message())?;
        self.trash.update(|trash| trash.retain(|t| &t.id != id));
        let summary = DraftSummary::new(id.clone(), &opened.report, &opened.meta, &opened.access);
        self.index.update(|index| index.upsert(summary));
        Ok(())
    }

    /// Stores an imported report as a new draft, without opening it.
    pub fn add(self, report: &Report) -> Result<DraftId, String> {
        let id = new_id();
        let meta = DraftMeta {
            saved_at_ms: clock::now_ms(),
            app_version: super::APP_VERSION.to_string(),
            ..DraftMeta::default()
        };
        self.put(&id, report, &meta).map_err(|f| f.message())?;
        Ok(id)
    }

    /// Replaces draft `id` with an imported report, as the user chose; the
    /// replaced content goes to the session's trash, under a new id, so it can
    /// still be restored.
    pub fn replace(self, id: &DraftId, report: Report) -> Result<(), String> {
        let old = self.read(id)?;
        if let Access::ReadOnly(message) = old.access {
            return Err(message);
        }
        let title =
            self.index.with_untracked(|index| index.get(id).map(DraftSummary::title)).unwrap_or_default();
        let backup = Trashed {
            id: new_id(),
            title: format!("{title}（导入前的内容）"),
            raw: encode(&old.report, &old.meta),
        };
        if *id == self.current.get_untracked() {
            self.save_now();
            let meta = self.meta.get_untracked();
            self.show(id.clone(), Opened { report, meta, access: Access::Editable }, self.raw(id));
            if !self.write_current() {
                return Err(self.status.get_untracked().text());
            }
        } else {
            let meta = DraftMeta { saved_at_ms: clock::now_ms(), ..old.meta };
            self.put(id, &report, &meta).map_err(|f| f.message())?;
        }
        self.trash.update(|trash| trash.push(backup));
        Ok(())
    }
}

impl Drafts {
    /// Tries the write again (after the user freed space).
    pub fn retry(self) {
        self.write_current();
    }

    /// Downloads the raw text of a damaged record that was set aside.
    pub fn download_backup(self, key: &str) {
        let Some(text) = self.store.and_then(|store| store.get(key)) else { return };
        let name = format!("草稿备份-{}.txt", key.rsplit(':').next().unwrap_or("raw"));
        if let Err(message) = super::files::download(&name, "text/plain", &text) {
            self.alert(format!("下载失败：{message}"));
        }
    }

    /// Drops a backup, once the user has confirmed.
    pub fn remove_backup(self, key: &str) {
        let confirmed = window().confirm_with_message("删除后无法恢复。确定删除这份备份？").unwrap_or(false);
        if let (true, Some(store)) = (confirmed, self.store) {
            store.remove(key);
            self.index.update(|index| index.backups.retain(|k| k != key));
        }
    }
}
