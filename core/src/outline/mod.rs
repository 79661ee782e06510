//! The report as a document, before any typesetting: the one description of
//! what is printed, in which order, that every renderer follows. The DOCX
//! writer ([`crate::docx`]) and the web preview and print render this and
//! nothing else, so the printed page and the exported file cannot disagree.
//!
//! Blocks come in the order of a real report: 发文字号, title, 主送机关,
//! preamble, the six sections under their official headings (a narrative
//! section only when it has text; narratives split into paragraphs at line
//! breaks; the three tables drawn from [`crate::format`], merges included),
//! 落款 and 成文日期, 版记. Text is cleaned for XML ([`crate::text::clean`]);
//! cells print as [`crate::value::normalize`] gives them, blank cells empty.

pub mod page;
mod table;

pub use table::{Cell, CellKind, Table};

use crate::format::{format, SectionBody};
use crate::model::Report;
use crate::text::{clean, official_date, paragraphs, width_em};
use crate::totals::with_totals;

/// The document: its blocks, top to bottom. The page is [`page`].
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub blocks: Vec<Block>,
}

/// One block of the document.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// 发文字号, centred above the title (GB/T 9704 §7.2.5).
    DocNumber(String),
    /// The title, line by line: one line, or two broken after the unit's name.
    Title(Vec<String>),
    /// 主送机关, ending in a full-width colon (§7.3.2).
    Addressee(String),
    /// A first-level heading, e.g. 「一、总体情况」.
    Heading(String),
    /// A body paragraph. `lead` is a second-level heading sentence
    /// 「（一）……。」 set in 楷体 (§7.3.3), empty when there is none; `text` follows it.
    Paragraph {
        lead: String,
        text: String,
    },
    Table(Table),
    /// 落款 and 成文日期, without a seal (§7.3.5.2); one of the two may be empty.
    Signature {
        org: String,
        date: String,
    },
    /// 版记 (§7.4): 印发机关, and 「<日期>印发」 or empty.
    Imprint {
        org: String,
        date: String,
    },
}

impl Block {
    /// What kind of block this is, in one word (the preview's class, tests).
    pub fn kind(&self) -> &'static str {
        match self {
            Block::DocNumber(_) => "number",
            Block::Title(_) => "title",
            Block::Addressee(_) => "addressee",
            Block::Heading(_) => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::Table(_) => "table",
            Block::Signature { .. } => "signature",
            Block::Imprint { .. } => "imprint",
        }
    }

    /// The block's text as printed, cell by cell for a table (tests, comparisons).
    pub fn texts(&self) -> Vec<String> {
        match self {
            Block::DocNumber(t) | Block::Addressee(t) | Block::Heading(t) => vec![t.clone()],
            Block::Title(lines) => vec![lines.concat()],
            Block::Paragraph { lead, text } => vec![format!("{lead}{text}")],
            Block::Table(table) => table.cells().map(|c| c.text.clone()).collect(),
            Block::Signature { org, date } | Block::Imprint { org, date } => {
                [org, date].into_iter().filter(|t| !t.is_empty()).cloned().collect()
            }
        }
    }
}

impl Outline {
    /// The outline of `report`, its totals computed first ([`with_totals`]).
    pub fn of(report: &Report) -> Outline {
        Outline::of_totalled(&with_totals(report))
    }

    /// The outline of a report whose totals are already computed.
    pub fn of_totalled(report: &Report) -> Outline {
        let spec = format(report.format);
        let mut blocks = Vec::new();
        let doc_number = clean(&report.doc_number);
        if !doc_number.is_empty() {
            blocks.push(Block::DocNumber(doc_number));
        }
        blocks.push(Block::Title(title_lines(report)));
        let addressee = clean(&report.addressee);
        let addressee = addressee.trim_end_matches([':', '：']).trim_end();
        if !addressee.is_empty() {
            blocks.push(Block::Addressee(format!("{addressee}：")));
        }
        blocks.extend(narrative(&report.preamble));
        for section in &spec.sections {
            match section.body {
                SectionBody::Narrative { key, .. } => {
                    let body = narrative(report.sections.get(key));
                    if !body.is_empty() {
                        blocks.push(Block::Heading(clean(section.heading)));
                        blocks.extend(body);
                    }
                }
                SectionBody::Table(id) => {
                    blocks.push(Block::Heading(clean(section.heading)));
                    // The optional paragraph(s) a report prints before its table.
                    blocks.extend(narrative(report.table_intros.get(id)));
                    blocks.push(Block::Table(Table::of(report, spec.table(id))));
                }
            }
        }
        let org = clean(report.signing_org());
        let date = official_date(&report.signature_date);
        if !org.is_empty() || !date.is_empty() {
            blocks.push(Block::Signature { org, date });
        }
        let org = clean(&report.imprint_org);
        if !org.is_empty() {
            let date = official_date(&report.imprint_date);
            let date = if date.is_empty() { date } else { format!("{date}印发") };
            blocks.push(Block::Imprint { org, date });
        }
        Outline { blocks }
    }

    /// Every text of the document in order, a table's cell by cell.
    pub fn texts(&self) -> Vec<String> {
        self.blocks.iter().flat_map(Block::texts).collect()
    }
}

/// A free text as body paragraphs, one per line.
fn narrative(text: &str) -> Vec<Block> {
    paragraphs(text)
        .into_iter()
        .map(|p| match subheading_split(&p) {
            Some((lead, text)) => Block::Paragraph { lead: lead.to_string(), text: text.to_string() },
            None => Block::Paragraph { lead: String::new(), text: p },
        })
        .collect()
}

/// Size of the title: 2号, 22 pt, in twips.
const TITLE_SIZE: i32 = 440;
/// Characters of 2号 that fit on one line of the text block.
const TITLE_LINE_EM: f32 = page::TEXT_WIDTH as f32 / TITLE_SIZE as f32;

/// The title's lines. A title too long for one line breaks after the unit's
/// name when both halves then fit, so no word is cut (§7.3.1 「回行时要做到词意完整」).
fn title_lines(report: &Report) -> Vec<String> {
    let title = clean(&report.title());
    let unit = clean(&report.unit_name);
    let split = (width_em(&title) > TITLE_LINE_EM && !unit.is_empty())
        .then(|| title.strip_prefix(unit.as_str()))
        .flatten()
        .filter(|rest| width_em(&unit) <= TITLE_LINE_EM && width_em(rest) <= TITLE_LINE_EM);
    match split {
        Some(rest) => vec![unit.clone(), rest.to_string()],
        None => vec![title],
    }
}

/// A heading line without a full stop is set whole in 楷体 only if it is short.
const SUBHEADING_MAX_CHARS: usize = 30;

/// Splits 「（一）标题句。正文……」 after the first 「。」.
fn subheading_split(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix(['（', '('])?;
    let numeral_len: usize =
        rest.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).map(char::len_utf8).sum();
    if numeral_len == 0 || !rest[numeral_len..].starts_with(['）', ')']) {
        return None;
    }
    match text.find('。') {
        Some(end) => Some(text.split_at(end + '。'.len_utf8())),
        None if text.chars().count() <= SUBHEADING_MAX_CHARS => Some((text, "")),
        None => None,
    }
}

#[cfg(test)]
mod tests;
