//! Wording shared by the checks' explanations.

use std::fmt::Write;

use crate::figures::{Cell, Figures};
use crate::format::RuleWording;
use crate::value::Decimal;

/// How many cells a message names before 「等」.
const NAMED_CELLS: usize = 3;

/// 「「A」、「B」、「C」」, cut after a few with 「等」.
pub(super) fn cell_list(figures: &Figures, fields: &[usize]) -> String {
    let mut text = String::new();
    for (i, &f) in fields.iter().take(NAMED_CELLS).enumerate() {
        if i > 0 {
            text.push('、');
        }
        let _ = write!(text, "「{}」", figures.layout.fields[f].accessible_label());
    }
    if fields.len() > NAMED_CELLS {
        text.push('等');
    }
    text
}

/// Why a rule cannot be judged: which of `missing` are blank and which invalid,
/// e.g. 「无法判断：「一、本年新收政府信息公开申请数量 · 自然人」未填写」.
pub(super) fn cannot_judge(figures: &Figures, missing: &[usize]) -> String {
    let (invalid, blank): (Vec<usize>, Vec<usize>) =
        missing.iter().partition(|&&f| matches!(figures.cells[f], Cell::Invalid(..)));
    let mut parts = Vec::with_capacity(2);
    for (cells, what) in [(&invalid, "填写有误"), (&blank, "未填写")] {
        match cells.len() {
            0 => {}
            1 => parts.push(format!("{}{what}", cell_list(figures, cells))),
            n => parts.push(format!("{}共{n}个单元格{what}", cell_list(figures, cells))),
        }
    }
    if parts.is_empty() {
        return "无法判断：有单元格未填写".to_string();
    }
    format!("无法判断：{}", parts.join("；"))
}

/// This report's case of a rule: 「<scope>：<left>=12，<right>=10，相差2」 (no
/// difference when equal), each side's terms joined by 「+」, e.g.
/// 「表三「自然人」列：一+二=12，（七）总计+四=10，相差2」.
pub(super) fn compare(wording: &RuleWording, left: Decimal, right: Decimal) -> String {
    let mut text = String::with_capacity(96);
    let _ = write!(
        text,
        "{}：{}={left}，{}={right}",
        wording.scope,
        wording.left.join("+"),
        wording.right.join("+")
    );
    if left != right {
        let _ = write!(text, "，相差{}", difference(left, right));
    }
    text
}

/// The gap between two figures, always non-negative.
pub(super) fn difference(a: Decimal, b: Decimal) -> Decimal {
    a.checked_sub(b).map_or(Decimal::ZERO, Decimal::abs)
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::format::{format, table3, FormatVersion, RuleScope, ScopeKind, TableId};

    #[test]
    fn every_rule_title_has_a_scope_and_two_sides() {
        for v in [FormatVersion::Trial2019, FormatVersion::Official2021] {
            let f = format(v);
            let titles = f.sum_rules().map(|r| r.title()).chain(f.balances.iter().map(|b| b.title()));
            for title in &titles.collect::<Vec<_>>() {
                let (scope, equation) = title.split_once('：').expect(title);
                assert!(!scope.is_empty(), "{title}");
                assert!(equation.split_once(" = ").is_some(), "{title}");
            }
        }
    }

    #[test]
    fn every_rule_has_its_labels() {
        for v in [FormatVersion::Trial2019, FormatVersion::Official2021] {
            let f = format(v);
            let sums = f.sum_rules().map(|r| (&r.id, &r.wording, 1, r.parts.len()));
            let balances = f.balances.iter().map(|b| (&b.id, &b.wording, b.left.len(), b.right.len()));
            let mut rows = 0;
            for (id, w, left_cells, right_cells) in sums.chain(balances) {
                assert!(!w.scope.name.is_empty(), "{id}");
                for (terms, cells) in [(&w.left, left_cells), (&w.right, right_cells)] {
                    assert!(terms.iter().all(|t| !t.is_empty()), "{id}: {terms:?}");
                    // One term per cell, or one term naming the cells together.
                    assert!(terms.len() == cells || terms.len() == 1, "{id}: {terms:?} for {cells} cells");
                }
                rows += usize::from(w.scope.kind == ScopeKind::Row);
            }
            // No 表三 row lost its rule.
            assert_eq!(rows, table3::all_rows(v).len(), "{v:?}");
            let scopes: HashSet<String> = f.table3.sums.iter().map(|r| r.wording.scope.to_string()).collect();
            assert_eq!(scopes.len(), f.table3.sums.len(), "{v:?}: two rules with one scope");
        }
    }

    #[test]
    fn comparison_names_both_sides_and_the_gap() {
        let scope = RuleScope { table: TableId::Table3, name: "自然人".into(), kind: ScopeKind::Column };
        let t = RuleWording::new(scope, &["一", "二"], &["（七）总计", "四"]);
        assert_eq!(t.title(), "表三「自然人」列：一 + 二 = （七）总计 + 四");
        assert_eq!(
            compare(&t, Decimal::from_int(12), Decimal::from_int(10)),
            "表三「自然人」列：一+二=12，（七）总计+四=10，相差2"
        );
        assert_eq!(
            compare(&t, Decimal::from_int(3), Decimal::from_int(3)),
            "表三「自然人」列：一+二=3，（七）总计+四=3"
        );
    }
}
