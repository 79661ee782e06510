//! 表三：三、收到和处理政府信息公开申请情况.
//!
//! 10 grid columns: three label columns and seven numbers (six kinds of
//! applicant and 总计). 2021: 28 grid rows, 三、本年度办理结果 spans 22;
//! 2019: （六）其他处理 is one row, so 26 grid rows and a span of 20.

use super::grid::{GridBuilder, LabelStyle::*};
use super::{BalanceRule, FieldKey, FormatVersion, SumRule, TableId, TableSpec, ValueKind};

/// The seven number columns: key and label.
pub const COLUMNS: [(&str, &str); 7] = [
    ("natural", "自然人"),
    ("business", "商业企业"),
    ("research", "科研机构"),
    ("nonprofit", "社会公益组织"),
    ("legal", "法律服务机构"),
    ("other_org", "其他"),
    ("total", "总计"),
];

/// Key of the 总计 column.
pub const TOTAL_COL: &str = "total";

pub const NEW_RECEIVED: &str = "new_received";
pub const CARRIED_OVER: &str = "carried_over";
pub const TOTAL_HANDLED: &str = "total_handled";
pub const CARRIED_FORWARD: &str = "carried_forward";

pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const RESULTS: &str = "三、本年度办理结果";

/// A group of result rows under 三、本年度办理结果.
struct Group {
    /// Group label, e.g. 「（三）不予公开」.
    label: &'static str,
    /// (row key, item label); a group with one item whose label is empty is a single merged row.
    items: &'static [(&'static str, &'static str)],
}

const WITHHELD: Group = Group {
    label: "（三）不予公开",
    items: &[
        ("withheld_state_secret", "1.属于国家秘密"),
        ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开"),
        ("withheld_three_safeties", "3.危及“三安全一稳定”"),
        ("withheld_third_party", "4.保护第三方合法权益"),
        ("withheld_internal_affairs", "5.属于三类内部事务信息"),
        ("withheld_process_info", "6.属于四类过程性信息"),
        ("withheld_enforcement_files", "7.属于行政执法案卷"),
        ("withheld_inquiry", "8.属于行政查询事项"),
    ],
};

const UNAVAILABLE: Group = Group {
    label: "（四）无法提供",
    items: &[
        ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
        ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_still_unclear", "3.补正后申请内容仍不明确"),
    ],
};

const DECLINED: Group = Group {
    label: "（五）不予处理",
    items: &[
        ("declined_petition", "1.信访举报投诉类申请"),
        ("declined_repeat", "2.重复申请"),
        ("declined_publication", "3.要求提供公开出版物"),
        ("declined_excessive", "4.无正当理由大量反复申请"),
        ("declined_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
    ],
};

const OTHER_2021: Group = Group {
    label: "（六）其他处理",
    items: &[
        ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_misc", "3.其他"),
    ],
};

/// 2019: a single row, merged across the two label columns.
const OTHER_2019: Group = Group { label: "（六）其他处理", items: &[("other_handling", "")] };

/// Single result rows merged across label columns 2–3.
const GRANTED: Group = Group { label: "（一）予以公开", items: &[("granted", "")] };
const PARTLY_GRANTED: Group = Group {
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    items: &[("partly_granted", "")],
};

fn result_groups(version: FormatVersion) -> [&'static Group; 6] {
    let other = match version {
        FormatVersion::Trial2019 => &OTHER_2019,
        FormatVersion::Official2021 => &OTHER_2021,
    };
    [&GRANTED, &PARTLY_GRANTED, &WITHHELD, &UNAVAILABLE, &DECLINED, other]
}

/// Widths: 9 mm vertical label, 17 mm group label, 60 mm item label, 7 × 10 mm numbers.
const COL_WIDTHS: [u32; 10] = [510, 964, 3401, 567, 567, 567, 567, 567, 567, 567];

pub(super) fn spec(version: FormatVersion) -> TableSpec {
    let groups = result_groups(version);
    let result_rows: usize = groups.iter().map(|g| g.items.len()).sum::<usize>() + 1; // + （七）总计
    let mut g = GridBuilder::new(TableId::Table3, COL_WIDTHS.to_vec());

    g.row().label(0, 3, 3, NOTE, Note).label(3, 7, 1, "申请人情况", ColumnHeader);
    g.row().label(3, 1, 2, "自然人", ColumnHeader).label(4, 5, 1, "法人或其他组织", ColumnHeader).label(
        9,
        1,
        2,
        "总计",
        ColumnHeader,
    );
    g.row();
    for (col, (_, label)) in COLUMNS[1..6].iter().enumerate() {
        g.label(4 + col, 1, 1, label, ColumnHeader);
    }
    g.end_header();

    let number_row = |g: &mut GridBuilder, row_key: &'static str, row_label: &str| {
        for (i, (col_key, col_label)) in COLUMNS.iter().enumerate() {
            g.field(3 + i, 1, row_key, col_key, ValueKind::Count, row_label, col_label);
        }
    };

    g.row().label(0, 3, 1, "一、本年新收政府信息公开申请数量", RowHeader);
    number_row(&mut g, NEW_RECEIVED, "一、本年新收政府信息公开申请数量");
    g.row().label(0, 3, 1, "二、上年结转政府信息公开申请数量", RowHeader);
    number_row(&mut g, CARRIED_OVER, "二、上年结转政府信息公开申请数量");

    let mut first = true;
    for group in groups {
        for (i, (row_key, item)) in group.items.iter().enumerate() {
            g.row();
            if first {
                g.label(0, 1, result_rows, RESULTS, Vertical);
                first = false;
            }
            if item.is_empty() {
                g.label(1, 2, 1, group.label, RowHeader);
                number_row(&mut g, row_key, group.label);
            } else {
                if i == 0 {
                    g.label(1, 1, group.items.len(), group.label, RowGroup);
                }
                g.label(2, 1, 1, item, RowHeader);
                number_row(&mut g, row_key, &format!("{} {}", group.label, item));
            }
        }
    }
    g.row().label(1, 2, 1, "（七）总计", RowHeader);
    number_row(&mut g, TOTAL_HANDLED, "（七）总计");
    g.row().label(0, 3, 1, "四、结转下年度继续办理", RowHeader);
    number_row(&mut g, CARRIED_FORWARD, "四、结转下年度继续办理");

    g.finish(sum_rules(version))
}

