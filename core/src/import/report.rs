//! The import report: what was found, guessed, read as a variant or left
//! without a place, in Chinese, shown before anything is stored.

use serde::{Deserialize, Serialize};

use crate::format::{FormatVersion, TableId};
use crate::model::TitleForm;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// 机关, as found (in the title, or guessed from the 落款).
    pub unit_name: String,
    pub year: u16,
    /// The edition the draft is in (the year's).
    pub format: FormatVersion,
    pub title_form: TitleForm,
    /// Per table, the input cells found of those the format has.
    pub tables: Vec<TableTally>,
    /// The six sections, in order.
    pub sections: Vec<SectionFound>,
    /// 发文字号, 主送机关, 前言, 落款, 成文日期, 版记: found or not.
    pub parts: Vec<PartFound>,
    /// Guesses, variants, readings and what had no place, in the order met.
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableTally {
    pub table: TableId,
    /// Cells whose row and column were found, blank or not.
    pub found: usize,
    /// Of those, the cells holding a figure.
    pub filled: usize,
    /// Input cells of the table in the format.
    pub expected: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionFound {
    /// The heading as the format prints it.
    pub heading: String,
    /// The heading as the document printed it; `None` when the section was not found.
    pub printed: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartFound {
    /// 「发文字号」, 「主送机关」 …
    pub name: String,
    /// What was found; empty when the document has none.
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoteKind {
    /// Something inferred rather than read (the year from the dates, a column order).
    Guess,
    /// A label or heading printed otherwise than the format prints it.
    Variant,
    /// How an unusual layout was read (merged number cells, 「—」).
    Reading,
    /// Something of the document that has no place in the draft.
    Unplaced,
}

impl NoteKind {
    pub fn label(self) -> &'static str {
        match self {
            NoteKind::Guess => "推断",
            NoteKind::Variant => "写法不同",
            NoteKind::Reading => "读法",
            NoteKind::Unplaced => "未导入",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub kind: NoteKind,
    pub message: String,
}

impl Note {
    pub fn new(kind: NoteKind, message: String) -> Note {
        Note { kind, message }
    }
}

impl ImportReport {
    /// The report as lines of Chinese text (for the command line): the groups
    /// below, in their order.
    pub fn lines(&self) -> Vec<String> {
        let mut out = self.head_lines();
        out.extend(self.table_lines());
        out.extend(self.section_lines().into_iter().map(|(line, _)| line));
        out.extend(self.part_lines());
        out.extend(self.note_lines());
        out
    }

    /// 机关, 年度 and format edition.
    pub fn head_lines(&self) -> Vec<String> {
        vec![
            format!("机关：{}", if self.unit_name.is_empty() { "（未找到）" } else { &self.unit_name }),
            format!("年度：{}", self.year),
            format!("格式：{} 年格式（{}）", self.format.key(), self.format.notice()),
        ]
    }

    /// Per table, the cells recognised of those expected.
    pub fn table_lines(&self) -> Vec<String> {
        self.tables
            .iter()
            .map(|t| {
                format!(
                    "{}：识别 {}/{} 个单元格，其中 {} 个有数字",
                    t.table.short_name(),
                    t.found,
                    t.expected,
                    t.filled
                )
            })
            .collect()
    }

    /// Each of the six sections, and whether it was found.
    pub fn section_lines(&self) -> Vec<(String, bool)> {
        self.sections
            .iter()
            .map(|s| match &s.printed {
                Some(p) if p == &s.heading => (format!("{}：找到", s.heading), true),
                Some(p) => (format!("{}：找到（印作「{p}」）", s.heading), true),
                None => (format!("{}：未找到", s.heading), false),
            })
            .collect()
    }

    /// 发文字号, 主送机关, 前言, 落款, 成文日期, 版记.
    pub fn part_lines(&self) -> Vec<String> {
        self.parts
            .iter()
            .map(|p| {
                if p.text.is_empty() {
                    format!("{}：无", p.name)
                } else {
                    format!("{}：{}", p.name, ellipsis(&p.text, 40))
                }
            })
            .collect()
    }

    /// Every guess, variant, reading and what had no place, as met.
    pub fn note_lines(&self) -> Vec<String> {
        self.notes.iter().map(|n| format!("【{}】{}", n.kind.label(), n.message)).collect()
    }
}

/// One group of the import report as the page's import dialog lists it:
/// its part (`head`, `tables`, `sections`, `parts`, `notes`), its heading,
/// and its lines, each with whether it was found. Plain text: the page
/// builds its elements from it, so nothing the document printed becomes markup.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportGroup {
    pub part: String,
    pub heading: Option<String>,
    pub lines: Vec<(String, bool)>,
}

impl ImportReport {
    /// The report's groups, in the order the dialog shows them.
    pub fn groups(&self) -> Vec<ReportGroup> {
        let found = |lines: Vec<String>| lines.into_iter().map(|l| (l, true)).collect::<Vec<_>>();
        let group = |part: &str, heading: Option<String>, lines| ReportGroup {
            part: part.to_string(),
            heading,
            lines,
        };
        vec![
            group("head", None, found(self.head_lines())),
            group("tables", Some("统计表".to_string()), found(self.table_lines())),
            group("sections", Some("六个部分".to_string()), self.section_lines()),
            group("parts", Some("其他部分".to_string()), found(self.part_lines())),
            group("notes", Some(format!("识别说明（{} 条）", self.notes.len())), found(self.note_lines())),
        ]
    }
}

impl ImportReport {
    /// What a reader of the imported draft should look at, as lines: cells
    /// not found, sections not found, then every note (guesses, variants,
    /// readings, what had no place). Empty when the document read cleanly.
    pub fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        for t in self.tables.iter().filter(|t| t.found < t.expected) {
            out.push(format!(
                "{}只识别了 {}/{} 个单元格，其余留空",
                t.table.short_name(),
                t.found,
                t.expected
            ));
        }
        for s in self.sections.iter().filter(|s| s.printed.is_none()) {
            out.push(format!("没有找到「{}」", s.heading));
        }
        out.extend(self.note_lines());
        out
    }
}

/// The first `max` characters of `text`, with 「…」 when cut.
pub fn ellipsis(text: &str, max: usize) -> String {
    let text = text.replace('\n', " ");
    if text.chars().count() <= max {
        text
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}
