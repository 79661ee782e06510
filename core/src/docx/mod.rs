//! The report as a DOCX in the official layout (GB/T 9704-2012), ready to be
//! printed, stamped and published.
//!
//! What appears, and in which order, is the report's [`Outline`]; this module
//! only typesets it: faces and sizes, indents, blank lines, the 落款's
//! placement, the tables' borders and the page.
//!
//! The output is deterministic: the same report always gives the same bytes.

mod package;
mod page;
mod parts;
mod patch;
mod schema;
mod tables;
mod tree;
mod typeset;

use docx_rs::{DocumentChild, Docx};

use crate::model::Report;
use crate::outline::{Block, Outline};

/// The complete .docx file for `report`.
pub fn build_docx(report: &Report) -> Vec<u8> {
    render(&Outline::of(report))
}

/// The .docx file for an outline.
pub fn render(outline: &Outline) -> Vec<u8> {
    typeset::reset_paragraph_ids();
    let mut blocks: Vec<DocumentChild> = Vec::new();
    let mut header_rows = Vec::new();
    let paragraph = |p| DocumentChild::Paragraph(Box::new(p));
    for block in &outline.blocks {
        match block {
            Block::DocNumber(text) => {
                // GB/T 9704 §7.2.5: centred, a blank line above the title.
                blocks.push(paragraph(parts::doc_number(text)));
                blocks.push(paragraph(typeset::blank_line()));
            }
            Block::Title(lines) => {
                blocks.push(paragraph(parts::title(lines)));
                blocks.push(paragraph(typeset::blank_line()));
            }
            Block::Addressee(text) => blocks.push(paragraph(parts::addressee(text))),
            Block::Heading(text) => blocks.push(paragraph(parts::heading(text))),
            Block::Paragraph { lead, text } => blocks.push(paragraph(parts::body_text(lead, text))),
            Block::Table(table) => {
                blocks.push(DocumentChild::Table(Box::new(tables::table(table))));
                header_rows.push(table.header_rows);
            }
            Block::Signature { org, date } => {
                // The 落款 never stands on a page without body text (GB/T 9704 §7.3.5).
                if let Some(DocumentChild::Paragraph(last)) = blocks.last_mut() {
                    last.property = last.property.clone().keep_next(true);
                }
                blocks.extend(parts::closing(org, date).into_iter().map(paragraph));
            }
            Block::Imprint { org, date } => blocks.push(paragraph(parts::imprint(org, date))),
        }
    }

    let mut docx = page::set_up(Docx::new());
    docx.document.children = blocks;
    let imprint = matches!(outline.blocks.last(), Some(Block::Imprint { .. }));
    package::pack(patch::finish(docx.build(), &header_rows, imprint))
}
