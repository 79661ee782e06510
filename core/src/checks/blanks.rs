//! At export: one warning per table listing its blank cells. Blank is not 0,
//! and a published table with holes reads as carelessness (平潭市场监管局 2023).

use super::explain::cell_list;
use super::{CheckResult, Severity, Status};
use crate::figures::{Cell, Figures};
use crate::format::TableId;

pub(super) fn check(figures: &Figures, table: TableId, out: &mut Vec<CheckResult>) {
    let blank: Vec<usize> = (0..figures.cells.len())
        .filter(|&i| {
            figures.layout.fields[i].key.table == table
                && figures.cells[i] == Cell::Blank
                && !figures.is_computed(i)
        })
        .collect();
    let name = table.short_name();
    let (status, explanation) = match blank.len() {
        0 => (Status::Pass, format!("{name}已全部填写")),
        n => (
            Status::Fail,
            format!("{name}有{n}个单元格未填写：{}。没有发生的请填 0", cell_list(figures, &blank)),
        ),
    };
    out.push(CheckResult {
        id: format!("blank.{}", table.key()),
        severity: Severity::Warning,
        status,
        title: format!("{name}：没有的请填 0，不要留空"),
        explanation,
        difference: None,
        left: blank.iter().map(|&i| figures.layout.fields[i].key).collect(),
        right: Vec::new(),
        text: None,
    });
}
