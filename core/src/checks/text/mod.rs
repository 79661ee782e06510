//! Checks on the narratives, the defects inspectors find most after 勾稽
//! errors (spec: domain.md, "What goes wrong"):
//! - [`stated`]: figures in the text that contradict the tables;
//! - [`form`]: stale years, a thin 五, a 六 that does not say what fee was
//!   collected, an over-long 一, English punctuation, doubled characters,
//!   numbering out of sequence, a year in the wrong format edition;
//! - [`contradiction`]: 「均已办结」 with cases carried forward, 「未收到申请」
//!   with applications, 「未发生行政复议」 with cases in 表四;
//! - [`repetition`]: text repeated from last year's report.
//!
//! [`drafting`] writes the standard sentences from the tables; read back by
//! these checks they give no warning.
//!
//! They read every text: the preamble, 一, 五, 六 and the paragraphs before
//! 表二、表三、表四 ([`TextPlace`]).
//!
//! Each result carries the passage it is about ([`TextSpan`]) and the cells
//! it compares with. They read every character, so the editor runs them when
//! typing pauses, not on every keystroke.

pub(crate) mod cells;
mod contradiction;
pub mod drafting;
mod form;
mod repetition;
mod scan;
mod stated;

#[cfg(test)]
mod tests;

use crate::checks::{CheckOptions, CheckResult};
use crate::figures::Figures;
use crate::format::{NarrativeKey, TableId};
use crate::model::Report;
use crate::storage::NarrativeReference;

use scan::Doc;

/// A free text of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextPlace {
    /// The opening paragraph before 一.
    Preamble,
    Section(NarrativeKey),
    /// The paragraph before a table, under 二、三、四 (`report.table_intros`).
    TableIntro(TableId),
}

impl TextPlace {
    /// Every text, in the order of the document.
    pub const ALL: [TextPlace; 7] = [
        TextPlace::Preamble,
        TextPlace::Section(NarrativeKey::Overview),
        TextPlace::TableIntro(TableId::Table2),
        TextPlace::TableIntro(TableId::Table3),
        TextPlace::TableIntro(TableId::Table4),
        TextPlace::Section(NarrativeKey::Problems),
        TextPlace::Section(NarrativeKey::Other),
    ];

    /// Path of the text in the draft JSON, e.g. 「sections.overview」.
    pub fn path(self) -> &'static str {
        match self {
            TextPlace::Preamble => "preamble",
            TextPlace::Section(NarrativeKey::Overview) => "sections.overview",
            TextPlace::Section(NarrativeKey::Problems) => "sections.problems",
            TextPlace::Section(NarrativeKey::Other) => "sections.other",
            TextPlace::TableIntro(TableId::Table2) => "table_intros.table2",
            TextPlace::TableIntro(TableId::Table3) => "table_intros.table3",
            TextPlace::TableIntro(TableId::Table4) => "table_intros.table4",
        }
    }

    /// Short stable key, used in check ids: 「preamble」, 「overview」, 「table3_intro」….
    pub fn key(self) -> &'static str {
        match self {
            TextPlace::Preamble => "preamble",
            TextPlace::Section(k) => k.key(),
            TextPlace::TableIntro(TableId::Table2) => "table2_intro",
            TextPlace::TableIntro(TableId::Table3) => "table3_intro",
            TextPlace::TableIntro(TableId::Table4) => "table4_intro",
        }
    }

    /// How a message names the text: 「开头」, 「第一部分」….
    pub fn name(self) -> &'static str {
        match self {
            TextPlace::Preamble => "开头部分",
            TextPlace::Section(NarrativeKey::Overview) => "第一部分",
            TextPlace::Section(NarrativeKey::Problems) => "第五部分",
            TextPlace::Section(NarrativeKey::Other) => "第六部分",
            TextPlace::TableIntro(TableId::Table2) => "第二部分表前说明",
            TextPlace::TableIntro(TableId::Table3) => "第三部分表前说明",
            TextPlace::TableIntro(TableId::Table4) => "第四部分表前说明",
        }
    }

    pub fn text(self, report: &Report) -> &str {
        match self {
            TextPlace::Preamble => &report.preamble,
            TextPlace::Section(k) => report.sections.get(k),
            TextPlace::TableIntro(id) => report.table_intros.get(id),
        }
    }

    /// The same text in last year's report.
    fn last_year(self, last: &NarrativeReference) -> &str {
        match self {
            TextPlace::Preamble => &last.preamble,
            TextPlace::Section(k) => last.sections.get(k),
            TextPlace::TableIntro(id) => last.table_intros.get(id),
        }
    }

    pub fn from_path(path: &str) -> Option<TextPlace> {
        TextPlace::ALL.into_iter().find(|p| p.path() == path)
    }
}

