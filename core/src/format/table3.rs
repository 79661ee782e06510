//! 表三：三、收到和处理政府信息公开申请情况.
//!
//! 10 grid columns: three label columns and seven numbers (six kinds of
//! applicant and 总计). 2021: 28 grid rows, 三、本年度办理结果 spans 22;
//! 2019: （六）其他处理 is one row, so 26 grid rows and a span of 20.

use super::grid::{GridBuilder, LabelStyle::*};
use super::{
    BalanceRule, FieldKey, FormatVersion, RuleScope, RuleWording, ScopeKind, SumRule, TableId, TableSpec,
    ValueKind,
};

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

/// A row outside the result groups.
struct Line {
    key: &'static str,
    /// As printed.
    label: &'static str,
    /// As a row-sum rule names it, e.g. 「一、本年新收」.
    short: &'static str,
    /// As the header note's equation names it: 「一」, 「二」, 「（七）总计」, 「四」.
    term: &'static str,
}

const NEW_RECEIVED_LINE: Line =
    Line {
        key: NEW_RECEIVED, label: "一、本年新收政府信息公开申请数量", short: "一、本年新收", term: "一"
    };
const CARRIED_OVER_LINE: Line =
    Line {
        key: CARRIED_OVER, label: "二、上年结转政府信息公开申请数量", short: "二、上年结转", term: "二"
    };
const TOTAL_HANDLED_LINE: Line =
    Line { key: TOTAL_HANDLED, label: "（七）总计", short: "（七）总计", term: "（七）总计" };
const CARRIED_FORWARD_LINE: Line =
    Line {
        key: CARRIED_FORWARD, label: "四、结转下年度继续办理", short: "四、结转下年度", term: "四"
    };

/// How the sum rules name the cells they add up.
const APPLICANTS_SUM: &str = "六类申请人之和";
const RESULTS_SUM: &str = "各项办理结果之和";

pub const NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const RESULTS: &str = "三、本年度办理结果";

/// A group of result rows under 三、本年度办理结果.
struct Group {
    /// Group label, e.g. 「（三）不予公开」.
    label: &'static str,
    /// As the row-sum rules name it, e.g. 「（二）部分公开」 without the printed proviso.
    short: &'static str,
    /// (row key, item label); a group with one item whose label is empty is a single merged row.
    items: &'static [(&'static str, &'static str)],
}

const WITHHELD: Group = Group {
    label: "（三）不予公开",
    short: "（三）不予公开",
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
    short: "（四）无法提供",
    items: &[
        ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
        ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_still_unclear", "3.补正后申请内容仍不明确"),
    ],
};

const DECLINED: Group = Group {
    label: "（五）不予处理",
    short: "（五）不予处理",
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
    short: "（六）其他处理",
    items: &[
        ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_misc", "3.其他"),
    ],
};

/// 2019: a single row, merged across the two label columns.
const OTHER_2019: Group =
    Group {
        label: "（六）其他处理", short: "（六）其他处理", items: &[("other_handling", "")]
    };

/// Single result rows merged across label columns 2–3.
const GRANTED: Group =
    Group { label: "（一）予以公开", short: "（一）予以公开", items: &[("granted", "")] };
const PARTLY_GRANTED: Group = Group {
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    short: "（二）部分公开",
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

    for line in [&NEW_RECEIVED_LINE, &CARRIED_OVER_LINE] {
        g.row().label(0, 3, 1, line.label, RowHeader);
        number_row(&mut g, line.key, line.label);
    }

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
    // （七）总计 sits under 三、本年度办理结果, 四 spans all three label columns.
    for (line, col, span) in [(&TOTAL_HANDLED_LINE, 1, 2), (&CARRIED_FORWARD_LINE, 0, 3)] {
        g.row().label(col, span, 1, line.label, RowHeader);
        number_row(&mut g, line.key, line.label);
    }

    g.finish(sum_rules(version))
}

/// Every data row, top to bottom: key and the short name the row-sum rules use.
fn named_rows(version: FormatVersion) -> Vec<(&'static str, String)> {
    let line = |l: &Line| (l.key, l.short.to_string());
    let mut rows = vec![line(&NEW_RECEIVED_LINE), line(&CARRIED_OVER_LINE)];
    for group in result_groups(version) {
        for (key, item) in group.items {
            rows.push((key, format!("{}{item}", group.short)));
        }
    }
    rows.extend([line(&TOTAL_HANDLED_LINE), line(&CARRIED_FORWARD_LINE)]);
    rows
}

/// Row keys of the result rows that （七）总计 adds up: （一）…（六）.
pub fn detail_rows(version: FormatVersion) -> Vec<&'static str> {
    result_groups(version).iter().flat_map(|g| g.items.iter().map(|(k, _)| *k)).collect()
}

/// Every data row key, top to bottom.
pub fn all_rows(version: FormatVersion) -> Vec<&'static str> {
    named_rows(version).into_iter().map(|(key, _)| key).collect()
}

fn key(row: &'static str, col: &'static str) -> FieldKey {
    FieldKey::new(TableId::Table3, row, col)
}

fn scope(name: &str, kind: ScopeKind) -> RuleScope {
    RuleScope { table: TableId::Table3, name: name.to_string(), kind }
}

fn sum_rules(version: FormatVersion) -> Vec<SumRule> {
    let (_, total_label) = COLUMNS[6];
    let mut rules = Vec::new();
    // Each row: 总计 = the six applicant columns.
    for (row, short) in named_rows(version) {
        rules.push(SumRule {
            id: format!("t3.row.{row}"),
            total: key(row, TOTAL_COL),
            parts: COLUMNS[..6].iter().map(|(c, _)| key(row, c)).collect(),
            wording: RuleWording::new(scope(&short, ScopeKind::Row), &[total_label], &[APPLICANTS_SUM]),
        });
    }
    // Each column: （七）总计 = the detail rows.
    let details = detail_rows(version);
    for (col, col_label) in COLUMNS {
        rules.push(SumRule {
            id: format!("t3.col.{col}"),
            total: key(TOTAL_HANDLED, col),
            parts: details.iter().map(|r| key(r, col)).collect(),
            wording: RuleWording::new(
                scope(col_label, ScopeKind::Column),
                &[TOTAL_HANDLED_LINE.term],
                &[RESULTS_SUM],
            ),
        });
    }
    rules
}

/// The rule printed in the header note, for each of the seven columns:
/// 一 + 二 = （七）总计 + 四.
pub fn balance_rules() -> Vec<BalanceRule> {
    let left = [&NEW_RECEIVED_LINE, &CARRIED_OVER_LINE];
    let right = [&TOTAL_HANDLED_LINE, &CARRIED_FORWARD_LINE];
    let terms = |side: &[&Line]| side.iter().map(|l| l.term).collect::<Vec<_>>();
    COLUMNS
        .iter()
        .map(|(col, label)| BalanceRule {
            id: format!("t3.balance.{col}"),
            left: left.iter().map(|l| key(l.key, col)).collect(),
            right: right.iter().map(|l| key(l.key, col)).collect(),
            wording: RuleWording::new(scope(label, ScopeKind::Column), &terms(&left), &terms(&right)),
        })
        .collect()
}
