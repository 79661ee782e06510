//! What docx-rs 0.4.22 cannot write, or writes in a way Word reports as
//! corrupt, fixed in the parts it generated:
//! - repeated header rows (`w:tblHeader`);
//! - the children of `w:pPr`, `w:rPr`, `w:sectPr`, `w:tblPr`, `w:tcPr` and
//!   `w:settings` in schema order ([`super::schema`]); no `w:type` on
//!   `w:gridCol`; at least one paragraph in every cell;
//! - relationships only to the parts [`super::package`] writes, and to its theme;
//! - a font table that names the Chinese faces with their alternates, so Word
//!   substitutes 仿宋 for a missing 仿宋_GB2312 rather than a Latin default.
//!
//! Each edit goes through a real XML parser; if anything unexpected happens
//! the part is kept as docx-rs wrote it.

use std::io;

use docx_rs::XMLDocx;
use quick_xml::events::{BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::schema::{rank, sequence, SETTINGS};
use super::tree::{self, Element, Node};

/// Applies every edit. `header_rows[i]` is the number of header rows of the
/// i-th top-level table of the document; `imprint` says that the document's
/// last paragraph is the 版记, to be set alone on an even page.
pub fn finish(mut xml: XMLDocx, header_rows: &[usize], imprint: bool) -> XMLDocx {
    let document = mark_header_rows(&xml.document, header_rows);
    let mut blank_footer = false;
    xml.document = edit_nodes(&document, |nodes| {
        keep_tables_whole(nodes);
        if imprint && imprint_on_even_page(nodes) {
            blank_footer = true;
        }
        tree::visit(nodes, &mut schema_order);
    });
    if blank_footer {
        xml.footers.push(BLANK_FOOTER.as_bytes().to_vec());
    }
    xml.footers = xml.footers.iter().map(|f| in_schema_order(f)).collect();
    xml.settings = edit_tree(&xml.settings, |e| {
        if e.name() == b"w:settings" {
            e.children.sort_by_key(|c| child_rank(SETTINGS, c));
        }
    });
    xml.document_rels = edit_tree(&xml.document_rels, |e| {
        if e.name() == b"Relationships" {
            // Only styles, settings, fonts and footers are written; the theme is added.
            e.children.retain(|c| !relationship_type(c).is_some_and(|t| t.ends_with("commentsExtended")));
            let mut theme = Element::new("Relationship");
            theme.start.push_attribute(("Id", "rIdTheme1"));
            theme.start.push_attribute(("Type", THEME_REL));
            theme.start.push_attribute(("Target", "theme/theme1.xml"));
            e.children.push(Node::Element(theme));
            if blank_footer {
                let mut footer = Element::new("Relationship");
                footer.start.push_attribute(("Id", BLANK_FOOTER_ID));
                footer.start.push_attribute(("Type", FOOTER_REL));
                footer.start.push_attribute(("Target", "footer3.xml"));
                e.children.push(Node::Element(footer));
            }
        }
    });
    xml.rels = edit_tree(&xml.rels, |e| {
        if e.name() == b"Relationships" {
            e.children.retain(|c| !relationship_type(c).is_some_and(|t| t.ends_with("custom-properties")));
        }
    });
    xml.font_table = FONT_TABLE.as_bytes().to_vec();
    xml
}

const FOOTER_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
/// The footer of the 版记 page: no page number (GB/T 9704 §7.5).
const BLANK_FOOTER_ID: &str = "rIdFooterBlank";
const BLANK_FOOTER: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p/></w:ftr>"#
);

/// Every top-level table kept on one page: each row's paragraphs are kept
/// with the next row (Word and LibreOffice then move a table that does not
/// fit to the next page), so a page break never cuts 表三's vertical label.
fn keep_tables_whole(nodes: &mut [Node]) {
    let Some(body) = body_of(nodes) else { return };
    for table in body.children.iter_mut().filter_map(|n| element_named(n, b"w:tbl")) {
        let rows: Vec<&mut Element> =
            table.children.iter_mut().filter_map(|n| element_named(n, b"w:tr")).collect();
        let last = rows.len().saturating_sub(1);
        for row in rows.into_iter().take(last) {
            tree::visit(&mut row.children, &mut |e| {
                if e.name() == b"w:p" {
                    let ppr = child_or_insert(e, "w:pPr", 0);
                    if !ppr
                        .children
                        .iter()
                        .any(|c| matches!(c, Node::Element(x) if x.name() == b"w:keepNext"))
                    {
                        ppr.children.push(Node::Element(Element::new("w:keepNext")));
                    }
                }
            });
        }
    }
}

