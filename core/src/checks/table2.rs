//! 表二 plausibility warnings:
//! - 现行有效件数 below 本年制发件数 although nothing was repealed (2021 format);
//! - 规章 figures for a unit that cannot make 规章.

use std::fmt::Write;

use super::explain::{cannot_judge, cell_list};
use super::{CheckResult, Severity, Status};
use crate::figures::Figures;
use crate::format::table2::{IN_FORCE, ISSUED, NORMATIVE_DOCS, REPEALED, RULES};
use crate::format::{FieldKey, TableId};
use crate::model::Report;

pub(super) fn check(report: &Report, figures: &Figures, out: &mut Vec<CheckResult>) {
    for row in [RULES, NORMATIVE_DOCS] {
        if let Some(stock) = Stock::of(figures, row) {
            out.push(in_force_not_below_issued(figures, &stock));
        }
    }
    out.push(rules_level(report, figures));
}

/// The 2021 stock columns of one row of 第二十条第（一）项.
pub(super) struct Stock {
    pub row: &'static str,
    pub issued: usize,
    pub repealed: usize,
    pub in_force: usize,
}

impl Stock {
    /// `None` in the 2019 format, which has no such columns.
    pub fn of(figures: &Figures, row: &'static str) -> Option<Stock> {
        let at = |col| figures.layout.index_of(FieldKey::new(TableId::Table2, row, col));
        Some(Stock { row, issued: at(ISSUED)?, repealed: at(REPEALED)?, in_force: at(IN_FORCE)? })
    }

    pub fn row_label(&self, figures: &Figures) -> &'static str {
        &figures.layout.fields[self.in_force].row_label
    }

    pub fn col_label(&self, figures: &Figures, field: usize) -> &'static str {
        &figures.layout.fields[field].col_label
    }
}

fn in_force_not_below_issued(figures: &Figures, s: &Stock) -> CheckResult {
    let row = s.row_label(figures);
    let [issued_l, repealed_l, in_force_l] =
        [s.issued, s.repealed, s.in_force].map(|f| s.col_label(figures, f));
    let value = |f: usize| figures.cells[f].number();
    let (status, explanation, gap) = match (value(s.issued), value(s.repealed), value(s.in_force)) {
        (Some(issued), Some(repealed), Some(in_force)) if in_force < issued && repealed.is_zero() => (
            Status::Fail,
            format!("表二「{row}」：{in_force_l}{in_force}，少于{issued_l}{issued}，而{repealed_l}为0"),
            issued.checked_sub(in_force).map(|d| d.to_string()),
        ),
        (Some(issued), Some(repealed), Some(in_force)) => (
            Status::Pass,
            format!("表二「{row}」：{in_force_l}{in_force}，{issued_l}{issued}，{repealed_l}{repealed}"),
            None,
        ),
        _ => {
            let mut missing = Vec::new();
            figures.missing(&[s.issued, s.repealed, s.in_force], &mut missing);
            (Status::CannotJudge, format!("表二「{row}」：{}", cannot_judge(figures, &missing)), None)
        }
    };
    let key = |f: usize| figures.layout.fields[f].key;
    CheckResult {
        id: format!("t2.in_force.{}", s.row),
        severity: Severity::Warning,
        status,
        title: format!("表二「{row}」：本年没有废止时，{in_force_l}不应少于{issued_l}"),
        explanation,
        difference: gap,
        left: vec![key(s.in_force)],
        right: vec![key(s.issued), key(s.repealed)],
        text: None,
    }
}

/// 规章 are made only by 国务院部门 and provincial and 设区的市 governments
/// ([`crate::model::UnitLevel::can_make_rules`]); anyone else's 规章 row is 0.
fn rules_level(report: &Report, figures: &Figures) -> CheckResult {
    let cells: Vec<usize> = (0..figures.cells.len())
        .filter(|&i| {
            let k = figures.layout.fields[i].key;
            k.table == TableId::Table2 && k.row == RULES
        })
        .collect();
    let rules = cells.first().map_or("规章", |&f| figures.layout.fields[f].row_label.as_str());
    let non_zero: Vec<usize> =
        cells.iter().copied().filter(|&f| figures.cells[f].number().is_some_and(|d| !d.is_zero())).collect();
    let mut missing = Vec::new();
    figures.missing(&cells, &mut missing);

    let level = report.unit_level;
    let (status, detail) = match level {
        Some(l) if l.can_make_rules() => (Status::Pass, format!("「{}」可以制定{rules}", l.label())),
        Some(l) if !non_zero.is_empty() => {
            let mut text = format!("单位层级为「{}」，不能制定{rules}，但", l.label());
            for (i, &f) in non_zero.iter().enumerate() {
                let sep = if i == 0 { "" } else { "、" };
                let value = figures.cells[f].number().unwrap_or_default();
                let _ = write!(text, "{sep}「{}」为{value}", figures.layout.fields[f].accessible_label());
            }
            (Status::Fail, text)
        }
        None if !non_zero.is_empty() => (
            Status::CannotJudge,
            format!(
                "{}有数字，但未选择单位层级，无法判断本单位能否制定{rules}",
                cell_list(figures, &non_zero)
            ),
        ),
        _ if !missing.is_empty() => (Status::CannotJudge, cannot_judge(figures, &missing)),
        _ => (Status::Pass, format!("{rules}各项均为 0")),
    };
    let scope = format!("表二「{rules}」");
    CheckResult {
        id: "t2.rules_level".to_string(),
        severity: Severity::Warning,
        status,
        title: format!("{scope}：不能制定规章的单位应填 0"),
        explanation: format!("{scope}：{detail}"),
        difference: None,
        left: cells.iter().map(|&f| figures.layout.fields[f].key).collect(),
        right: Vec::new(),
        text: None,
    }
}
