//! Judging one equation between two groups of cells: the shape shared by
//! 表三's balance rules and every sum rule.

use super::explain::{cannot_judge, compare, difference};
use super::{CheckResult, Severity, Status};
use crate::figures::Figures;
use crate::format::RuleWording;

/// An equation `left` terms = `right` terms, as fields of the layout.
pub(super) struct Equation<'a> {
    pub id: &'a str,
    pub wording: &'a RuleWording,
    pub left: &'a [usize],
    pub right: &'a [usize],
}

impl Equation<'_> {
    /// An error when the sides differ; cannot judge when a term is missing.
    pub fn judge(&self, figures: &Figures) -> CheckResult {
        let wording = self.wording;
        let (status, explanation, gap) = match (figures.sum(self.left), figures.sum(self.right)) {
            (Some(l), Some(r)) if l == r => (Status::Pass, compare(wording, l, r), None),
            (Some(l), Some(r)) => (Status::Fail, compare(wording, l, r), Some(difference(l, r).to_string())),
            _ => {
                let mut missing = Vec::new();
                figures.missing(self.left, &mut missing);
                figures.missing(self.right, &mut missing);
                (Status::CannotJudge, format!("{}：{}", wording.scope, cannot_judge(figures, &missing)), None)
            }
        };
        let keys = |fields: &[usize]| fields.iter().map(|&f| figures.layout.fields[f].key).collect();
        CheckResult {
            id: self.id.to_string(),
            severity: Severity::Error,
            status,
            title: wording.title(),
            explanation,
            difference: gap,
            left: keys(self.left),
            right: keys(self.right),
            text: None,
        }
    }
}
