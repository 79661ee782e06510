//! What the page holds: the batch of units read so far (with where each came
//! from), the roster, the summary made, and the table's sort and filter.
//! Everything shown is derived from these (memos), never synced by effects.

use leptos::prelude::*;
use xxgk_core::storage::DraftId;
use xxgk_core::summary::{compare, summarize, Batch, Entry, Mismatch, Summation};

/// The parent's batch index and where it differs from the sum of the others.
pub type ParentCheck = Option<(usize, Result<Vec<Mismatch>, String>)>;

/// A summary made from the units shown.
#[derive(Clone, Debug)]
pub struct Made {
    pub summation: Summation,
    /// Batch index of each entry given to the summation (its indices point here).
    pub members: Vec<usize>,
    /// The draft it was stored as, or why it could not be.
    pub stored: Result<DraftId, String>,
    pub parent: ParentCheck,
}

/// Where an entry came from: a file, or a draft of this browser (opened as it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    File,
    Stored(DraftId),
}

/// Table columns that sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Order,
    Name,
    Year,
    Errors,
    Warnings,
    Blanks,
    Figure(usize),
}

#[derive(Clone, Copy)]
pub struct Workspace {
    pub batch: RwSignal<Batch>,
    pub origins: RwSignal<Vec<Origin>>,
    pub busy: RwSignal<bool>,
    pub sort: RwSignal<(SortBy, bool)>,
    pub only_errors: RwSignal<bool>,
    pub name_filter: RwSignal<String>,
    /// The entry whose check list is open.
    pub open: RwSignal<Option<usize>>,
    /// The entry chosen as the parent (本级) report, if any.
    pub parent: RwSignal<Option<usize>>,
    pub roster: RwSignal<String>,
    pub unit_name: RwSignal<String>,
    pub year: RwSignal<String>,
    /// The summary made last, and the draft it was stored as.
    pub summary: RwSignal<Option<Made>>,
    pub message: RwSignal<Option<String>>,
}

impl Workspace {
    pub fn new(roster: String, year: u16) -> Workspace {
        Workspace {
            batch: RwSignal::new(Batch::new()),
            origins: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            sort: RwSignal::new((SortBy::Order, false)),
            only_errors: RwSignal::new(false),
            name_filter: RwSignal::new(String::new()),
            open: RwSignal::new(None),
            parent: RwSignal::new(None),
            roster: RwSignal::new(roster),
            unit_name: RwSignal::new(String::new()),
            year: RwSignal::new(year.to_string()),
            summary: RwSignal::new(None),
            message: RwSignal::new(None),
        }
    }

    /// Entries shown, filtered and sorted.
    pub fn visible(self) -> Memo<Vec<usize>> {
        Memo::new(move |_| {
            let only_errors = self.only_errors.get();
            let filter = self.name_filter.get();
            let filter = filter.trim();
            let (by, descending) = self.sort.get();
            self.batch.with(|b| {
                let mut rows: Vec<usize> = (0..b.entries.len())
                    .filter(|&i| !only_errors || b.entries[i].row.errors > 0)
                    .filter(|&i| filter.is_empty() || b.entries[i].row.unit_name.contains(filter))
                    .collect();
                let e = &b.entries;
                match by {
                    SortBy::Order => {}
                    SortBy::Name => rows.sort_by(|&x, &y| e[x].row.unit_name.cmp(&e[y].row.unit_name)),
                    SortBy::Year => rows.sort_by_key(|&i| e[i].row.year),
                    SortBy::Errors => rows.sort_by_key(|&i| e[i].row.errors),
                    SortBy::Warnings => rows.sort_by_key(|&i| e[i].row.warnings),
                    SortBy::Blanks => rows.sort_by_key(|&i| e[i].row.blanks),
                    SortBy::Figure(k) => rows.sort_by_key(|&i| e[i].row.figures[k]),
                }
                if descending {
                    rows.reverse();
                }
                rows
            })
        })
    }

    /// Adds read files (name, bytes) in one update, so the table renders once.
    pub fn add_files(self, files: Vec<(String, Result<Vec<u8>, String>)>) {
        self.batch.update(|b| {
            for (name, bytes) in &files {
                match bytes {
                    Ok(bytes) => b.add_file(name, bytes),
                    Err(reason) => b.unreadable.push(xxgk_core::summary::Unreadable {
                        source: name.clone(),
                        reason: reason.clone(),
                    }),
                }
            }
        });
        self.sync_origins();
    }

    pub fn add_stored(self, drafts: Vec<(DraftId, String, xxgk_core::model::Report)>) {
        let mut ids = Vec::new();
        self.batch.update(|b| {
            for (id, title, report) in drafts {
                b.add_report(&format!("本浏览器草稿：{title}"), report);
                ids.push(id);
            }
        });
        self.origins.update(|o| o.extend(ids.into_iter().map(Origin::Stored)));
    }

    /// Entries from files get [`Origin::File`].
    fn sync_origins(self) {
        let n = self.batch.with_untracked(|b| b.entries.len());
        self.origins.update(|o| o.resize(n, Origin::File));
    }

    pub fn clear(self) {
        self.batch.set(Batch::new());
        self.origins.set(Vec::new());
        self.open.set(None);
        self.parent.set(None);
        self.summary.set(None);
    }

    /// The summary of every entry but the parent, compared with the parent.
    pub fn make_summary(self, unit_name: &str, year: u16) -> (Summation, Vec<usize>, ParentCheck) {
        let parent = self.parent.get_untracked();
        self.batch.with_untracked(|b| {
            let members: Vec<usize> = (0..b.entries.len()).filter(|&i| Some(i) != parent).collect();
            let children: Vec<&Entry> = members.iter().map(|&i| &b.entries[i]).collect();
            let s = summarize(&children, unit_name, year);
            let compared = parent.map(|p| (p, compare(&b.entries[p].report, &s)));
            (s, members, compared)
        })
    }
}
