//! What the grid shows of the check results: each cell's worst failing
//! severity, and the counts behind the summary badge.

use std::collections::HashMap;

use xxgk_core::checks::{CheckResult, Severity, Status};
use xxgk_core::format::FieldKey;

/// How a cell is highlighted: it takes part in a failing check of this severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    Warning,
    Error,
}

impl Mark {
    pub fn class(self) -> &'static str {
        match self {
            Mark::Warning => "mark-warning",
            Mark::Error => "mark-error",
        }
    }
}

/// The worst mark of every cell that takes part in a failing check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellMarks(HashMap<FieldKey, Mark>);

impl CellMarks {
    /// `verified`: ids of the warnings marked 「已核实」, which mark no cell.
    pub fn from_results(results: &[CheckResult], verified: &[String]) -> CellMarks {
        let mut marks: HashMap<FieldKey, Mark> = HashMap::new();
        for result in results.iter().filter(|r| r.status == Status::Fail && !verified.contains(&r.id)) {
            let mark = match result.severity {
                Severity::Error => Mark::Error,
                Severity::Warning => Mark::Warning,
            };
            for key in result.cells() {
                let slot = marks.entry(key).or_insert(mark);
                *slot = (*slot).max(mark);
            }
        }
        CellMarks(marks)
    }

    pub fn get(&self, key: FieldKey) -> Option<Mark> {
        self.0.get(&key).copied()
    }
}

/// The counts behind the summary badge. Only failures are errors or warnings;
/// checks that cannot be judged yet (a blank term) are counted apart as
/// 「待填」, so a blank report is never 「全部通过」.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub pending: usize,
}

impl Tally {
    pub fn from_results(results: &[CheckResult]) -> Tally {
        Tally::from_checked(results, &[])
    }

    /// `verified`: ids of the warnings marked 「已核实」, left out of the count.
    pub fn from_checked(results: &[CheckResult], verified: &[String]) -> Tally {
        let summary = xxgk_core::checks::summarize(results);
        let marked = results.iter().filter(|r| r.is_warning() && verified.contains(&r.id)).count();
        Tally {
            errors: summary.errors,
            warnings: summary.warnings - marked,
            pending: results.iter().filter(|r| r.status == Status::CannotJudge).count(),
        }
    }

    /// The badge text: 「3 处错误 · 1 处提醒」, 「5 项待填」 or 「全部通过」.
    pub fn badge_text(self) -> String {
        let mut parts = Vec::new();
        if self.errors > 0 {
            parts.push(format!("{} 处错误", self.errors));
        }
        if self.warnings > 0 {
            parts.push(format!("{} 处提醒", self.warnings));
        }
        if self.pending > 0 {
            parts.push(format!("{} 项待填", self.pending));
        }
        if parts.is_empty() {
            "全部通过".to_string()
        } else {
            parts.join(" · ")
        }
    }

    /// CSS class of the badge: the worst state wins.
    pub fn badge_class(self) -> &'static str {
        if self.errors > 0 {
            "badge badge-error"
        } else if self.warnings > 0 {
            "badge badge-warning"
        } else if self.pending > 0 {
            "badge badge-pending"
        } else {
            "badge badge-pass"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn badge_text_counts_failures_and_pending_apart() {
        let t = |errors, warnings, pending| Tally { errors, warnings, pending }.badge_text();
        assert_eq!(t(3, 1, 0), "3 处错误 · 1 处提醒");
        assert_eq!(t(0, 0, 0), "全部通过");
        assert_eq!(t(0, 0, 5), "5 项待填");
        assert_eq!(t(1, 0, 2), "1 处错误 · 2 项待填");
    }
}
