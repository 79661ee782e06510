//! The summary report: every cell the exact sum over the units.
//!
//! Blank is not 0: a cell that some unit left blank (or filled with something
//! that is not a number) stays blank in the summary, and the summary lists
//! which units left it so, for the office to chase. Amounts are added as exact
//! decimals ([`Decimal`]), never as floating point.

use std::collections::BTreeMap;

use super::batch::{unit_key, Entry};
use crate::figures::{layout, Cell, Figures};
use crate::format::{format, FieldKey, FormatVersion, TableId, ValueKind};
use crate::model::{PreviousYear, Report, TableValues};
use crate::value::{self, Decimal, Value};

/// A unit that was not added, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Index into the entries given to [`summarize`].
    pub entry: usize,
    pub reason: String,
}

/// A cell of the summary left blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BlankCell {
    pub key: FieldKey,
    /// 「（三）不予公开 1.属于国家秘密 · 自然人」.
    pub label: String,
    /// Entries that left it blank.
    pub blank_in: Vec<usize>,
    /// Entries whose text in it is not a valid number.
    pub invalid_in: Vec<usize>,
}

/// The summary and how it was made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summation {
    /// The summary draft: unit name and year as asked, the format of that year.
    pub report: Report,
    /// Entries added, in order.
    pub summed: Vec<usize>,
    pub skipped: Vec<Skipped>,
    /// Entries added although their year is not the summary's.
    pub other_year: Vec<usize>,
    /// Cells left blank, in document order (computed totals of a summary with
    /// automatic totals are not listed: they follow from their parts).
    pub blanks: Vec<BlankCell>,
    /// Every input cell of the format, in document order, with its sum
    /// (`None` when left blank).
    pub cells: Vec<(FieldKey, Option<Decimal>)>,
}

/// Adds up `entries` (all of them but those skipped: another edition of the
/// format, or a repeat of the same 机关 and year, counted once) into the
/// summary report of `unit_name` for `year`.
pub fn summarize(entries: &[&Entry], unit_name: &str, year: u16) -> Summation {
    let version = FormatVersion::for_report_year(year);
    let layout = layout(version);
    let mut skipped = Vec::new();
    let mut summed = Vec::new();
    let mut other_year = Vec::new();
    let mut seen: BTreeMap<(String, u16), usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let r = &e.report;
        if r.format != version {
            skipped.push(Skipped {
                entry: i,
                reason: format!(
                    "使用{}的格式，与{year}年度报告的格式（{}）不同，无法逐格相加",
                    r.format.notice(),
                    version.notice()
                ),
            });
            continue;
        }
        if let Some(&first) = seen.get(&(unit_key(&r.unit_name), r.year)) {
            skipped.push(Skipped {
                entry: i,
                reason: format!("与「{}」是同一机关同一年度的报告，只计一次", entries[first].source),
            });
            continue;
        }
        seen.insert((unit_key(&r.unit_name), r.year), i);
        if r.year != year {
            other_year.push(i);
        }
        summed.push(i);
    }

    let n = layout.fields.len();
    let mut totals: Vec<Option<Decimal>> = vec![Some(Decimal::ZERO); n];
    let mut blank_in: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut invalid_in: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut auto_totals = true;
    for &i in &summed {
        let figures = Figures::read(&entries[i].report);
        auto_totals &= figures.auto_totals;
        for (f, cell) in figures.cells.iter().enumerate() {
            match cell {
                Cell::Number(v) => totals[f] = totals[f].and_then(|t| t.checked_add(v.to_decimal())),
                Cell::Blank => {
                    totals[f] = None;
                    blank_in[f].push(i);
                }
                Cell::Invalid(..) => {
                    totals[f] = None;
                    invalid_in[f].push(i);
                }
            }
        }
    }
    if summed.is_empty() {
        totals.iter_mut().for_each(|t| *t = None);
    }

    let mut report = Report::new(year);
    report.unit_name = unit_name.trim().to_string();
    report.auto_totals = auto_totals;
    let mut blanks = Vec::new();
    let mut cells = Vec::with_capacity(n);
    for (f, spec) in layout.fields.iter().enumerate() {
        let value = totals[f].and_then(|d| Value::from_decimal(spec.kind, d));
        match value {
            Some(v) => report.set_raw(spec.key, &v.to_string()),
            None if auto_totals && layout.is_total(f) => {}
            None => blanks.push(BlankCell {
                key: spec.key,
                label: spec.accessible_label(),
                blank_in: std::mem::take(&mut blank_in[f]),
                invalid_in: std::mem::take(&mut invalid_in[f]),
            }),
        }
        cells.push((spec.key, value.map(Value::to_decimal)));
    }
    report.previous = previous_sum(entries, &summed, year);
    Summation { report, summed, skipped, other_year, blanks, cells }
}

