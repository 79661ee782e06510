//! The parts around the tables, in the order of a real report: 发文字号, title,
//! 主送机关, preamble, section headings and narratives, 落款 and 版记. Each
//! part appears only when the user filled it.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, Tab, TabValueType,
};

use super::page::TEXT_WIDTH;
use super::typeset::*;
use crate::model::Report;
use crate::text::{clean, official_date, paragraphs, width_em};

/// 发文字号, title and 主送机关, then the preamble.
pub fn front_matter(report: &Report) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let doc_number = clean(&report.doc_number);
    if !doc_number.is_empty() {
        // GB/T 9704 §7.2.5: centred, a blank line above the title.
        out.push(plain_paragraph(BODY, AlignmentType::Center).add_run(run(&doc_number, BODY)));
        out.push(blank_line());
    }
    out.push(title(report));
    out.push(blank_line());
    let addressee = clean(&report.addressee);
    if !addressee.is_empty() {
        // §7.3.2: flush left, ending in a full-width colon.
        let name = addressee.trim_end_matches([':', '：']);
        out.push(plain_paragraph(BODY, AlignmentType::Both).add_run(run(&format!("{name}："), BODY)));
    }
    out.extend(narrative(&report.preamble));
    out
}

/// Characters of 2号 that fit on one line of the text block.
const TITLE_LINE_EM: f32 = TEXT_WIDTH as f32 / 440.0;

/// The title, centred. A title too long for one line breaks after the unit's
/// name when both halves then fit, so no word is cut (§7.3.1 「回行时要做到词意完整」).
fn title(report: &Report) -> Paragraph {
    let title = clean(&report.title());
    let unit = clean(&report.unit_name);
    let p = paragraph(TITLE).align(AlignmentType::Center).line_spacing(exact(TITLE_PITCH));
    let split = (width_em(&title) > TITLE_LINE_EM && !unit.is_empty())
        .then(|| title.strip_prefix(unit.as_str()))
        .flatten()
        .filter(|rest| width_em(&unit) <= TITLE_LINE_EM && width_em(rest) <= TITLE_LINE_EM);
    match split {
        Some(rest) => {
            let runs = Run::new().add_text(unit.as_str()).add_break(BreakType::TextWrapping).add_text(rest);
            p.add_run(styled(runs, TITLE))
        }
        None => p.add_run(run(&title, TITLE)),
    }
}

/// A section heading in 黑体, kept with what follows.
pub fn heading(text: &str) -> Paragraph {
    body_paragraph(HEADING).keep_next(true).add_run(run(&clean(text), HEADING))
}

/// Free text, one paragraph per line.
pub fn narrative(text: &str) -> Vec<Paragraph> {
    paragraphs(text).iter().map(|p| body_text(p)).collect()
}

/// A body paragraph. One that opens with 「（一）」 carries a second-level
/// heading: its first sentence is set in 楷体, the rest in 仿宋 (§7.3.3).
fn body_text(text: &str) -> Paragraph {
    let p = body_paragraph(BODY);
    match subheading_split(text) {
        Some((head, rest)) => {
            let p = p.add_run(run(head, SUBHEADING));
            if rest.is_empty() {
                p
            } else {
                p.add_run(run(rest, BODY))
            }
        }
        None => p.add_run(run(text, BODY)),
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

/// 落款 and 成文日期, without a seal (§7.3.5.2): a blank line, the name 右空二字,
/// and on the next line the date, its first character two characters right of
/// the name's; when the date is the longer, the date keeps 右空二字 instead.
pub fn closing(report: &Report) -> Vec<Paragraph> {
    let org = clean(report.signing_org());
    let date = official_date(&report.signature_date);
    if org.is_empty() && date.is_empty() {
        return Vec::new();
    }
    let (org_em, date_em) = (width_em(&org), width_em(&date));
    let two = body_twips(2.0);
    // Kept together: the 落款 never splits across pages.
    let mut out = vec![blank_line().keep_next(true)];
    if !org.is_empty() && org_em >= date_em + 2.0 {
        // The usual case. The date is placed from the left, two characters in
        // from the name's start, so its own width (digits are set differently
        // by each program) cannot shift it.
        out.push(right_aligned(BODY, two).keep_next(!date.is_empty()).add_run(run(&org, BODY)));
        if !date.is_empty() {
            let left = TEXT_WIDTH - body_twips(org_em);
            out.push(
                plain_paragraph(BODY, AlignmentType::Left)
                    .indent(Some(left), None, None, None)
                    .add_run(run(&date, BODY)),
            );
        }
    } else {
        if !org.is_empty() {
            let right = body_twips((2.0 + date_em + 2.0 - org_em).min(24.0));
            out.push(right_aligned(BODY, right).keep_next(!date.is_empty()).add_run(run(&org, BODY)));
        }
        if !date.is_empty() {
            out.push(right_aligned(BODY, two).add_run(run(&date, BODY)));
        }
    }
    out
}

/// Width of one 4号 character, the 版记's indent unit.
const IMPRINT_CHAR: i32 = 280;
/// 0.35 mm, the thick 版记 rules, in eighths of a point.
const THICK_RULE: usize = 8;

/// 版记 (§7.4): 印发机关 左空一字 and 「<日期>印发」 右空一字 on one line between
/// two thick rules, in a frame at the foot of the last page's text block.
pub fn imprint(report: &Report) -> Vec<Paragraph> {
    let org = clean(&report.imprint_org);
    if org.is_empty() {
        return Vec::new();
    }
    let date = official_date(&report.imprint_date);
    let rule =
        |position| ParagraphBorder::new(position).val(BorderType::Single).size(THICK_RULE).color("000000");
    let rules = ParagraphBorders::with_empty()
        .set(rule(ParagraphBorderPosition::Top))
        .set(rule(ParagraphBorderPosition::Bottom));
    let mut line = plain_paragraph(IMPRINT, AlignmentType::Left)
        .indent(Some(IMPRINT_CHAR), None, Some(IMPRINT_CHAR), None)
        .add_tab(Tab::new().val(TabValueType::Right).pos((TEXT_WIDTH - IMPRINT_CHAR) as usize))
        .wrap("around")
        .h_anchor("margin")
        .v_anchor("margin")
        .x_align("center")
        .y_align("bottom")
        .frame_width(TEXT_WIDTH as u32)
        .add_run(run(&org, IMPRINT));
    line.property = line.property.set_borders(rules);
    if !date.is_empty() {
        line =
            line.add_run(styled(Run::new().add_tab(), IMPRINT)).add_run(run(&format!("{date}印发"), IMPRINT));
    }
    vec![line]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subheadings_split_after_the_first_full_stop() {
        assert_eq!(subheading_split("（一）加强领导。继续加强。"), Some(("（一）加强领导。", "继续加强。")));
        assert_eq!(subheading_split("（十二）短标题"), Some(("（十二）短标题", "")));
        assert_eq!(subheading_split("一是强化思想认识。"), None);
        assert_eq!(subheading_split("（注）说明。"), None);
        let long = format!("（三）{}", "很长的没有句号的段落".repeat(5));
        assert_eq!(subheading_split(&long), None);
    }
}