/// A passage of a text: characters `start..end` (counted in Unicode scalar
/// values, not bytes), and the passage itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSpan {
    pub place: TextPlace,
    pub start: usize,
    pub end: usize,
    pub quote: String,
}

/// Runs every text check on `report`; `last` is last year's text when known.
/// At export, an empty 五 or 六 is reported too.
pub fn run_text_checks(
    report: &Report,
    last: Option<&NarrativeReference>,
    options: CheckOptions,
) -> Vec<CheckResult> {
    run_text_checks_staged(report, last, options, &mut |_| {})
}

/// The parts of [`run_text_checks`], in the order they run, for the
/// benchmark's breakdown (`core/examples/text_check_speed.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The tables' figures and every text read (its characters, sentences, numbers).
    Read,
    /// The figures the text states, against the tables.
    Stated,
    Contradiction,
    /// Form, per text: years, punctuation, doubled characters, numbering.
    Form,
    /// Form, per report: 五, 六, 一's length, the edition.
    Report,
    Repetition,
}

impl Stage {
    pub const ALL: [Stage; 6] =
        [Stage::Read, Stage::Stated, Stage::Contradiction, Stage::Form, Stage::Report, Stage::Repetition];
}

/// [`run_text_checks`], calling `done` as each stage ends (for each text,
/// for the stages that run per text). Core keeps no clock: the caller times
/// the stages (std's `Instant` panics in the browser).
pub fn run_text_checks_staged(
    report: &Report,
    last: Option<&NarrativeReference>,
    options: CheckOptions,
    done: &mut dyn FnMut(Stage),
) -> Vec<CheckResult> {
    let figures = Figures::read(report);
    let mut out = Vec::new();
    let stated = stated::Stated::new(report, &figures);
    let docs: Vec<(TextPlace, Doc)> =
        TextPlace::ALL.into_iter().map(|p| (p, Doc::new(p.text(report)))).collect();
    done(Stage::Read);
    for (place, doc) in &docs {
        stated.check(*place, doc, &mut out);
        done(Stage::Stated);
        contradiction::check(&figures, *place, doc, &mut out);
        done(Stage::Contradiction);
        form::check_text(report, *place, doc, &mut out);
        done(Stage::Form);
    }
    form::check_report(report, &docs, options, &mut out);
    done(Stage::Report);
    if let Some(last) = last.filter(|l| l.year < report.year) {
        for (place, doc) in &docs {
            repetition::check(*place, doc, place.last_year(last), last.year, &mut out);
        }
    }
    done(Stage::Repetition);
    out
}

/// A passage cut for a message: its first 40 characters and 「…」.
pub(crate) fn short_quote(text: &str) -> String {
    const MAX: usize = 40;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => concat(&[&text[..cut], "…"]),
        None => text.to_string(),
    }
}

/// `parts` joined: the messages are built for every figure of every run, and
/// this costs less than `format!`'s machinery.
pub(crate) fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        out.push_str(p);
    }
    out
}

/// Characters as a reader counts them: everything but white space.
pub fn character_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}