/// Last year's figures of the summary, when every unit added carries its own
/// for the year before: each figure (表三's 结转, 表二's 现行有效, last year's
/// 表二 and the 总计 of 表三/表四) the exact sum over the units, absent where
/// one of them lacks it or holds no number, as a cell of this year's summary
/// is blank. This keeps the cross-year checks working on the summary.
fn previous_sum(entries: &[&Entry], summed: &[usize], year: u16) -> Option<PreviousYear> {
    let previous: Vec<&PreviousYear> = summed
        .iter()
        .map(|&i| entries[i].report.previous.as_ref().filter(|p| p.year + 1 == year))
        .collect::<Option<_>>()?;
    let first = previous.first()?;
    let counts = |pick: fn(&PreviousYear) -> &BTreeMap<String, String>| -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for key in pick(first).keys() {
            let texts = previous.iter().map(|p| pick(p).get(key).map(String::as_str));
            if let Some(total) = sum_texts(ValueKind::Count, texts) {
                out.insert(key.clone(), total);
            }
        }
        out
    };
    let mut table2 = TableValues::default();
    for (row, cols) in &first.table2.0 {
        for col in cols.keys() {
            let texts = previous.iter().map(|p| p.table2.get(row, col));
            if let Some(total) = sum_texts(table2_kind(row, col), texts) {
                table2.set(row, col, &total);
            }
        }
    }
    Some(PreviousYear {
        year: year - 1,
        carried_forward: counts(|p| &p.carried_forward),
        in_force: counts(|p| &p.in_force),
        table2,
        table3_totals: counts(|p| &p.table3_totals),
        table4_totals: counts(|p| &p.table4_totals),
    })
}

/// The exact sum of one figure over the units, as text; `None` when one of
/// them lacks it or it is not a number of that kind.
fn sum_texts<'a>(kind: ValueKind, texts: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut total = Decimal::ZERO;
    for text in texts {
        total = total.checked_add(value::parse(kind, text?).ok()??.to_decimal())?;
    }
    Value::from_decimal(kind, total).map(|v| v.to_string())
}

/// What a cell of last year's 表二 holds (its keys are of either edition):
/// 收费 is an amount, the rest counts.
fn table2_kind(row: &str, col: &str) -> ValueKind {
    [FormatVersion::Official2021, FormatVersion::Trial2019]
        .into_iter()
        .find_map(|v| {
            format(v).table(TableId::Table2).fields.iter().find(|f| f.key.row == row && f.key.col == col)
        })
        .map_or(ValueKind::Count, |f| f.kind)
}

/// The entry that is the parent report itself (the same 机关 as the summary,
/// for the same year), when it is among the files: it is compared with the
/// sum of the others ([`super::compare()`]) rather than added to it.
pub fn parent_of(entries: &[&Entry], unit_name: &str, year: u16) -> Option<usize> {
    let key = unit_key(unit_name);
    entries.iter().position(|e| e.report.year == year && unit_key(&e.report.unit_name) == key)
}
