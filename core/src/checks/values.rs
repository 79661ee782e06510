//! One error per typed cell whose text is not a valid value (id `value.<path>`).
//! Computed totals are skipped: what was typed there is not used.

use super::{CheckResult, Severity, Status};
use crate::figures::{Cell, Figures};
use crate::format::TableId;

pub(super) fn check(figures: &Figures, table: TableId, out: &mut Vec<CheckResult>) {
    for (i, field) in figures.layout.fields.iter().enumerate() {
        let Cell::Invalid(raw, error) = figures.cells[i] else { continue };
        if field.key.table != table || figures.is_computed(i) {
            continue;
        }
        out.push(CheckResult {
            id: format!("value.{}", field.key.path()),
            severity: Severity::Error,
            status: Status::Fail,
            title: format!("{}「{}」填写有误", table.short_name(), field.accessible_label()),
            explanation: format!(
                "{}「{}」填写的是“{}”：{}",
                table.short_name(),
                field.accessible_label(),
                raw.trim(),
                error.message()
            ),
            difference: None,
            left: vec![field.key],
            right: Vec::new(),
            text: None,
        });
    }
}
