//! 「已核实」: a warning the user has looked into and found right (「已在第一部分
//! 说明清理情况」), kept in the draft ([`Report::verified`]).
//!
//! A mark holds the check's id and what the warning was about: the value of
//! each cell it involves and the passage it quotes. It applies while the check
//! still fails on the same values and the same passage; once a figure or the
//! sentence changes, it lapses by itself (nothing has to clear it) and the
//! warning counts again. Only warnings can be marked: an error is figures
//! that contradict each other, which no note makes right.

use std::collections::BTreeMap;

use super::{CheckResult, Summary};
use crate::figures::{Cell, Figures};
use crate::model::{Report, Verified};

/// Matches check results with the marks of one report (reads its cells once).
pub struct Verifier<'a> {
    report: &'a Report,
    figures: Figures<'a>,
}

impl<'a> Verifier<'a> {
    pub fn new(report: &'a Report) -> Verifier<'a> {
        Verifier { report, figures: Figures::read(report) }
    }

    /// Whether `result` is a warning that can be marked 「已核实」.
    pub fn can_mark(result: &CheckResult) -> bool {
        result.is_warning()
    }

    /// What `result` is about, as a mark records it: each cell's value as
    /// read (`""` blank), and the passage (or, with neither, the explanation).
    fn about(&self, result: &CheckResult) -> (BTreeMap<String, String>, String) {
        let mut figures = BTreeMap::new();
        for key in result.cells() {
            let value = match self.figures.layout.index_of(key).map(|i| self.figures.cells[i]) {
                Some(Cell::Number(v)) => v.to_string(),
                Some(Cell::Invalid(raw, _)) => raw.to_string(),
                _ => String::new(),
            };
            figures.insert(key.path(), value);
        }
        let quote = match &result.text {
            Some(span) => span.quote.clone(),
            None if figures.is_empty() => result.explanation.clone(),
            None => String::new(),
        };
        (figures, quote)
    }

    /// The mark that applies to `result`, if it is marked and nothing it is about changed.
    pub fn find(&self, result: &CheckResult) -> Option<&'a Verified> {
        if !Self::can_mark(result) {
            return None;
        }
        let mut marks = self.report.verified.iter().filter(|m| m.check == result.id).peekable();
        marks.peek()?;
        let (figures, quote) = self.about(result);
        marks.find(|m| m.figures == figures && m.quote == quote)
    }

    /// A mark for `result` with `note`; `None` when it is not a warning that fails.
    pub fn mark(&self, result: &CheckResult, note: &str) -> Option<Verified> {
        if !Self::can_mark(result) {
            return None;
        }
        let (figures, quote) = self.about(result);
        Some(Verified { check: result.id.clone(), figures, quote, note: note.trim().to_string() })
    }

    /// Counts as [`super::summarize`] does, leaving the marked warnings out of
    /// `warnings` and counting them in `verified`.
    pub fn summarize(&self, results: &[CheckResult]) -> Summary {
        results.iter().fold(Summary::default(), |mut s, r| {
            s.errors += usize::from(r.is_error());
            if r.is_warning() {
                if self.find(r).is_some() {
                    s.verified += 1;
                } else {
                    s.warnings += 1;
                }
            }
            s
        })
    }
}

/// Keeps `mark` in the report, in place of any earlier mark of the same check.
pub fn set_mark(report: &mut Report, mark: Verified) {
    report.verified.retain(|m| m.check != mark.check);
    report.verified.push(mark);
}

/// Removes the mark of the check `id`, if any.
pub fn clear_mark(report: &mut Report, id: &str) {
    report.verified.retain(|m| m.check != id);
}
