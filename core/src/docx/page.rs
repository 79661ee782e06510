//! The page (GB/T 9704 §5.2): A4, margins 37/35/28/26 mm, and page numbers
//! 「— N —」 in 4号宋体, odd pages right and even pages left, 一字 from the edge.

use docx_rs::{AlignmentType, Docx, FieldCharType, Footer, InstrPAGE, InstrText, PageMargin, Paragraph, Run};

use super::typeset::{exact, paragraph, run, styled, PAGE_NUMBER};

pub use crate::outline::page::{
    MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
};
/// Footer distance: puts the 一字线 about 7 mm below the 版心.
pub const FOOTER_DISTANCE: i32 = 1247;
const HEADER_DISTANCE: i32 = 851;
/// One 4号 character: the page number's distance from the 版心 edge.
const PAGE_NUMBER_INDENT: i32 = 280;

/// Page size, margins and the two page-number footers (the document
/// defaults are in [`super::package`]'s styles).
pub fn set_up(docx: Docx) -> Docx {
    let margin = PageMargin {
        top: MARGIN_TOP,
        left: MARGIN_LEFT,
        bottom: MARGIN_BOTTOM,
        right: MARGIN_RIGHT,
        header: HEADER_DISTANCE,
        footer: FOOTER_DISTANCE,
        gutter: 0,
    };
    docx.page_size(PAGE_WIDTH as u32, PAGE_HEIGHT as u32)
        .page_margin(margin)
        // `even_footer` also switches on <w:evenAndOddHeaders/> in settings.xml.
        .footer(Footer::new().add_paragraph(page_number(AlignmentType::Right)))
        .even_footer(Footer::new().add_paragraph(page_number(AlignmentType::Left)))
}

/// 「— N —」 with N a PAGE field, set 一字 in from the given side.
fn page_number(side: AlignmentType) -> Paragraph {
    let (left, right) = match side {
        AlignmentType::Left => (Some(PAGE_NUMBER_INDENT), None),
        _ => (None, Some(PAGE_NUMBER_INDENT)),
    };
    let field = Run::new()
        .add_field_char(FieldCharType::Begin, false)
        .add_instr_text(InstrText::PAGE(InstrPAGE::new()))
        .add_field_char(FieldCharType::Separate, false)
        .add_text("1")
        .add_field_char(FieldCharType::End, false);
    paragraph(PAGE_NUMBER)
        .align(side)
        .indent(left, None, right, None)
        .line_spacing(exact(360))
        .add_run(run("— ", PAGE_NUMBER))
        .add_run(styled(field, PAGE_NUMBER))
        .add_run(run(" —", PAGE_NUMBER))
}
