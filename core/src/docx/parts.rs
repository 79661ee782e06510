//! The parts around the tables as paragraphs: 发文字号, title, 主送机关,
//! section headings and body text, 落款 and 版记.

use docx_rs::{
    AlignmentType, BorderType, BreakType, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, Tab, TabValueType,
};

use super::typeset::*;
use crate::outline::page::TEXT_WIDTH;
use crate::text::width_em;

/// 发文字号, centred.
pub fn doc_number(text: &str) -> Paragraph {
    plain_paragraph(BODY, AlignmentType::Center).add_run(run(text, BODY))
}

/// 主送机关, flush left.
pub fn addressee(text: &str) -> Paragraph {
    plain_paragraph(BODY, AlignmentType::Both).add_run(run(text, BODY))
}

/// The title, centred, its lines joined by line breaks.
pub fn title(lines: &[String]) -> Paragraph {
    let p = paragraph(TITLE).align(AlignmentType::Center).line_spacing(exact(TITLE_PITCH));
    let mut runs = Run::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            runs = runs.add_break(BreakType::TextWrapping);
        }
        runs = runs.add_text(line.as_str());
    }
    p.add_run(styled(runs, TITLE))
}

/// A section heading in 黑体, kept with what follows.
pub fn heading(text: &str) -> Paragraph {
    body_paragraph(HEADING).keep_next(true).add_run(run(text, HEADING))
}

/// A body paragraph: its heading sentence `lead`, if any, in 楷体, the rest in 仿宋 (§7.3.3).
pub fn body_text(lead: &str, text: &str) -> Paragraph {
    let mut p = body_paragraph(BODY);
    if !lead.is_empty() {
        p = p.add_run(run(lead, SUBHEADING));
    }
    if !text.is_empty() {
        p = p.add_run(run(text, BODY));
    }
    p
}

/// 落款 and 成文日期, without a seal (§7.3.5.2): a blank line, the name 右空二字,
/// and on the next line the date, its first character two characters right of
/// the name's; when the date is the longer, the date keeps 右空二字 instead.
pub fn closing(org: &str, date: &str) -> Vec<Paragraph> {
    let (org_em, date_em) = (width_em(org), width_em(date));
    let two = body_twips(2.0);
    // Kept together: the 落款 never splits across pages.
    let mut out = vec![blank_line().keep_next(true)];
    if !org.is_empty() && org_em >= date_em + 2.0 {
        // The usual case. The date is placed from the left, two characters in
        // from the name's start, so its own width (digits are set differently
        // by each program) cannot shift it.
        out.push(right_aligned(BODY, two).keep_next(!date.is_empty()).add_run(run(org, BODY)));
        if !date.is_empty() {
            let left = TEXT_WIDTH - body_twips(org_em);
            out.push(
                plain_paragraph(BODY, AlignmentType::Left)
                    .indent(Some(left), None, None, None)
                    .add_run(run(date, BODY)),
            );
        }
    } else {
        if !org.is_empty() {
            let right = body_twips((2.0 + date_em + 2.0 - org_em).min(24.0));
            out.push(right_aligned(BODY, right).keep_next(!date.is_empty()).add_run(run(org, BODY)));
        }
        if !date.is_empty() {
            out.push(right_aligned(BODY, two).add_run(run(date, BODY)));
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
pub fn imprint(org: &str, date: &str) -> Paragraph {
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
        .add_run(run(org, IMPRINT));
    line.property = line.property.set_borders(rules);
    if !date.is_empty() {
        line = line.add_run(styled(Run::new().add_tab(), IMPRINT)).add_run(run(date, IMPRINT));
    }
    line
}
