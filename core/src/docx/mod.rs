//! The report as a DOCX in the official layout (GB/T 9704-2012), ready to be
//! printed, stamped and published.
//!
//! Parts come in the order of a real report: 发文字号, title, 主送机关,
//! preamble, the six sections under their official headings (narratives split
//! into paragraphs at line breaks, the three tables drawn from
//! [`crate::format`]), 落款 and 成文日期, 版记. Only filled parts appear.
//! Totals are computed first ([`crate::totals::with_totals`]); cells print as
//! [`crate::value::normalize`] gives them; blank cells print empty.
//!
//! The output is deterministic: the same report always gives the same bytes.

mod page;
mod parts;
mod patch;
mod tables;
mod typeset;

use std::io::Cursor;

use docx_rs::{DocumentChild, Docx};

use crate::format::{format, SectionBody};
use crate::model::Report;
use crate::totals::with_totals;

/// The complete .docx file for `report`.
pub fn build_docx(report: &Report) -> Vec<u8> {
    let report = with_totals(report);
    let spec = format(report.format);
    typeset::reset_paragraph_ids();

    let mut blocks: Vec<DocumentChild> = Vec::new();
    let mut header_rows = Vec::new();
    let paragraph = |p| DocumentChild::Paragraph(Box::new(p));
    blocks.extend(parts::front_matter(&report).into_iter().map(paragraph));
    for section in &spec.sections {
        match section.body {
            SectionBody::Narrative { key, .. } => {
                let body = parts::narrative(report.sections.get(key));
                if !body.is_empty() {
                    blocks.push(paragraph(parts::heading(section.heading)));
                    blocks.extend(body.into_iter().map(paragraph));
                }
            }
            SectionBody::Table(id) => {
                let table = spec.table(id);
                blocks.push(paragraph(parts::heading(section.heading)));
                blocks.push(DocumentChild::Table(Box::new(tables::table(&report, table))));
                header_rows.push(table.header_rows);
            }
        }
    }
    let closing = parts::closing(&report);
    // The 落款 never stands on a page without body text (GB/T 9704 §7.3.5).
    if let (false, Some(DocumentChild::Paragraph(last))) = (closing.is_empty(), blocks.last_mut()) {
        last.property = last.property.clone().keep_next(true);
    }
    blocks.extend(closing.into_iter().chain(parts::imprint(&report)).map(paragraph));

    let mut docx = page::set_up(Docx::new());
    docx.document.children = blocks;
    let xml = patch::finish(docx.build(), &header_rows);
    let mut out = Cursor::new(Vec::new());
    // Writing into memory cannot fail.
    xml.pack(&mut out).expect("writing a zip into memory");
    out.into_inner()
}
