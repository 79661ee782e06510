//! The few figures the overview shows for each unit, as cells of the format.

use crate::figures::Figures;
use crate::format::{format, table2, table3, table4, FieldKey, TableId};
use crate::model::Report;
use crate::value::Decimal;

/// One column of the overview: a short label and the cells it adds up.
#[derive(Debug)]
pub struct KeyFigure {
    pub label: &'static str,
    pub cells: &'static [FieldKey],
}

const fn t3_total(row: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, table3::TOTAL_COL)
}

const fn t4_total(block: usize) -> FieldKey {
    FieldKey::new(TableId::Table4, table4::BLOCKS[block].0, table4::TOTAL_COL)
}

/// 新收, 办结, 结转, 复议, 诉讼, 现行有效规范性文件, 收费.
pub const KEY_FIGURES: [KeyFigure; 7] = [
    KeyFigure { label: "新收申请", cells: &[t3_total(table3::NEW_RECEIVED)] },
    KeyFigure { label: "办结", cells: &[t3_total(table3::TOTAL_HANDLED)] },
    KeyFigure { label: "结转下年", cells: &[t3_total(table3::CARRIED_FORWARD)] },
    KeyFigure { label: "行政复议", cells: &[t4_total(0)] },
    KeyFigure { label: "行政诉讼", cells: &[t4_total(1), t4_total(2)] },
    KeyFigure {
        label: "现行有效规范性文件",
        cells: &[FieldKey::new(TableId::Table2, table2::NORMATIVE_DOCS, table2::IN_FORCE)],
    },
    KeyFigure {
        label: "收费（万元）",
        cells: &[FieldKey::new(TableId::Table2, table2::FEES, table2::AMOUNT)],
    },
];

impl KeyFigure {
    /// The figure in a report (totals computed as the report says), or `None`
    /// when a cell is blank or invalid, or the report's format has no such cell.
    pub(crate) fn value(&self, figures: &Figures) -> Option<Decimal> {
        self.cells.iter().try_fold(Decimal::ZERO, |acc, key| {
            let i = figures.layout.index_of(*key)?;
            acc.checked_add(figures.cells[i].number()?)
        })
    }

    /// Whether the format of `report` has this figure at all (the 2019 trial
    /// format has no 现行有效件数 and no 收费金额).
    pub fn applies_to(&self, report: &Report) -> bool {
        let f = format(report.format);
        self.cells.iter().all(|key| f.field(*key).is_some())
    }
}
