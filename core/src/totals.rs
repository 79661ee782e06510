//! Automatic totals: with `auto_totals` on, every 总计 cell that a sum rule
//! defines is computed from its parts instead of typed.
//!
//! A total is computed only when all its parts hold valid numbers; one blank
//! or invalid part leaves it blank (blank is not 0), so the checks can say
//! which cell is missing rather than show a partial sum.

use crate::figures::{layout, Cell, Figures};
use crate::format::FieldKey;
use crate::model::Report;

/// Whether `key` is computed in `report`: automatic totals are on and the cell
/// is the total of a sum rule.
pub fn is_computed(report: &Report, key: FieldKey) -> bool {
    let layout = layout(report.format);
    report.auto_totals && layout.index_of(key).is_some_and(|i| layout.is_total(i))
}

/// The text of every computed total of `report` (canonical, or empty when it cannot be
/// computed), by its place in the format's layout; none when automatic totals are off. What the
/// grid reads beside the report on every edit, rather than a copy of the report with them in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ComputedTotals(Vec<(usize, String)>);

impl ComputedTotals {
    pub fn of(report: &Report) -> ComputedTotals {
        if !report.auto_totals {
            return ComputedTotals::default();
        }
        let figures = Figures::read(report);
        let text = |i: usize| match figures.cells[i] {
            Cell::Number(v) => v.to_string(),
            _ => String::new(),
        };
        ComputedTotals(
            (0..figures.cells.len()).filter(|&i| figures.is_computed(i)).map(|i| (i, text(i))).collect(),
        )
    }

    /// What the cell `key` of `report` shows when it is computed; `None` when it is typed.
    pub fn text(&self, report: &Report, key: FieldKey) -> Option<&str> {
        let i = layout(report.format).index_of(key)?;
        let at = self.0.binary_search_by_key(&i, |(j, _)| *j).ok()?;
        Some(&self.0[at].1)
    }
}

/// `report` with every computed total written in as canonical text (or
/// cleared when it cannot be computed). A copy unchanged when automatic totals are off.
pub fn with_totals(report: &Report) -> Report {
    let mut out = report.clone();
    let layout = layout(report.format);
    for (i, text) in ComputedTotals::of(report).0 {
        out.set_raw(layout.fields[i].key, &text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{table3, table4, TableId};

    fn t3(row: &'static str, col: &'static str) -> FieldKey {
        FieldKey::new(TableId::Table3, row, col)
    }

    fn t4(row: &'static str, col: &'static str) -> FieldKey {
        FieldKey::new(TableId::Table4, row, col)
    }

    #[test]
    fn totals_are_computed_from_their_parts() {
        let mut r = Report::new(2023);
        for (col, _) in &table3::COLUMNS[..6] {
            r.set_raw(t3("granted", col), "2");
        }
        r.set_raw(t3("granted", "total"), "999"); // typed, ignored
        let t = with_totals(&r);
        assert_eq!(t.raw(t3("granted", "total")), Some("12"));
        // The column totals need all 21 detail rows, which are blank.
        assert_eq!(t.raw(t3(table3::TOTAL_HANDLED, "natural")), None);
        assert!(is_computed(&r, t3("granted", "total")));
        assert!(!is_computed(&r, t3("granted", "natural")));
    }

    #[test]
    fn a_blank_or_invalid_part_leaves_the_total_blank() {
        let mut r = Report::new(2023);
        for (col, _, _) in &table4::OUTCOMES[..3] {
            r.set_raw(t4("review", col), "1");
        }
        r.set_raw(t4("review", "total"), "3");
        assert_eq!(with_totals(&r).raw(t4("review", "total")), None);
        r.set_raw(t4("review", "pending"), "x");
        assert_eq!(with_totals(&r).raw(t4("review", "total")), None);
        r.set_raw(t4("review", "pending"), "０");
        assert_eq!(with_totals(&r).raw(t4("review", "total")), Some("3"));
    }

    #[test]
    fn the_grand_total_agrees_both_ways() {
        let mut r = Report::new(2023);
        for row in table3::detail_rows(r.format) {
            for (i, (col, _)) in table3::COLUMNS[..6].iter().enumerate() {
                r.set_raw(t3(row, col), &i.to_string());
            }
        }
        let t = with_totals(&r);
        // 21 rows × (0+1+2+3+4+5)
        assert_eq!(t.raw(t3(table3::TOTAL_HANDLED, "total")), Some("315"));
        assert_eq!(t.raw(t3(table3::TOTAL_HANDLED, "other_org")), Some("105"));
    }

    #[test]
    fn computed_totals_are_what_with_totals_writes_in() {
        let mut r = Report::new(2023);
        for (i, row) in table3::detail_rows(r.format).into_iter().enumerate().skip(3) {
            for (j, (col, _)) in table3::COLUMNS[..6].iter().enumerate() {
                r.set_raw(t3(row, col), &(i * j).to_string());
            }
        }
        r.set_raw(t4("review", "corrected"), "x");
        for auto in [true, false] {
            r.auto_totals = auto;
            let (totals, written) = (ComputedTotals::of(&r), with_totals(&r));
            let mut computed = 0;
            for field in &layout(r.format).fields {
                let shown = totals.text(&r, field.key);
                assert_eq!(shown.is_some(), is_computed(&r, field.key), "{:?}", field.key);
                if let Some(text) = shown {
                    computed += 1;
                    assert_eq!(written.raw(field.key).unwrap_or(""), text, "{:?}", field.key);
                }
            }
            assert_eq!(computed > 0, auto);
        }
    }

    #[test]
    fn nothing_is_computed_when_auto_totals_are_off() {
        let mut r = Report::new(2023);
        r.auto_totals = false;
        r.set_raw(t4("review", "total"), "7");
        assert!(!is_computed(&r, t4("review", "total")));
        assert_eq!(with_totals(&r), r);
    }
}
