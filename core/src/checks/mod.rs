//! The 勾稽 (reconciliation) checks: pure functions over a report.
//!
//! Each check has a stable id, a severity, a status, a Chinese title and
//! explanation (both sides' values and the difference), and the cells on each
//! side so the editor can highlight them. A blank or invalid term makes a
//! check *cannot judge*, never pass or fail; the explanation names the cell.
//!
//! [`run_checks`] runs on every keystroke in the browser: it reads each cell
//! once ([`crate::figures`]) and does integer arithmetic, with no regex and
//! no per-cell allocation. Results come in document order: 表二, 表三, 表四
//! (each: its invalid cells, its rules, its blanks at export), then the
//! cross-year checks. The checks on the narratives ([`text`]) run apart, on
//! a pause in typing: they read every character of the text.

mod balance;
mod blanks;
mod cross_year;
mod equation;
mod explain;
mod plausibility;
mod sums;
mod table2;
pub mod text;
mod values;
pub mod verified;

#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::figures::Figures;
use crate::format::{FieldKey, TableId};
use crate::model::Report;

pub use cross_year::previous_year;
pub use text::{run_text_checks, TextPlace, TextSpan};
pub use verified::Verifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The figures contradict each other: the report must not go out like this.
    Error,
    /// Worth a second look; may be right.
    Warning,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    /// A term is blank or invalid, so the rule can be neither confirmed nor refuted.
    CannotJudge,
}

/// The outcome of one check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckResult {
    /// Stable id, e.g. "t3.balance.natural", "value.table3.granted.natural".
    pub id: String,
    pub severity: Severity,
    pub status: Status,
    /// The rule, e.g. 「表三「自然人」列：一 + 二 = （七）总计 + 四」.
    pub title: String,
    /// This report's case, e.g. 「表三「自然人」列：一+二=12，（七）总计+四=10，相差2」.
    pub explanation: String,
    /// The gap between the two sides, when the check fails on arithmetic.
    pub difference: Option<String>,
    pub left: Vec<FieldKey>,
    pub right: Vec<FieldKey>,
    /// The passage of a narrative the check is about (text checks only).
    pub text: Option<TextSpan>,
}

impl CheckResult {
    /// Every cell involved: the left side, then the right side.
    pub fn cells(&self) -> impl Iterator<Item = FieldKey> + '_ {
        self.left.iter().chain(self.right.iter()).copied()
    }

    /// Failed, and an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.status == Status::Fail && self.severity == Severity::Error
    }

    /// Failed, and only a warning.
    pub fn is_warning(&self) -> bool {
        self.status == Status::Fail && self.severity == Severity::Warning
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The user is exporting: blank cells are reported too.
    pub at_export: bool,
}

/// Runs every check on `report` (automatic totals applied), in document order.
pub fn run_checks(report: &Report, options: CheckOptions) -> Vec<CheckResult> {
    let figures = Figures::read(report);
    let mut out = Vec::with_capacity(96);
    for table in TableId::ALL {
        values::check(&figures, table, &mut out);
        match table {
            TableId::Table2 => table2::check(report, &figures, &mut out),
            TableId::Table3 => {
                balance::check(&figures, &mut out);
                sums::check(&figures, table, &mut out);
            }
            TableId::Table4 => {
                sums::check(&figures, table, &mut out);
                plausibility::check(&figures, &mut out);
            }
        }
        if options.at_export {
            blanks::check(&figures, table, &mut out);
        }
    }
    if let Some(previous) = &report.previous {
        cross_year::check(report, &figures, previous, &mut out);
    }
    out
}

/// How many checks failed, by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    /// Warnings not marked 「已核实」.
    pub warnings: usize,
    /// Warnings marked 「已核实」 ([`verified::Verifier::summarize`]; 0 from [`summarize`]).
    pub verified: usize,
}

pub fn summarize(results: &[CheckResult]) -> Summary {
    results.iter().fold(Summary::default(), |mut s, r| {
        s.errors += usize::from(r.is_error());
        s.warnings += usize::from(r.is_warning());
        s
    })
}
