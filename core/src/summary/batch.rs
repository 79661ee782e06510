//! The files a collecting office has gathered (drafts, or the units'
//! published reports): each read into a report, or
//! listed with why it cannot be; one overview row per unit; and units that
//! came twice.

use std::collections::HashMap;

use super::figures::KEY_FIGURES;
use crate::checks::{run_checks, CheckOptions, CheckResult};
use crate::figures::Figures;
use crate::format::FormatVersion;
use crate::import::file::looks_like_draft;
use crate::import::import_file;
use crate::model::{Report, UnitLevel};
use crate::storage::import::{read_draft_file, too_large, MAX_FILE_BYTES};
use crate::value::Decimal;

/// A file that could not be read, with the reason in Chinese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub source: String,
    pub reason: String,
}

/// What the overview shows of one unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitRow {
    pub unit_name: String,
    pub level: Option<UnitLevel>,
    pub year: u16,
    pub format: FormatVersion,
    pub errors: usize,
    pub warnings: usize,
    /// Input cells left blank (computed totals not counted).
    pub blanks: usize,
    /// [`KEY_FIGURES`] in order; `None` when blank, invalid or not in the format.
    pub figures: [Option<Decimal>; KEY_FIGURES.len()],
    /// Every failing check (errors and warnings, blanks included), in document order.
    pub failing: Vec<CheckResult>,
}

impl UnitRow {
    /// Checks the report as it would stand at export.
    pub fn of(report: &Report) -> UnitRow {
        let results = run_checks(report, CheckOptions { at_export: true });
        let mut row = UnitRow {
            unit_name: report.unit_name.clone(),
            level: report.unit_level,
            year: report.year,
            format: report.format,
            errors: 0,
            warnings: 0,
            blanks: 0,
            figures: [None; KEY_FIGURES.len()],
            failing: Vec::new(),
        };
        for r in results {
            if r.id.starts_with("blank.") {
                row.blanks += if r.is_warning() { r.left.len() } else { 0 };
            } else if r.is_error() {
                row.errors += 1;
            } else if r.is_warning() {
                row.warnings += 1;
            }
            if r.is_error() || r.is_warning() {
                row.failing.push(r);
            }
        }
        let figures = Figures::read(report);
        for (slot, figure) in row.figures.iter_mut().zip(&KEY_FIGURES) {
            *slot = figure.value(&figures);
        }
        row
    }
}

/// One unit's report, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Where it came from: a file name, or a draft of this browser.
    pub source: String,
    pub report: Report,
    pub row: UnitRow,
    /// The earlier entry of the same 机关 and year, when this one repeats it.
    pub duplicate_of: Option<usize>,
}

/// Everything gathered so far, in the order it was added.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub entries: Vec<Entry>,
    pub unreadable: Vec<Unreadable>,
    first_of: HashMap<(String, u16), usize>,
}

/// 机关 names compared without any kind of space.
pub fn unit_key(name: &str) -> String {
    name.chars().filter(|c| !c.is_whitespace() && !matches!(c, '\u{200b}' | '\u{feff}')).collect()
}

impl Batch {
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Reads one file (see [`read_file`]) and adds it, or lists why not.
    pub fn add_file(&mut self, source: &str, bytes: &[u8]) {
        self.add_checked(source, read_and_check(source, bytes));
    }

    pub fn add_report(&mut self, source: &str, report: Report) {
        let row = UnitRow::of(&report);
        self.add_checked(source, Ok((report, row)));
    }

    /// Adds what [`read_and_check`] gave (which may run on other threads).
    pub fn add_checked(&mut self, source: &str, read: Result<(Report, UnitRow), String>) {
        let (report, row) = match read {
            Ok(read) => read,
            Err(reason) => {
                self.unreadable.push(Unreadable { source: source.to_string(), reason });
                return;
            }
        };
        let index = self.entries.len();
        let key = (unit_key(&report.unit_name), report.year);
        let first = *self.first_of.entry(key).or_insert(index);
        self.entries.push(Entry {
            source: source.to_string(),
            report,
            row,
            duplicate_of: (first != index).then_some(first),
        });
    }

    /// Entries that repeat an earlier one, with the index of the first.
    pub fn duplicates(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.entries.iter().enumerate().filter_map(|(i, e)| Some((i, e.duplicate_of?)))
    }
}

/// Reads a file and checks the report: the costly part of [`Batch::add_file`],
/// free of the batch so that many files can be read at once.
pub fn read_and_check(name: &str, bytes: &[u8]) -> Result<(Report, UnitRow), String> {
    let report = read_file(name, bytes)?;
    let row = UnitRow::of(&report);
    Ok((report, row))
}

/// Reads a file a unit sent: a draft `.json` the app exported, or the unit's
/// published report (a Word/WPS `.docx`, a page saved from the portal, its
/// text), read by the same import as the editor's ([`import_file`]). Which
/// it is, is told by the bytes; a `.json` name always means a draft. The
/// message names the file and says what is wrong.
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Report, String> {
    if name.to_lowercase().ends_with(".json") || looks_like_draft(bytes) {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(too_large(name, bytes.len() as u64));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| {
            format!(
                "「{name}」无法读取：文件不是文本（草稿文件是 UTF-8 编码的 .json 文件），可能已损坏或不是草稿"
            )
        })?;
        return read_draft_file(name, text);
    }
    import_file(name, bytes).map(|i| i.report).map_err(|e| format!("「{name}」无法导入：{}", e.message()))
}
