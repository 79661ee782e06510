//! The cells the text checks talk about, found in the format description (no
//! second list of keys): 表三's groups of results, 总计 cells, 表四's totals.

use crate::figures::{Figures, Layout};
use crate::format::table3::{self, TOTAL_COL};
use crate::format::{table4, FieldKey, TableId};
use crate::value::Decimal;

/// One 办理结果 group of 表三, e.g. 「不予公开」 with its eight rows.
pub(crate) struct ResultGroup {
    /// The group's name as written in text, e.g. 「不予公开」, 「部分公开」.
    pub label: &'static str,
    /// The group's label as the table prints it, e.g. 「（三）不予公开」.
    pub heading: &'static str,
    pub rows: Vec<&'static str>,
}

/// 表三's result groups （一）…（六）, in order, read from the row labels.
pub(crate) fn result_groups(layout: &Layout) -> Vec<ResultGroup> {
    let not_results =
        [table3::NEW_RECEIVED, table3::CARRIED_OVER, table3::TOTAL_HANDLED, table3::CARRIED_FORWARD];
    let mut groups: Vec<ResultGroup> = Vec::new();
    for f in &layout.fields {
        if f.key.table != TableId::Table3 || f.key.col != TOTAL_COL || not_results.contains(&f.key.row) {
            continue;
        }
        // 「（三）不予公开 1.属于国家秘密」 → 「（三）不予公开」 → 「不予公开」.
        let heading = f.row_label.split(' ').next().unwrap_or(&f.row_label);
        let name = heading.split_once('）').map_or(heading, |(_, rest)| rest);
        let label = name.split('（').next().unwrap_or(name);
        match groups.last_mut() {
            Some(g) if g.heading == heading => g.rows.push(f.key.row),
            _ => groups.push(ResultGroup { label, heading, rows: vec![f.key.row] }),
        }
    }
    groups
}

pub(crate) fn t3_total(row: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, TOTAL_COL)
}

pub(crate) fn t4_total(row: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table4, row, table4::TOTAL_COL)
}

pub(crate) fn value(figures: &Figures, key: FieldKey) -> Option<Decimal> {
    figures.layout.index_of(key).and_then(|i| figures.cells[i].number())
}

/// The sum of `keys`; `None` when one is blank, invalid or not in this format.
pub(crate) fn sum(figures: &Figures, keys: &[FieldKey]) -> Option<Decimal> {
    keys.iter().try_fold(Decimal::ZERO, |acc, &k| acc.checked_add(value(figures, k)?))
}
