//! 表三, each column: 一 + 二 = （七）总计 + 四 (the note printed in the header).

use super::equation::Equation;
use super::CheckResult;
use crate::figures::Figures;

pub(super) fn check(figures: &Figures, out: &mut Vec<CheckResult>) {
    for b in &figures.layout.balances {
        let equation = Equation { id: &b.rule.id, wording: &b.rule.wording, left: &b.left, right: &b.right };
        out.push(equation.judge(figures));
    }
}
