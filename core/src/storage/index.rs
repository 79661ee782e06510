//! The list of drafts, derived from the records themselves (never a separate
//! index to keep in sync): each draft key read, newest first.

use super::envelope::{decode, Access, DraftMeta, Unreadable};
use super::keys::{draft_id_of_key, is_backup_key, DraftId};
use crate::model::Report;
use std::cmp::Ordering;

/// One line of the drafts list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: DraftId,
    pub unit_name: String,
    pub year: u16,
    /// The name the user gave it; empty when none.
    pub name: String,
    pub saved_at_ms: u64,
    /// Written by a newer version: listed, opened read-only.
    pub read_only: bool,
}

impl DraftSummary {
    pub fn new(id: DraftId, report: &Report, meta: &DraftMeta, access: &Access) -> DraftSummary {
        DraftSummary {
            id,
            unit_name: report.unit_name.trim().to_string(),
            year: report.year,
            name: meta.name.clone(),
            saved_at_ms: meta.saved_at_ms,
            read_only: matches!(access, Access::ReadOnly(_)),
        }
    }

    /// How the list names it: the user's name, else 「机关 年度年」.
    pub fn title(&self) -> String {
        if !self.name.trim().is_empty() {
            return self.name.trim().to_string();
        }
        draft_title(&self.unit_name, self.year)
    }
}

/// 「<机关> <年度>年」, or 「未命名机关 <年度>年」 before the unit is typed.
pub fn draft_title(unit_name: &str, year: u16) -> String {
    let unit = unit_name.trim();
    let unit = if unit.is_empty() { "未命名机关" } else { unit };
    format!("{unit} {year}年")
}

/// A record that could not be read, listed so the user knows about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenDraft {
    pub id: DraftId,
    pub problem: Unreadable,
}

/// Everything this app has in storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DraftIndex {
    /// Readable drafts, most recently saved first.
    pub drafts: Vec<DraftSummary>,
    pub broken: Vec<BrokenDraft>,
    /// Keys holding the raw text of records that could not be read.
    pub backups: Vec<String>,
}

impl DraftIndex {
    /// Builds the index from `(key, value)` pairs; keys of other apps are ignored.
    pub fn build<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> DraftIndex {
        let mut index = DraftIndex::default();
        for (key, raw) in entries {
            index.file(key, raw);
        }
        index.sort();
        index
    }

    /// Follows one key written (`Some`) or removed (`None`), e.g. by another window.
    pub fn apply(&mut self, key: &str, raw: Option<&str>) {
        if let Some(id) = draft_id_of_key(key) {
            self.remove(&id);
        }
        self.backups.retain(|k| k != key);
        if let Some(raw) = raw {
            self.file(key, raw);
        }
        self.sort();
    }

    fn file(&mut self, key: &str, raw: &str) {
        if is_backup_key(key) {
            self.backups.push(key.to_string());
        } else if let Some(id) = draft_id_of_key(key) {
            match decode(raw) {
                Ok(o) => self.drafts.push(DraftSummary::new(id, &o.report, &o.meta, &o.access)),
                Err(problem) => self.broken.push(BrokenDraft { id, problem }),
            }
        }
    }

    /// Drafts newest first; the id (creation order) breaks ties so the order is stable.
    fn sort(&mut self) {
        sort_short(&mut self.drafts, |a, b| b.saved_at_ms.cmp(&a.saved_at_ms).then_with(|| b.id.cmp(&a.id)));
        sort_short(&mut self.broken, |a, b| a.id.cmp(&b.id));
        sort_short(&mut self.backups, Ord::cmp);
    }

    /// Adds or replaces the line of `summary.id` (after a save).
    pub fn upsert(&mut self, summary: DraftSummary) {
        self.broken.retain(|b| b.id != summary.id);
        match self.drafts.iter_mut().find(|d| d.id == summary.id) {
            Some(line) => *line = summary,
            None => self.drafts.push(summary),
        }
        self.sort();
    }

    /// Drops the line of `id` (after a delete).
    pub fn remove(&mut self, id: &DraftId) {
        self.drafts.retain(|d| &d.id != id);
        self.broken.retain(|b| &b.id != id);
    }

    pub fn get(&self, id: &DraftId) -> Option<&DraftSummary> {
        self.drafts.iter().find(|d| &d.id == id)
    }

    /// The drafts an import of `report` could be mistaken for: same unit and
    /// year. An import never replaces one of these without asking.
    pub fn same_report<'a>(&'a self, report: &'a Report) -> impl Iterator<Item = &'a DraftSummary> + 'a {
        let unit = report.unit_name.trim();
        self.drafts.iter().filter(move |d| d.year == report.year && d.unit_name == unit)
    }

    /// Drafts to start next year's report from: the latest years first.
    pub fn candidates_for_last_year(&self) -> Vec<&DraftSummary> {
        let mut list: Vec<&DraftSummary> = self.drafts.iter().collect();
        sort_short(&mut list, |a, b| b.year.cmp(&a.year).then_with(|| b.saved_at_ms.cmp(&a.saved_at_ms)));
        list
    }
}

/// Stable insertion sort. These lists hold the drafts of one browser (tens, at most a few hundred),
/// and std's sort_by adds several kilobytes of wasm to the first load for every element type.
fn sort_short<T>(list: &mut [T], order: impl Fn(&T, &T) -> Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && order(&list[j], &list[j - 1]) == Ordering::Less {
            list.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    use super::sort_short;

    #[test]
    fn sort_short_orders_like_std_stable_sort() {
        // Pairs (key, position): equal keys must keep their positions in order.
        let mut seed = 7u32;
        let list: Vec<(u32, usize)> = (0..200)
            .map(|i| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((seed >> 16) % 13, i)
            })
            .collect();
        let (mut ours, mut expected) = (list.clone(), list);
        sort_short(&mut ours, |a, b| b.0.cmp(&a.0));
        expected.sort_by_key(|pair| std::cmp::Reverse(pair.0));
        assert_eq!(ours, expected);
        let mut empty: Vec<u8> = Vec::new();
        sort_short(&mut empty, Ord::cmp);
        assert!(empty.is_empty());
    }
}
