//! The document cut into its parts: the front (发文字号, title, 主送机关,
//! preamble), the six sections found by their headings, and what each holds.

use std::sync::LazyLock;

use crate::format::variants::{VariantPlace, VARIANTS};
use crate::format::{format, FormatVersion};

use super::document::{Block, Document, Table};
use super::normalize::{canonical, norm, Canonical};

/// A piece of the document in reading order.
#[derive(Debug)]
pub enum Item<'d> {
    Para(String),
    Table(&'d Table),
}

/// A section found by its heading.
#[derive(Debug, Default)]
pub struct Found<'d> {
    /// The heading as printed.
    pub printed: String,
    /// The variant it was printed as, with its reason.
    pub variant: Option<&'static str>,
    pub items: Vec<Item<'d>>,
}

#[derive(Debug, Default)]
pub struct Outline<'d> {
    /// Paragraphs before the first heading (and tables there).
    pub front: Vec<Item<'d>>,
    /// The six sections, 一 … 六.
    pub sections: [Option<Found<'d>>; 6],
}

/// A heading in canonical form: its section, its characters, and the reason when it is a variant.
type Heading = (usize, Vec<char>, Option<&'static str>);

/// The six headings of the format (the same in both editions), with the variants of each.
static HEADINGS: LazyLock<Vec<Heading>> = LazyLock::new(|| {
    let mut out: Vec<Heading> = Vec::new();
    for (i, s) in format(FormatVersion::Official2021).sections.iter().enumerate() {
        out.push((i, norm(s.heading).chars().collect(), None));
        for v in VARIANTS.iter().filter(|v| v.place == VariantPlace::Heading && v.official == s.heading) {
            out.push((i, norm(v.printed).chars().collect(), Some(v.reason)));
        }
    }
    // Longest first, so a variant that extends a heading wins over it.
    out.sort_by_key(|(_, h, _)| std::cmp::Reverse(h.len()));
    out
});

/// The lines of a paragraph, a sentence that a line break split joined again.
fn lines(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let line = trim(line);
        if line.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(prev) if !ends_sentence(prev) && !starts_item(line) => prev.push_str(line),
            _ => out.push(line.to_string()),
        }
    }
    out
}

pub fn trim(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' || c == '\u{feff}')
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['。', '！', '？', '；', '：', ':', ';', '…', '”', '）', ')'])
}

/// Lines that begin a new item even after an unfinished one: 「（一）」, 「一、」, 「1.」.
fn starts_item(line: &str) -> bool {
    let mut chars = canonical(line).map(|(_, c)| c);
    match chars.next() {
        Some('（') => true,
        Some(c) if "一二三四五六七八九十".contains(c) => chars.next() == Some('、'),
        Some(c) if c.is_ascii_digit() => matches!(chars.next(), Some('.' | '、')),
        _ => false,
    }
}

/// Cuts `doc` at its headings, in order; a heading glued to the end of a
/// paragraph or followed by text on its line is cut out of it.
pub fn outline(doc: &Document) -> Outline<'_> {
    let headings = &*HEADINGS;
    let mut out = Outline::default();
    let mut current: Option<usize> = None;
    fn push<'d>(out: &mut Outline<'d>, current: Option<usize>, item: Item<'d>) {
        match current {
            None => out.front.push(item),
            Some(i) => out.sections[i].get_or_insert_with(Found::default).items.push(item),
        }
    }
    for block in &doc.blocks {
        let text = match block {
            Block::Table(t) => {
                push(&mut out, current, Item::Table(t));
                continue;
            }
            Block::Paragraph(text) => text,
        };
        for line in lines(text) {
            let later = |i: usize| current.is_none_or(|c| i > c);
            let mut line = line.as_str();
            let read = Canonical::new(line);
            // 「……本报告。二、主动公开政府信息情况」: the heading at the end.
            let mut glued = None;
            for (i, h, reason) in headings.iter().filter(|(i, _, _)| later(*i)) {
                if let Some(start) = read.suffix_start(h).filter(|&s| s > 0) {
                    glued = Some((*i, start, *reason));
                    break;
                }
            }
            if let Some((i, start, reason)) = glued {
                let before = trim(&line[..start]);
                if !before.is_empty() {
                    push(&mut out, current, Item::Para(before.to_string()));
                }
                let printed = trim(&line[start..]).to_string();
                out.sections[i] = Some(Found { printed, variant: reason, items: Vec::new() });
                current = Some(i);
                continue;
            }
            let mut started = None;
            for (i, h, reason) in headings.iter().filter(|(i, _, _)| later(*i)) {
                if let Some(end) = read.prefix_end(h) {
                    started = Some((*i, end, *reason));
                    break;
                }
            }
            if let Some((i, end, reason)) = started {
                let printed = trim(&line[..end]).to_string();
                out.sections[i] = Some(Found { printed, variant: reason, items: Vec::new() });
                current = Some(i);
                line = trim(&line[end..]);
                if line.is_empty() {
                    continue;
                }
            }
            push(&mut out, current, Item::Para(line.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(paras: &[&str]) -> Document {
        Document { blocks: paras.iter().map(|p| Block::Paragraph(p.to_string())).collect(), title: None }
    }

    #[test]
    fn headings_cut_the_document_in_order() {
        let d = doc(&[
            "某局2023年政府信息公开工作年度报告",
            "本报告依据……编制。一、总体情况",
            "2023年，我局……",
            "二、主动公开政府信息情况",
            "四、政府信息公开行政法复议、行政诉讼情况无",
            "五、存在的主要问题及改进措施",
            "一是，\n二是……",
            "……",
            "一、总体情况",
        ]);
        let o = outline(&d);
        assert_eq!(o.front.len(), 2);
        let s = |i: usize| o.sections[i].as_ref().unwrap();
        assert_eq!(s(0).printed, "一、总体情况");
        assert!(matches!(&s(0).items[..], [Item::Para(p)] if p == "2023年，我局……"));
        assert!(o.sections[2].is_none());
        assert_eq!(s(3).printed, "四、政府信息公开行政法复议、行政诉讼情况");
        assert!(s(3).variant.is_some());
        assert!(matches!(&s(3).items[..], [Item::Para(p)] if p == "无"));
        assert_eq!(s(4).printed, "五、存在的主要问题及改进措施");
        // A line break inside a sentence is joined; a heading out of order is text.
        let texts: Vec<_> =
            s(4).items.iter().map(|i| if let Item::Para(p) = i { p.as_str() } else { "" }).collect();
        assert_eq!(texts, ["一是，二是……", "……", "一、总体情况"]);
    }
}
