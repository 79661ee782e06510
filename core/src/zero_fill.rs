//! 「空格填 0」: reviewers want every count written, 0 included, never a blank
//! (blank cells are a defect inspectors flag); a unit with a quiet year should
//! not have to type 0 into a hundred and fifty cells by hand.

use crate::format::{format, FieldKey};
use crate::model::Report;
use crate::totals;

/// The cells that `fill_blanks_with_zero` would fill: blank and typed by the
/// user (totals computed automatically are left to the automatic totals).
pub fn blank_input_cells(report: &Report) -> Vec<FieldKey> {
    format(report.format)
        .fields()
        .map(|f| f.key)
        .filter(|&key| report.raw(key).is_none() && !totals::is_computed(report, key))
        .collect()
}

/// Writes 「0」 into every blank input cell; returns how many were filled.
/// Text that does not parse is not blank and is left for the user to fix.
pub fn fill_blanks_with_zero(report: &mut Report) -> usize {
    let blanks = blank_input_cells(report);
    for &key in &blanks {
        report.set_raw(key, "0");
    }
    blanks.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::{run_checks, summarize, CheckOptions};
    use crate::format::TableId;

    #[test]
    fn an_empty_report_becomes_all_zero_and_passes_every_check() {
        let mut report = Report::new(2024);
        let total_cells = format(report.format).fields().count();
        let computed = format(report.format).fields().filter(|f| totals::is_computed(&report, f.key)).count();
        assert_eq!(fill_blanks_with_zero(&mut report), total_cells - computed);
        let summary = summarize(&run_checks(&report, CheckOptions { at_export: true }));
        assert_eq!((summary.errors, summary.warnings), (0, 0));
        assert!(blank_input_cells(&report).is_empty());
    }

    #[test]
    fn typed_text_and_computed_totals_are_left_alone() {
        let mut report = Report::new(2024);
        let typed = FieldKey::new(TableId::Table3, "granted", "natural");
        let wrong = FieldKey::new(TableId::Table3, "granted", "business");
        let total = FieldKey::new(TableId::Table3, "granted", "total");
        report.set_raw(typed, "12");
        report.set_raw(wrong, "十二");
        fill_blanks_with_zero(&mut report);
        assert_eq!(report.raw(typed), Some("12"));
        assert_eq!(report.raw(wrong), Some("十二"));
        assert_eq!(report.raw(total), None);
    }

    #[test]
    fn with_automatic_totals_off_the_totals_are_filled_too() {
        let mut report = Report::new(2020);
        report.auto_totals = false;
        fill_blanks_with_zero(&mut report);
        assert_eq!(report.raw(FieldKey::new(TableId::Table3, "total_handled", "total")), Some("0"));
        assert_eq!(report.raw(FieldKey::new(TableId::Table2, "procurement", "amount")), Some("0"));
    }
}
