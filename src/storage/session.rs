//! The open draft: start-up, opening, saving, and settling a conflict with
//! another window.

use leptos::prelude::*;
use xxgk_core::draft;
use xxgk_core::model::Report;
use xxgk_core::storage::envelope::draft_text;
use xxgk_core::storage::keys::{backup_key, draft_key, LAST_OPENED_KEY};
use xxgk_core::storage::{
    decode, encode, export_file_name, Access, DraftId, DraftIndex, DraftSummary, Opened,
};

use super::{clock, files, library, Conflict, Drafts, LocalStore, SaveStatus, StorageFailure, APP_VERSION};

impl Drafts {
    /// Sets aside unreadable records, lists the drafts and opens the last one.
    pub(super) fn start(self) {
        let Some(store) = self.store else {
            let failure = self.failure.get_untracked().unwrap_or(StorageFailure::Unavailable);
            self.status.set(SaveStatus::Failed(failure.message()));
            return;
        };
        self.set_aside_broken(store);
        self.refresh_index();
        let last = store.get(LAST_OPENED_KEY).and_then(|text| DraftId::parse(&text));
        let pick = self.index.with_untracked(|index| {
            last.filter(|id| index.get(id).is_some()).or_else(|| index.drafts.first().map(|d| d.id.clone()))
        });
        if let Some(id) = pick {
            self.open(&id);
        }
    }

    /// Each record that no longer reads is copied, as it is, to a backup key
    /// and then removed from the list, so the app starts and the text survives.
    fn set_aside_broken(self, store: LocalStore) {
        let index = self.read_index(store);
        for broken in index.broken {
            let key = draft_key(&broken.id);
            let Some(raw) = store.get(&key) else { continue };
            let what = broken.problem.message();
            if !broken.problem.is_damage() {
                self.alert(format!("有一份草稿无法打开：{what}。该记录保持原样，未作改动。"));
                continue;
            }
            match store.set(&backup_key(&broken.id, clock::now_ms()), &raw) {
                Ok(()) => {
                    store.remove(&key);
                    self.alert(format!(
                        "有一份保存的草稿无法读取（{what}）。其原始内容已原样另存为备份，可在「草稿」列表中下载。"
                    ));
                }
                Err(failure) => self.alert(format!(
                    "有一份保存的草稿无法读取（{what}），且无法另存备份（{}）；该记录保持原样，未作改动。",
                    failure.message()
                )),
            }
        }
    }

