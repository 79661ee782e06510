//! What docx-rs 0.4.22 cannot write, added to the parts it generated:
//! repeated header rows (`w:tblHeader`), the document language (`w:lang`
//! zh-CN) and a font table that names the Chinese faces with their
//! alternates, so Word substitutes 仿宋 for a missing 仿宋_GB2312 rather than
//! a Latin default.
//!
//! Each edit streams the XML through a real parser and inserts elements at
//! schema-valid places; if anything unexpected happens the part is kept as
//! docx-rs wrote it, which is still a valid document.

use std::io;

use docx_rs::XMLDocx;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

/// Applies every edit. `header_rows[i]` is the number of header rows of the
/// i-th top-level table of the document.
pub fn finish(mut xml: XMLDocx, header_rows: &[usize]) -> XMLDocx {
    xml.document = mark_header_rows(&xml.document, header_rows);
    xml.styles = set_language(&xml.styles);
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml
}

/// Streams `xml` through `edit`, which writes each event (and whatever it adds).
fn rewrite(xml: &[u8], mut edit: impl FnMut(Event<'_>, &mut Writer<Vec<u8>>) -> io::Result<()>) -> Vec<u8> {
    let mut attempt = || -> Option<Vec<u8>> {
        let text = std::str::from_utf8(xml).ok()?;
        let mut reader = Reader::from_str(text);
        let mut writer = Writer::new(Vec::with_capacity(xml.len() + 1024));
        loop {
            match reader.read_event().ok()? {
                Event::Eof => return Some(writer.into_inner()),
                event => edit(event, &mut writer).ok()?,
            }
        }
    };
    attempt().unwrap_or_else(|| xml.to_vec())
}

fn empty(name: &str) -> Event<'_> {
    Event::Empty(BytesStart::new(name))
}

/// Marks the first `header_rows[i]` rows of the i-th table as header rows,
/// repeated at the top of each page the table continues on.
fn mark_header_rows(document: &[u8], header_rows: &[usize]) -> Vec<u8> {
    let mut depth = 0usize;
    let mut table: Option<usize> = None;
    let mut next_row = 0usize;
    let mut in_header_row = false;
    rewrite(document, |event, w| {
        match &event {
            Event::Start(e) if e.name().as_ref() == b"w:tbl" => {
                depth += 1;
                if depth == 1 {
                    table = Some(table.map_or(0, |t| t + 1));
                    next_row = 0;
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:tbl" => depth = depth.saturating_sub(1),
            Event::Start(e) if depth == 1 && e.name().as_ref() == b"w:tr" => {
                let limit = table.and_then(|t| header_rows.get(t)).copied().unwrap_or(0);
                in_header_row = next_row < limit;
                next_row += 1;
            }
            Event::Start(e) if in_header_row && depth == 1 && e.name().as_ref() == b"w:trPr" => {
                w.write_event(event.borrow())?;
                return w.write_event(empty("w:tblHeader"));
            }
            Event::Empty(e) if in_header_row && depth == 1 && e.name().as_ref() == b"w:trPr" => {
                w.write_event(Event::Start(e.borrow()))?;
                w.write_event(empty("w:tblHeader"))?;
                return w.write_event(Event::End(BytesEnd::new("w:trPr")));
            }
            _ => {}
        }
        w.write_event(event)
    })
}

/// Declares the text Chinese (and Latin text US English) in the document
/// defaults, so spell checking and line breaking follow Chinese rules.
fn set_language(styles: &[u8]) -> Vec<u8> {
    let lang = || {
        let mut e = BytesStart::new("w:lang");
        e.push_attribute(("w:val", "en-US"));
        e.push_attribute(("w:eastAsia", "zh-CN"));
        e.push_attribute(("w:bidi", "ar-SA"));
        Event::Empty(e)
    };
    let mut in_default = false;
    rewrite(styles, |event, w| {
        match &event {
            Event::Start(e) if e.name().as_ref() == b"w:rPrDefault" => in_default = true,
            Event::End(e) if e.name().as_ref() == b"w:rPrDefault" => in_default = false,
            // w:lang comes late in CT_RPr: just before </w:rPr> is a valid place.
            Event::End(e) if in_default && e.name().as_ref() == b"w:rPr" => w.write_event(lang())?,
            Event::Empty(e) if in_default && e.name().as_ref() == b"w:rPr" => {
                w.write_event(Event::Start(e.borrow()))?;
                w.write_event(lang())?;
                return w.write_event(Event::End(BytesEnd::new("w:rPr")));
            }
            _ => {}
        }
        w.write_event(event)
    })
}

/// The faces the document uses, with the names Windows 8 and later ship them
/// under as alternates (charset 86 = GB2312).
const FONT_TABLE: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    r#"<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/><w:charset w:val="86"/><w:family w:val="script"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="黑体"><w:altName w:val="SimHei"/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>"#,
    r#"<w:font w:name="宋体"><w:altName w:val="SimSun"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>"#,
    r#"<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>"#,
    r#"</w:fonts>"#
);

#[cfg(test)]
mod tests {
    use super::*;

    fn patched(xml: &str, header_rows: &[usize]) -> String {
        String::from_utf8(mark_header_rows(xml.as_bytes(), header_rows)).unwrap()
    }

    #[test]
    fn header_rows_are_marked_per_table_and_nested_tables_are_left_alone() {
        let row = "<w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr>";
        let xml = format!(
            r#"<w:body><w:tbl>{row}{row}</w:tbl><w:tbl>{row}<w:tr><w:trPr/><w:tc><w:tbl>{row}</w:tbl></w:tc></w:tr>{row}</w:tbl></w:body>"#
        );
        let out = patched(&xml, &[1, 2]);
        let marked = "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr></w:tr>";
        let expected = format!(
            r#"<w:body><w:tbl>{marked}{row}</w:tbl><w:tbl>{marked}<w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tbl>{row}</w:tbl></w:tc></w:tr>{row}</w:tbl></w:body>"#
        );
        assert_eq!(out, expected);
    }

    #[test]
    fn text_and_entities_pass_through_unchanged() {
        let xml =
            r#"<?xml version="1.0" encoding="UTF-8"?><w:t xml:space="preserve">a &amp; b &lt; “c”</w:t>"#;
        assert_eq!(patched(xml, &[]), xml);
    }

    #[test]
    fn broken_xml_is_returned_as_is() {
        let xml = "<w:tbl><w:tr></w:tbl>";
        assert_eq!(patched(xml, &[1]), xml);
    }

    #[test]
    fn language_goes_into_the_default_run_properties_only() {
        let xml = r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr/></w:style></w:styles>"#;
        let out = String::from_utf8(set_language(xml.as_bytes())).unwrap();
        assert_eq!(
            out,
            r#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault></w:docDefaults><w:style><w:rPr/></w:style></w:styles>"#
        );
    }
}