/// Puts the 版记, the body's last paragraph, in a section of its own that
/// starts on an even page (a blank page is added when the text ends on an
/// even page) and has no page number: GB/T 9704 §7.4 sets the 版记 at the foot
/// of the last, even page. Returns whether it did.
fn imprint_on_even_page(nodes: &mut [Node]) -> bool {
    let Some(body) = body_of(nodes) else { return false };
    let n = body.children.len();
    let Some(sect_at) = body.children.iter().rposition(|c| element_named_ref(c, b"w:sectPr")) else {
        return false;
    };
    let paragraphs: Vec<usize> =
        (0..sect_at).filter(|&i| element_named_ref(&body.children[i], b"w:p")).collect();
    // The 版记 and a paragraph before it to end the body's section.
    let [.., before, last] = paragraphs[..] else { return false };
    if last + 1 != sect_at || sect_at + 1 != n {
        return false;
    }
    // The body's section: a copy of the final section properties, with the page numbers.
    let Some(Node::Element(final_sect)) = body.children.get(sect_at) else { return false };
    let body_sect = clone(final_sect);
    if let Some(Node::Element(p)) = body.children.get_mut(before) {
        child_or_insert(p, "w:pPr", 0).children.push(Node::Element(body_sect));
    }
    // The 版记's section: on an even page, blank footers.
    let Some(Node::Element(sect)) = body.children.get_mut(sect_at) else { return false };
    for child in &mut sect.children {
        if let Node::Element(e) = child {
            if e.name() == b"w:footerReference" {
                let kind = e.start.try_get_attribute("w:type").ok().flatten().map(|a| a.value.to_vec());
                let mut start = BytesStart::new("w:footerReference");
                if let Some(kind) = &kind {
                    start.push_attribute((b"w:type".as_slice(), kind.as_slice()));
                }
                start.push_attribute(("r:id", BLANK_FOOTER_ID));
                e.start = start;
            }
        }
    }
    let mut kind = Element::new("w:type");
    kind.start.push_attribute(("w:val", "evenPage"));
    sect.children.push(Node::Element(kind));
    true
}

fn element_named<'a>(node: &'a mut Node, name: &[u8]) -> Option<&'a mut Element> {
    match node {
        Node::Element(e) if e.name() == name => Some(e),
        _ => None,
    }
}

fn element_named_ref(node: &Node, name: &[u8]) -> bool {
    matches!(node, Node::Element(e) if e.name() == name)
}

/// `w:body` of a document part.
fn body_of(nodes: &mut [Node]) -> Option<&mut Element> {
    let document = nodes.iter_mut().find_map(|n| element_named(n, b"w:document"))?;
    document.children.iter_mut().find_map(|n| element_named(n, b"w:body"))
}

/// The child `name` of `e`, inserted at `at` when missing.
fn child_or_insert<'a>(e: &'a mut Element, name: &str, at: usize) -> &'a mut Element {
    let i = match e.children.iter().position(|c| element_named_ref(c, name.as_bytes())) {
        Some(i) => i,
        None => {
            e.children.insert(at.min(e.children.len()), Node::Element(Element::new(name)));
            at.min(e.children.len() - 1)
        }
    };
    match &mut e.children[i] {
        Node::Element(child) => child,
        Node::Other(_) => unreachable!("position found an element"),
    }
}

fn clone(e: &Element) -> Element {
    Element {
        start: e.start.clone(),
        children: e
            .children
            .iter()
            .map(|c| match c {
                Node::Element(x) => Node::Element(clone(x)),
                Node::Other(ev) => Node::Other(ev.clone()),
            })
            .collect(),
    }
}

const THEME_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

