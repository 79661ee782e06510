//! 表四：四、政府信息公开行政复议、行政诉讼情况. The same in 2019 and 2021:
//! 15 grid columns, 3 header rows and one row of numbers.

use super::grid::{GridBuilder, LabelStyle::*};
use super::{FieldKey, RuleScope, RuleWording, ScopeKind, SumRule, TableId, TableSpec, ValueKind};

/// The three blocks: row key, label as the header prints it, accessible name.
pub const BLOCKS: [(&str, &str, &str); 3] = [
    ("review", "行政复议", "行政复议"),
    ("suit_direct", "未经复议直接起诉", "行政诉讼 未经复议直接起诉"),
    ("suit_after_review", "复议后起诉", "行政诉讼 复议后起诉"),
];

/// The five columns of each block: key, header label, and the term the block's sum rule uses.
pub const OUTCOMES: [(&str, &str, &str); 5] = [
    ("upheld", "结果维持", "维持"),
    ("corrected", "结果纠正", "纠正"),
    ("other", "其他结果", "其他"),
    ("pending", "尚未审结", "尚未审结"),
    ("total", "总计", "总计"),
];

pub const TOTAL_COL: &str = "total";

pub(super) fn spec() -> TableSpec {
    // 15 columns sharing the 156 mm block: 14 × 590 + 584 twips.
    let mut widths = vec![590; 15];
    widths[14] = 584;
    let mut g = GridBuilder::new(TableId::Table4, widths);
    g.row().label(0, 5, 1, "行政复议", ColumnHeader).label(5, 10, 1, "行政诉讼", ColumnHeader);
    g.row();
    for (i, (_, label, _)) in OUTCOMES.iter().enumerate() {
        g.label(i, 1, 2, label, ColumnHeader);
    }
    g.label(5, 5, 1, BLOCKS[1].1, ColumnHeader).label(10, 5, 1, BLOCKS[2].1, ColumnHeader);
    g.row();
    for block in 1..3 {
        for (i, (_, label, _)) in OUTCOMES.iter().enumerate() {
            g.label(block * 5 + i, 1, 1, label, ColumnHeader);
        }
    }
    g.end_header();
    g.row();
    for (b, (row_key, _, row_label)) in BLOCKS.iter().enumerate() {
        for (i, (col_key, col_label, _)) in OUTCOMES.iter().enumerate() {
            g.field(b * 5 + i, 1, row_key, col_key, ValueKind::Count, row_label, col_label);
        }
    }
    let (parts, total) = OUTCOMES.split_at(4);
    let terms = |outcomes: &[(&str, &str, &'static str)]| outcomes.iter().map(|o| o.2).collect::<Vec<_>>();
    let sums = BLOCKS
        .iter()
        .map(|(row, _, name)| SumRule {
            id: format!("t4.sum.{row}"),
            total: FieldKey::new(TableId::Table4, row, TOTAL_COL),
            parts: parts.iter().map(|(c, _, _)| FieldKey::new(TableId::Table4, row, c)).collect(),
            wording: RuleWording::new(
                RuleScope { table: TableId::Table4, name: name.to_string(), kind: ScopeKind::Block },
                &terms(total),
                &terms(parts),
            ),
        })
        .collect();
    g.finish(sums)
}