/// Row keys of the result rows that （七）总计 adds up: （一）…（六）.
pub fn detail_rows(version: FormatVersion) -> Vec<&'static str> {
    result_groups(version).iter().flat_map(|g| g.items.iter().map(|(k, _)| *k)).collect()
}

/// Every data row key, top to bottom.
pub fn all_rows(version: FormatVersion) -> Vec<&'static str> {
    let mut rows = vec![NEW_RECEIVED, CARRIED_OVER];
    rows.extend(detail_rows(version));
    rows.extend([TOTAL_HANDLED, CARRIED_FORWARD]);
    rows
}

fn key(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}

fn sum_rules(version: FormatVersion) -> Vec<SumRule> {
    let spec_rows = all_rows(version);
    let labels = row_labels(version);
    let mut rules = Vec::new();
    // Each row: 总计 = the six applicant columns.
    for (row, label) in spec_rows.iter().zip(&labels) {
        rules.push(SumRule {
            id: format!("t3.row.{row}"),
            total: key(row, TOTAL_COL),
            parts: COLUMNS[..6].iter().map(|(c, _)| key(row, c)).collect(),
            title: format!("表三「{label}」行：总计 = 六类申请人之和"),
        });
    }
    // Each column: （七）总计 = the detail rows.
    let details = detail_rows(version);
    for (col, col_label) in COLUMNS {
        rules.push(SumRule {
            id: format!("t3.col.{col}"),
            total: key(TOTAL_HANDLED, col),
            parts: details.iter().map(|r| key(r, col)).collect(),
            title: format!("表三「{col_label}」列：（七）总计 = 各项办理结果之和"),
        });
    }
    rules
}

/// The rule printed in the header note, for each of the seven columns:
/// 一 + 二 = （七）总计 + 四.
pub fn balance_rules() -> Vec<BalanceRule> {
    COLUMNS
        .iter()
        .map(|(col, label)| BalanceRule {
            id: format!("t3.balance.{col}"),
            left: vec![key(NEW_RECEIVED, col), key(CARRIED_OVER, col)],
            right: vec![key(TOTAL_HANDLED, col), key(CARRIED_FORWARD, col)],
            title: format!("表三「{label}」列：一 + 二 = （七）总计 + 四"),
            scope: label,
        })
        .collect()
}

/// Short row labels, in the order of [`all_rows`].
fn row_labels(version: FormatVersion) -> Vec<String> {
    let mut labels = vec!["一、本年新收".to_string(), "二、上年结转".to_string()];
    for group in result_groups(version) {
        for (_, item) in group.items {
            labels.push(if item.is_empty() {
                group.label.split('（').take(2).collect::<Vec<_>>().join("（")
            } else {
                format!("{}{}", group.label, item)
            });
        }
    }
    labels.push("（七）总计".to_string());
    labels.push("四、结转下年度".to_string());
    labels
}
