//! Every `total = sum of parts` rule of a table: 表三's row and column totals,
//! 表四's three blocks. With automatic totals on they hold by construction,
//! and the check reports which part keeps a total from being computed.

use super::equation::Equation;
use super::CheckResult;
use crate::figures::Figures;
use crate::format::TableId;

pub(super) fn check(figures: &Figures, table: TableId, out: &mut Vec<CheckResult>) {
    for s in figures.layout.sums.iter().filter(|s| s.rule.total.table == table) {
        let equation = Equation {
            id: &s.rule.id,
            wording: &s.rule.wording,
            left: std::slice::from_ref(&s.total),
            right: &s.parts,
        };
        out.push(equation.judge(figures));
    }
}
