//! 表二：二、主动公开政府信息情况. Four grid columns; each 第二十条 item is a
//! band, a header row and its data rows. The 2019 trial format has other
//! columns and two more rows (其他对外管理服务事项, （九）政府集中采购).

use super::grid::{GridBuilder, LabelStyle::*};
use super::{FormatVersion, TableId, TableSpec, ValueKind};

/// One 第二十条 item: band label, column headers and data rows.
struct Item {
    band: &'static str,
    /// (column key, header label, value kind, grid columns spanned). Spans add up to 3.
    columns: &'static [(&'static str, &'static str, ValueKind, usize)],
    /// (row key, row label).
    rows: &'static [(&'static str, &'static str)],
}

use ValueKind::{Amount, Count, Delta};

const ITEMS_2021: [Item; 4] = [
    Item {
        band: "第二十条第（一）项",
        columns: &[
            ("issued", "本年制发件数", Count, 1),
            ("repealed", "本年废止件数", Count, 1),
            ("in_force", "现行有效件数", Count, 1),
        ],
        rows: &[("rules", "规章"), ("normative_docs", "行政规范性文件")],
    },
    Item {
        band: "第二十条第（五）项",
        columns: &[("decisions", "本年处理决定数量", Count, 3)],
        rows: &[("licensing", "行政许可")],
    },
    Item {
        band: "第二十条第（六）项",
        columns: &[("decisions", "本年处理决定数量", Count, 3)],
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    Item {
        band: "第二十条第（八）项",
        columns: &[(AMOUNT, "本年收费金额（单位：万元）", Amount, 3)],
        rows: &[(FEES, "行政事业性收费")],
    },
];

const PROJECT_COLUMNS_2019: &[(&str, &str, ValueKind, usize)] = &[
    ("prev_items", "上一年项目数量", Count, 1),
    ("change", "本年增/减", Delta, 1),
    ("decisions", "处理决定数量", Count, 1),
];

const ITEMS_2019: [Item; 5] = [
    Item {
        band: "第二十条第（一）项",
        columns: &[
            ("made", "本年新制作数量", Count, 1),
            ("published", "本年新公开数量", Count, 1),
            ("total_published", "对外公开总数量", Count, 1),
        ],
        rows: &[("rules", "规章"), ("normative_docs", "规范性文件")],
    },
    Item {
        band: "第二十条第（五）项",
        columns: PROJECT_COLUMNS_2019,
        rows: &[("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")],
    },
    Item {
        band: "第二十条第（六）项",
        columns: PROJECT_COLUMNS_2019,
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    Item {
        band: "第二十条第（八）项",
        columns: &[("prev_items", "上一年项目数量", Count, 1), ("change", "本年增/减", Delta, 2)],
        rows: &[("fees", "行政事业性收费")],
    },
    Item {
        band: "第二十条第（九）项",
        columns: &[("projects", "采购项目数量", Count, 1), ("amount", "采购总金额", Amount, 2)],
        rows: &[("procurement", "政府集中采购")],
    },
];

/// Row and column keys of the 2021 stock of 规章 and 行政规范性文件.
pub const RULES: &str = "rules";
pub const NORMATIVE_DOCS: &str = "normative_docs";
pub const ISSUED: &str = "issued";
pub const REPEALED: &str = "repealed";
pub const IN_FORCE: &str = "in_force";
/// Row and column keys of the 2021 行政事业性收费 amount.
pub const FEES: &str = "fees";
pub const AMOUNT: &str = "amount";

pub(super) fn spec(version: FormatVersion) -> TableSpec {
    let items: &[Item] = match version {
        FormatVersion::Trial2019 => &ITEMS_2019,
        FormatVersion::Official2021 => &ITEMS_2021,
    };
    // 40 mm label column, then three equal columns.
    let mut g = GridBuilder::new(TableId::Table2, vec![2268, 2192, 2192, 2192]);
    for item in items {
        g.row().label(0, 4, 1, item.band, Band);
        g.row().label(0, 1, 1, "信息内容", ColumnHeader);
        let mut col = 1;
        for (_, header, _, span) in item.columns {
            g.label(col, *span, 1, header, ColumnHeader);
            col += span;
        }
        for (row_key, row_label) in item.rows {
            g.row().label(0, 1, 1, row_label, RowHeader);
            let mut col = 1;
            for (col_key, header, kind, span) in item.columns {
                g.field(col, *span, row_key, col_key, *kind, row_label, header);
                col += span;
            }
        }
    }
    // 表二 has no header repeated across pages and no sum rules.
    g.finish(Vec::new())
}