fn relationship_type(node: &Node) -> Option<String> {
    let Node::Element(e) = node else { return None };
    let attr = e.start.try_get_attribute("Type").ok().flatten()?;
    Some(String::from_utf8_lossy(&attr.value).into_owned())
}

/// `xml` with `edit` applied to its nodes, or as it was if it does not parse.
fn edit_nodes(xml: &[u8], edit: impl FnOnce(&mut Vec<Node>)) -> Vec<u8> {
    match tree::parse(xml) {
        Some(mut nodes) => {
            edit(&mut nodes);
            tree::write(&nodes)
        }
        None => xml.to_vec(),
    }
}

/// `xml` with `edit` applied to every element, or as it was if it does not parse.
fn edit_tree(xml: &[u8], mut edit: impl FnMut(&mut Element)) -> Vec<u8> {
    match tree::parse(xml) {
        Some(mut nodes) => {
            tree::visit(&mut nodes, &mut edit);
            tree::write(&nodes)
        }
        None => xml.to_vec(),
    }
}

fn child_rank(sequence: &[&str], node: &Node) -> usize {
    match node {
        Node::Element(e) => rank(sequence, e.name()),
        // Text between elements (there is none in these parts) stays first.
        Node::Other(_) => 0,
    }
}

/// A document or footer part with its property elements in schema order, no
/// `w:type` on grid columns and a paragraph in every table cell.
fn in_schema_order(xml: &[u8]) -> Vec<u8> {
    edit_tree(xml, schema_order)
}

fn schema_order(e: &mut Element) {
    if let Some(seq) = sequence(e.name()) {
        // A stable sort: elements of one rank keep their order.
        e.children.sort_by_key(|c| child_rank(seq, c));
    }
    match e.name() {
        b"w:gridCol" => {
            let kept: Vec<(Vec<u8>, Vec<u8>)> = e
                .start
                .attributes()
                .filter_map(Result::ok)
                .filter(|a| a.key.as_ref() != b"w:type")
                .map(|a| (a.key.as_ref().to_vec(), a.value.to_vec()))
                .collect();
            let mut start = BytesStart::new("w:gridCol");
            for (key, value) in &kept {
                start.push_attribute((key.as_slice(), value.as_slice()));
            }
            e.start = start;
        }
        b"w:tc" => {
            let has_block = e
                .children
                .iter()
                .any(|c| matches!(c, Node::Element(x) if x.name() == b"w:p" || x.name() == b"w:tbl"));
            if !has_block {
                e.children.push(Node::Element(Element::new("w:p")));
            }
        }
        _ => {}
    }
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
    fn properties_are_put_in_schema_order_and_cells_get_a_paragraph() {
        let xml = concat!(
            r#"<w:body><w:p><w:pPr><w:rPr><w:sz w:val="32"/><w:rFonts w:ascii="x"/></w:rPr><w:jc w:val="both"/>"#,
            r#"<w:spacing w:line="579"/><w:keepNext/></w:pPr><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#,
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="100" w:type="dxa"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:vMerge/><w:tcW w:w="100"/></w:tcPr></w:tc></w:tr></w:tbl>"#,
            r#"<w:sectPr><w:pgSz w:w="1"/><w:footerReference r:id="a"/></w:sectPr></w:body>"#
        );
        let out = String::from_utf8(in_schema_order(xml.as_bytes())).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<w:body><w:p><w:pPr><w:keepNext/><w:spacing w:line="579"/><w:jc w:val="both"/><w:rPr><w:rFonts w:ascii="x"/>"#,
                r#"<w:sz w:val="32"/></w:rPr></w:pPr><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>"#,
                r#"<w:tbl><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="100"/><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>"#,
                r#"<w:sectPr><w:footerReference r:id="a"/><w:pgSz w:w="1"/></w:sectPr></w:body>"#
            )
        );
    }

    #[test]
    fn broken_xml_is_returned_as_is() {
        assert_eq!(in_schema_order(b"<w:p><w:pPr></w:p>"), b"<w:p><w:pPr></w:p>");
        let xml = "<w:tbl><w:tr></w:tbl>";
        assert_eq!(patched(xml, &[1]), xml);
    }
}
