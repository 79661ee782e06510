//! The stored drafts: reading and writing records, the list of drafts (the
//! index), the session's trash and the backups of damaged records. Nothing
//! here knows which draft is open; see [`super::session`].

use leptos::prelude::*;
use xxgk_core::draft;
use xxgk_core::model::Report;
use xxgk_core::storage::envelope::draft_text;
use xxgk_core::storage::keys::{backup_key, draft_key, is_app_key, LAST_OPENED_KEY, PROBE_KEY};
use xxgk_core::storage::{
    decode, encode, export_file_name, Access, DraftId, DraftIndex, DraftMeta, DraftSummary, Opened,
};

use super::clock;
use super::files;
use super::local::{LocalStore, StorageFailure};

/// A stored record as a draft file: its name and text.
pub(super) fn draft_file_of(raw: &str) -> Result<(String, String), String> {
    let opened = decode(raw).map_err(|p| p.message())?;
    let text = match opened.access {
        Access::Editable => draft::to_json(&opened.report),
        // Written as stored: this version would drop what it does not know.
        Access::ReadOnly(_) => draft_text(raw).ok_or_else(|| "这份草稿无法导出".to_string())?,
    };
    Ok((export_file_name(&opened.report), text))
}

/// The app version written into every record.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A draft deleted in this session: its record, to put back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trashed {
    pub id: DraftId,
    pub title: String,
    pub(super) raw: String,
}

/// A record found unreadable at start-up, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetAside {
    /// Not damaged but not readable here (e.g. an unknown kind): left as it is.
    Left { problem: String },
    /// Damaged: its raw text is now under a backup key, the record is gone.
    BackedUp { problem: String },
    /// Damaged, and the backup could not be written: left as it is.
    NotBackedUp { problem: String, failure: StorageFailure },
}

/// The drafts of this browser. `Copy`: arena handles and a plain value.
#[derive(Clone, Copy)]
pub struct Store {
    /// localStorage, or why there is none.
    local: StoredValue<Result<LocalStore, StorageFailure>>,
    /// Every stored draft (and unreadable record, and backup).
    pub index: RwSignal<DraftIndex>,
    /// Drafts deleted in this session, newest last, for 「恢复」.
    pub trash: RwSignal<Vec<Trashed>>,
}

pub(super) fn new_id() -> DraftId {
    DraftId::generate(clock::now_ms(), clock::entropy())
}

impl Store {
    /// Opens localStorage, sets aside the records that no longer read (saying
    /// what became of them), and lists the drafts.
    pub(super) fn open() -> (Store, Vec<SetAside>) {
        let store = Store {
            local: StoredValue::new(LocalStore::open(PROBE_KEY)),
            index: RwSignal::new(DraftIndex::default()),
            trash: RwSignal::new(Vec::new()),
        };
        let Ok(local) = store.local() else { return (store, Vec::new()) };
        let set_aside = set_aside_broken(local);
        store.refresh_index();
        (store, set_aside)
    }

    /// Why there is no storage at all, if there is none (it may still be full).
    pub fn unavailable(&self) -> Option<StorageFailure> {
        self.local().err()
    }

    pub fn has_storage(&self) -> bool {
        self.local().is_ok()
    }

    fn local(&self) -> Result<LocalStore, StorageFailure> {
        self.local.get_value()
    }

    /// Re-reads the list of drafts from storage.
    pub fn refresh_index(&self) {
        if let Ok(local) = self.local() {
            self.index.set(read_index(local));
        }
    }

    /// Another window changed `key` to `new` (`None`: removed it).
    pub(super) fn heard(&self, key: &str, new: Option<&str>) {
        self.index.update(|index| index.apply(key, new));
    }

    /// The stored record of `id`.
    pub fn raw(&self, id: &DraftId) -> Option<String> {
        self.local().ok()?.get(&draft_key(id))
    }

    /// Reads a stored draft without opening it.
    pub fn read(&self, id: &DraftId) -> Result<Opened, String> {
        let raw = self.raw(id).ok_or_else(|| "找不到这份草稿（可能已在另一窗口删除）".to_string())?;
        decode(&raw).map_err(|problem| problem.message())
    }

    /// Writes the record `text` of draft `id`; the index is the caller's.
    pub(super) fn write(&self, id: &DraftId, text: &str) -> Result<(), StorageFailure> {
        self.local()?.set(&draft_key(id), text)
    }

    /// Writes a draft and lists it.
    pub(super) fn put(&self, id: &DraftId, report: &Report, meta: &DraftMeta) -> Result<(), StorageFailure> {
        self.write(id, &encode(report, meta))?;
        let summary = DraftSummary::new(id.clone(), report, meta, &Access::Editable);
        self.index.update(|index| index.upsert(summary));
        Ok(())
    }