    fn read_index(self, store: LocalStore) -> DraftIndex {
        let entries: Vec<(String, String)> = store
            .keys()
            .into_iter()
            .filter(|key| xxgk_core::storage::keys::is_app_key(key))
            .filter_map(|key| store.get(&key).map(|value| (key, value)))
            .collect();
        DraftIndex::build(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// Re-reads the list of drafts from storage.
    pub fn refresh_index(self) {
        if let Some(store) = self.store {
            self.index.set(self.read_index(store));
        }
    }

    /// The stored record of `id`.
    pub(super) fn raw(self, id: &DraftId) -> Option<String> {
        self.store?.get(&draft_key(id))
    }

    /// Reads a stored draft without opening it.
    pub fn read(self, id: &DraftId) -> Result<Opened, String> {
        let raw = self.raw(id).ok_or_else(|| "找不到这份草稿（可能已在另一窗口删除）".to_string())?;
        decode(&raw).map_err(|problem| problem.message())
    }

    /// Saves the open draft, then opens `id` in the editor.
    pub fn open(self, id: &DraftId) -> bool {
        if *id != self.current.get_untracked() {
            self.save_now();
        }
        let Some(raw) = self.raw(id) else {
            self.alert("找不到这份草稿（可能已在另一窗口删除）".to_string());
            self.refresh_index();
            return false;
        };
        match decode(&raw) {
            Ok(opened) => {
                self.show(id.clone(), opened, Some(raw));
                true
            }
            Err(problem) => {
                self.alert(format!("无法打开这份草稿：{}", problem.message()));
                false
            }
        }
    }

    /// Puts a draft into the editor; `raw` is its stored record, if it has one.
    pub(super) fn show(self, id: DraftId, opened: Opened, raw: Option<String>) {
        self.cancel_timer();
        let read_only = match opened.access {
            Access::ReadOnly(message) => Some(message),
            Access::Editable => None,
        };
        self.status.set(match (&read_only, &raw) {
            (Some(_), _) => SaveStatus::Held("只读草稿".to_string()),
            (None, Some(_)) => SaveStatus::Saved(opened.meta.saved_at_ms),
            (None, None) => SaveStatus::Untouched,
        });
        self.editor.set_read_only(read_only.is_some());
        self.read_only.set(read_only);
        self.conflict.set(None);
        self.editor.load(opened.report);
        self.meta.set(opened.meta);
        self.current.set(id.clone());
        let revision = self.editor.revision().get_untracked();
        self.seen.update_value(|seen| {
            seen.raw = raw;
            seen.clean_revision = revision;
        });
        if let Some(store) = self.store {
            let _ = store.set(LAST_OPENED_KEY, id.as_str());
        }
    }

    /// Whether the editor holds edits not yet in storage.
    pub fn is_dirty(self) -> bool {
        self.editor.revision().get_untracked() != self.seen.with_value(|seen| seen.clean_revision)
    }

    pub(super) fn cancel_timer(self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
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
    /// record or a newer version's draft. Returns whether it was written.
    pub(super) fn write_current(self) -> bool {
        if self.read_only.with_untracked(Option::is_some) {
            self.status.set(SaveStatus::Held("只读草稿".to_string()));
            return false;
        }
        if let Some(conflict) = self.conflict.get_untracked() {
            self.status.set(SaveStatus::Held(conflict.message().to_string()));
            return false;
        }
        let Some(store) = self.store else {
            self.status.set(SaveStatus::Failed(StorageFailure::Unavailable.message()));
            return false;
        };
        let id = self.current.get_untracked();
        let key = draft_key(&id);
        // The storage event may not have arrived yet: compare with what is there.
        let on_disk = store.get(&key);
        if self.seen.with_value(|seen| seen.raw != on_disk) {
            let conflict = if on_disk.is_some() { Conflict::Changed } else { Conflict::Deleted };
            self.conflict.set(Some(conflict));
            self.status.set(SaveStatus::Held(conflict.message().to_string()));
            return false;
        }
        let revision = self.editor.revision().get_untracked();
        let mut meta = self.meta.get_untracked();
        meta.saved_at_ms = clock::now_ms();
        meta.app_version = APP_VERSION.to_string();
        let text = self.editor.report().with_untracked(|report| encode(report, &meta));
        match store.set(&key, &text) {
            Ok(()) => {
                let summary = self
                    .editor
                    .report()
                    .with_untracked(|r| DraftSummary::new(id, r, &meta, &Access::Editable));
                self.seen.update_value(|seen| {
                    seen.raw = Some(text);
                    seen.clean_revision = revision;
                });
                self.status.set(SaveStatus::Saved(meta.saved_at_ms));
                self.meta.set(meta);
                self.index.update(|index| index.upsert(summary));
                if self.failure.with_untracked(Option::is_some) {
                    self.failure.set(None);
                }
                true
            }
            Err(failure) => {
                self.status.set(SaveStatus::Failed(failure.message()));
                self.failure.set(Some(failure));
                false
            }
        }
    }

    /// Conflict: replaces this window's report with what the other window saved.
    pub fn take_theirs(self) {
        let id = self.current.get_untracked();
        match self.raw(&id).map(|raw| decode(&raw).map(|opened| (opened, raw))) {
            Some(Ok((opened, raw))) => self.show(id, opened, Some(raw)),
            Some(Err(problem)) => self.alert(format!("另一窗口保存的内容无法读取：{}", problem.message())),
            None => self.alert("另一窗口已删除这份草稿，无可载入的内容".to_string()),
        }
    }

    /// Conflict: writes this window's report over the other window's, as the user chose.
    pub fn keep_mine(self) {
        let id = self.current.get_untracked();
        let on_disk = self.raw(&id);
        self.seen.update_value(|seen| seen.raw = on_disk);
        self.conflict.set(None);
        self.write_current();
    }

    /// Conflict: keeps both, saving this window's report as a new draft.
    pub fn save_mine_as_new(self) {
        let title = untrack(|| self.title());
        self.seen.update_value(|seen| seen.raw = None);
        self.current.set(library::new_id());
        self.meta.update(|meta| meta.name = format!("{title}（本窗口副本）"));
        self.conflict.set(None);
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
        let from_memory =
            *id == self.current.get_untracked() && self.read_only.with_untracked(Option::is_none);
        let (name, text) = if from_memory {
            self.editor.report().with_untracked(|r| (export_file_name(r), draft::to_json(r)))
        } else {
            let raw = self.raw(id).ok_or_else(|| "找不到这份草稿".to_string())?;
            let opened = decode(&raw).map_err(|p| p.message())?;
            let text = match opened.access {
                Access::Editable => draft::to_json(&opened.report),
                // Written as stored: this version would drop what it does not know.
                Access::ReadOnly(_) => draft_text(&raw).ok_or_else(|| "这份草稿无法导出".to_string())?,
            };
            (export_file_name(&opened.report), text)
        };
        files::download(&name, "application/json", &text)
    }

    /// Exports the open draft, telling the user if that failed.
    pub fn export_current(self) {
        if let Err(message) = self.export(&self.current.get_untracked()) {
            self.alert(format!("导出失败：{message}"));
        }
    }

    /// The report in the editor (for next year's report from the open draft).
    pub fn current_report(self) -> Report {
        self.editor.report().get_untracked()
    }
}
