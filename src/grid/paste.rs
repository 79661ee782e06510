//! Where the cells of a pasted block land in a table, and what to tell the user.

use xxgk_core::format::{FieldKey, TableSpec};
use xxgk_core::value;

use super::layout::FieldLayout;

/// The outcome of pasting a block at a cell, before it is applied.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PastePlan {
    /// Cells to set, with the text normalised as the core parses it (invalid text kept as is).
    pub writes: Vec<(FieldKey, String)>,
    /// Non-blank values that fell beyond the table's edge.
    pub outside: usize,
    /// Non-blank values that fell on computed totals and were not written.
    pub onto_computed: usize,
    /// Written values that are not valid numbers (shown with their message at the cell).
    pub invalid: usize,
}

/// Lays `block` over the table from `start` (the block's top-left cell):
/// row by row down the input rows, cell by cell to the right.
pub fn plan_paste(
    spec: &TableSpec,
    layout: &FieldLayout,
    start: FieldKey,
    block: &[Vec<String>],
    is_computed: impl Fn(FieldKey) -> bool,
) -> PastePlan {
    let mut plan = PastePlan::default();
    let Some((row0, _)) = layout.locate(start) else {
        return plan;
    };
    let start_col = layout.column_of(start).unwrap_or(0);
    for (dr, cells) in block.iter().enumerate() {
        let mut target = layout.nearest(row0 + dr, start_col);
        for text in cells {
            let blank = value::is_blank(text);
            match target {
                None => plan.outside += usize::from(!blank),
                Some(key) if is_computed(key) => plan.onto_computed += usize::from(!blank),
                Some(key) => {
                    let kind = spec.field(key).map(|f| f.kind);
                    let normalized = kind.map_or_else(|| text.clone(), |k| value::normalize(k, text));
                    if kind.is_some_and(|k| value::parse(k, &normalized).is_err()) {
                        plan.invalid += 1;
                    }
                    plan.writes.push((key, normalized));
                }
            }
            target = target.and_then(|key| layout.step(key, super::layout::Move::Right));
        }
    }
    plan
}

impl PastePlan {
    /// What the user is told after the paste, in Chinese.
    pub fn message(&self) -> String {
        let mut parts = vec![format!("已粘贴 {} 个格子（Ctrl+Z 可撤销）", self.writes.len())];
        if self.outside > 0 {
            parts.push(format!("{} 个值超出了表格范围，未粘贴", self.outside));
        }
        if self.onto_computed > 0 {
            parts.push(format!(
                "{} 个值落在自动计算的总计格上，未粘贴（如需照录已公布的总计，请先关闭「自动计算总计」）",
                self.onto_computed
            ));
        }
        if self.invalid > 0 {
            parts.push(format!("{} 个值不是有效的数字，已原样填入并标出", self.invalid));
        }
        parts.join("；") + "。"
    }

    /// Whether something was left out or is wrong: the message is then a warning.
    pub fn has_problems(&self) -> bool {
        self.outside > 0 || self.onto_computed > 0 || self.invalid > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxgk_core::format::{format, FormatVersion, TableId};
    use xxgk_core::paste::parse_block;

    fn k(table: TableId, row: &'static str, col: &'static str) -> FieldKey {
        FieldKey::new(table, row, col)
    }

    /// Pastes `text` into a 2021 table at (`row`, `col`), nothing computed.
    fn paste_into(table: TableId, row: &'static str, col: &'static str, text: &str) -> PastePlan {
        let spec = format(FormatVersion::Official2021).table(table);
        plan_paste(spec, &FieldLayout::new(spec), k(table, row, col), &parse_block(text), |_| false)
    }

    #[test]
    fn a_block_fills_cells_down_and_right_and_reports_the_overflow() {
        let spec = format(FormatVersion::Official2021).table(TableId::Table3);
        let layout = FieldLayout::new(spec);
        let block = parse_block("1\t2\t3\r\n４\t5\t6\r\n");
        let start = k(TableId::Table3, "granted", "legal");
        let plan = plan_paste(spec, &layout, start, &block, |key| key.col == "total");
        assert_eq!(
            plan.writes,
            vec![
                (k(TableId::Table3, "granted", "legal"), "1".to_string()),
                (k(TableId::Table3, "granted", "other_org"), "2".to_string()),
                (k(TableId::Table3, "partly_granted", "legal"), "4".to_string()),
                (k(TableId::Table3, "partly_granted", "other_org"), "5".to_string()),
            ]
        );
        assert_eq!(plan.onto_computed, 2);
        assert_eq!(plan.outside, 0);

        let plan = paste_into(TableId::Table3, "carried_forward", "natural", "1\t2\t3\r\n４\t5\t6\r\n");
        assert_eq!(plan.writes.len(), 3);
        assert_eq!(plan.outside, 3);
        assert!(plan.message().contains("3 个值超出了表格范围"));
    }

    #[test]
    fn invalid_values_are_written_as_typed_and_counted() {
        let plan = paste_into(TableId::Table3, "granted", "natural", "abc\t\t-1\r\n");
        assert_eq!(plan.writes[0].1, "abc");
        assert_eq!(plan.writes[1].1, "");
        assert_eq!(plan.invalid, 2);
        assert!(plan.has_problems());
    }

    #[test]
    fn table2_rows_of_different_shapes() {
        let plan = paste_into(TableId::Table2, "rules", "issued", "0\t0\t0\r\n69\t3\t665\r\n2293\t\t\r\n");
        assert_eq!(plan.writes.len(), 7);
        assert_eq!(plan.writes[6], (k(TableId::Table2, "licensing", "decisions"), "2293".to_string()));
        assert_eq!(plan.outside, 0);
    }
}