    /// Removes draft `id`, keeping `raw` (its record) in the session's trash.
    pub(super) fn remove(&self, id: &DraftId, raw: Option<String>) {
        let title = self.title_of(id);
        if let Ok(local) = self.local() {
            local.remove(&draft_key(id));
        }
        if let Some(raw) = raw {
            self.trash.update(|trash| trash.push(Trashed { id: id.clone(), title, raw }));
        }
        self.index.update(|index| index.remove(id));
    }

    /// Keeps `raw` in the session's trash under a new id, named `title`.
    pub(super) fn keep_in_trash(&self, title: String, raw: String) {
        self.trash.update(|trash| trash.push(Trashed { id: new_id(), title, raw }));
    }

    /// The draft opened last in this browser.
    pub(super) fn last_opened(&self) -> Option<DraftId> {
        self.local().ok()?.get(LAST_OPENED_KEY).and_then(|text| DraftId::parse(&text))
    }

    /// Remembers `id` as the draft to open next time (best effort: a full store keeps the old one).
    pub(super) fn set_last_opened(&self, id: &DraftId) {
        if let Ok(local) = self.local() {
            let _ = local.set(LAST_OPENED_KEY, id.as_str());
        }
    }

    /// How draft `id` is named in the list.
    pub fn title_of(&self, id: &DraftId) -> String {
        self.index.with_untracked(|index| index.get(id).map(DraftSummary::title)).unwrap_or_default()
    }

    /// The newest draft, if any.
    pub fn newest(&self) -> Option<DraftId> {
        self.index.with_untracked(|index| index.drafts.first().map(|d| d.id.clone()))
    }

    /// Stores an imported report as a new draft, without opening it.
    pub fn add(&self, report: &Report) -> Result<DraftId, String> {
        let id = new_id();
        let meta = DraftMeta {
            saved_at_ms: clock::now_ms(),
            app_version: APP_VERSION.to_string(),
            ..DraftMeta::default()
        };
        self.put(&id, report, &meta).map_err(|f| f.message())?;
        Ok(id)
    }

    /// Puts a draft deleted in this session back.
    pub fn restore(&self, id: &DraftId) -> Result<(), String> {
        let Some(item) = self.trash.with_untracked(|trash| trash.iter().find(|t| &t.id == id).cloned())
        else {
            return Err("找不到已删除的草稿".to_string());
        };
        let opened = decode(&item.raw).map_err(|p| p.message())?;
        self.write(id, &item.raw).map_err(|f| f.message())?;
        self.trash.update(|trash| trash.retain(|t| &t.id != id));
        let summary = DraftSummary::new(id.clone(), &opened.report, &opened.meta, &opened.access);
        self.index.update(|index| index.upsert(summary));
        Ok(())
    }

    /// Downloads a draft in the trash as a draft file (the way out when
    /// storage is full and it cannot be restored).
    pub fn export_trashed(&self, id: &DraftId) -> Result<(), String> {
        let raw =
            self.trash.with_untracked(|trash| trash.iter().find(|t| &t.id == id).map(|t| t.raw.clone()));
        let (name, text) = draft_file_of(&raw.ok_or("找不到已删除的草稿")?)?;
        files::download(&name, "application/json", &text)
    }

    /// Downloads the raw text of a damaged record that was set aside.
    pub fn download_backup(&self, key: &str) -> Result<(), String> {
        let text = self.local().ok().and_then(|local| local.get(key)).ok_or("找不到这份备份")?;
        let name = format!("草稿备份-{}.txt", key.rsplit(':').next().unwrap_or("raw"));
        files::download(&name, "text/plain", &text)
    }

    /// Drops a backup (the user has confirmed).
    pub fn remove_backup(&self, key: &str) {
        if let Ok(local) = self.local() {
            local.remove(key);
            self.index.update(|index| index.backups.retain(|k| k != key));
        }
    }
}

/// Each record that no longer reads is copied, as it is, to a backup key
/// and then removed from the list, so the app starts and the text survives.
fn set_aside_broken(local: LocalStore) -> Vec<SetAside> {
    let mut found = Vec::new();
    for broken in read_index(local).broken {
        let key = draft_key(&broken.id);
        let Some(raw) = local.get(&key) else { continue };
        let problem = broken.problem.message();
        if !broken.problem.is_damage() {
            found.push(SetAside::Left { problem });
            continue;
        }
        found.push(match local.set(&backup_key(&broken.id, clock::now_ms()), &raw) {
            Ok(()) => {
                local.remove(&key);
                SetAside::BackedUp { problem }
            }
            Err(failure) => SetAside::NotBackedUp { problem, failure },
        });
    }
    found
}

fn read_index(local: LocalStore) -> DraftIndex {
    let entries: Vec<(String, String)> = local
        .keys()
        .into_iter()
        .filter(|key| is_app_key(key))
        .filter_map(|key| local.get(&key).map(|value| (key, value)))
        .collect();
    DraftIndex::build(entries.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}
