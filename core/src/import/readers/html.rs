//! A web page (a portal page saved as `.html`/`.htm`, or the `text/html` of
//! a copy from it) → [`Document`].
//!
//! Decoding: a byte-order mark, else the charset the page declares
//! (`<meta charset>` or `http-equiv="Content-Type"`), else UTF-8 when the
//! bytes are valid UTF-8, else GB18030 (what a Chinese browser assumes).
//! Parsing: html5ever, the HTML5 algorithm browsers use, so unclosed `<p>`
//! and `<td>` and Word's HTML read as a browser shows them.
//! Text: as `innerText` reads it: whitespace collapsed, `&nbsp;` a plain
//! space, `<br>` a line break, a paragraph per block (`p`, `div`, headings,
//! list items…), hidden elements (`display:none`, `hidden`, scripts,
//! styles) left out. Tables keep their rows and `rowspan`/`colspan`; a table
//! inside a cell is read as lines of that cell. The `<title>` is not text of
//! the page: it is kept apart, as [`Document::title`].

use encoding_rs::Encoding;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, Attribute, ParseOpts};

use super::html_tree::{Data, Id, Overflow, Tree, DOCUMENT};
use super::ReadError;
use crate::import::{Block, Cell, Document, Table};

/// Input is fed to the parser in pieces this large, the tree's limits
/// checked between them.
pub(super) const CHUNK: usize = 4096;
/// HTML caps spans the same way.
const MAX_COL_SPAN: u16 = 1000;
const MAX_ROW_SPAN: u16 = 65534;

/// Reads a page's bytes (any supported encoding).
pub fn read_html(bytes: &[u8]) -> Result<Document, ReadError> {
    read_html_str(&decode(bytes)?)
}

/// Reads markup already decoded (the clipboard's `text/html`).
pub fn read_html_str(text: &str) -> Result<Document, ReadError> {
    parse_page(text)?.document()
}

/// A page parsed into its tree, not yet read as a document: the two steps of
/// [`read_html_str`], apart so that each can be timed (`examples/import_speed.rs`).
pub struct Page(Tree);

/// Parses markup into its tree, within the tree's limits.
pub fn parse_page(text: &str) -> Result<Page, ReadError> {
    parse(text).map(Page)
}

impl Page {
    /// The page's text and tables, as a browser shows them.
    pub fn document(&self) -> Result<Document, ReadError> {
        let (document, images) = Reader::new(&self.0).read();
        if document.blocks.is_empty() {
            return Err(ReadError::NoText { images });
        }
        Ok(document)
    }
}

/// Whether `bytes` start like markup (after a BOM and blank space), or name
/// one of a page's elements near the top.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let rest = &bytes[start..];
    if rest.len() >= 2 && rest[0] == b'<' && (rest[1].is_ascii_alphabetic() || rest[1] == b'!') {
        return true;
    }
    let head = ascii_lower(&rest[..rest.len().min(2048)]);
    ["<html", "<body", "<table", "<meta"].iter().any(|tag| find(&head, tag.as_bytes()).is_some())
}

fn ascii_lower(bytes: &[u8]) -> Vec<u8> {
    bytes.iter().map(u8::to_ascii_lowercase).collect()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The page's text, decoded as described in the module doc.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return Ok(encoding.decode_without_bom_handling(&bytes[bom..]).0.into_owned());
    }
    let encoding = match declared_charset(bytes) {
        Some(label) => {
            let encoding = Encoding::for_label(label.as_bytes())
                .ok_or_else(|| ReadError::UnknownEncoding(label.clone()))?;
            // A page cannot be in UTF-16 and say so in ASCII: the HTML rule.
            if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
                encoding_rs::UTF_8
            } else {
                encoding
            }
        }
        None if std::str::from_utf8(bytes).is_ok() => encoding_rs::UTF_8,
        None => encoding_rs::GB18030,
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors && encoding == encoding_rs::UTF_8 {
        // Saved in GBK under its old UTF-8 declaration: read it as it is.
        let (gbk, gbk_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
        if !gbk_errors {
            return Ok(gbk.into_owned());
        }
    }
    Ok(text.into_owned())
}

/// The charset a `<meta>` near the top declares, as written.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = ascii_lower(&bytes[..bytes.len().min(8192)]);
    let mut at = 0;
    while let Some(found) = find(&head[at..], b"<meta") {
        let start = at + found;
        let end = head[start..].iter().position(|&b| b == b'>').map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(i) = find(tag, b"charset") {
            let rest = &tag[i + "charset".len()..];
            let rest = rest.iter().skip_while(|b| b.is_ascii_whitespace()).copied().collect::<Vec<_>>();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .skip_while(|&&b| b.is_ascii_whitespace() || b == b'"' || b == b'\'')
                    .take_while(|&&b| {
                        !(b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    })
                    .copied()
                    .collect();
                if !value.is_empty() {
                    return Some(String::from_utf8_lossy(&value).into_owned());
                }
            }
        }
        at = end;
    }
    None
}

/// Parses `text`, stopping as soon as the tree outgrows its limits.
fn parse(text: &str) -> Result<Tree, ReadError> {
    parse_fed(text).0
}

/// [`parse`], and how many bytes of `text` it gave the parser before it
/// stopped: the measure of the work done on markup past the limits.
pub(super) fn parse_fed(text: &str) -> (Result<Tree, ReadError>, usize) {
    let mut parser = html5ever::parse_document(Tree::new(), ParseOpts::default());
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        if let Some(overflow) = parser.tokenizer.sink.sink.overflow.get() {
            let fed = text.len() - rest.len();
            return (
                Err(match overflow {
                    Overflow::Depth => ReadError::TooDeep,
                    Overflow::Nodes => ReadError::TooBig,
                }),
                fed,
            );
        }
    }
    (checked(parser.finish()), text.len())
}

fn checked(tree: Tree) -> Result<Tree, ReadError> {
    match tree.overflow.get() {
        Some(Overflow::Depth) => Err(ReadError::TooDeep),
        Some(Overflow::Nodes) => Err(ReadError::TooBig),
        None => Ok(tree),
    }
}

/// Where text goes while walking the tree.
enum Sink {
    /// The document: its blocks and the paragraph being read.
    Root { blocks: Vec<Block>, text: String },
    /// A table of the document; text outside its cells (a caption) goes
    /// before it.
    Table { rows: Vec<Vec<Cell>>, caption: String },
    /// A cell: its lines so far and the line being read.
    Cell { lines: Vec<String>, text: String, row_span: u16, col_span: u16 },
}

/// What to do when the walk leaves an element.
enum Step {
    Visit(Id),
    /// End of a block: the paragraph (or the cell's line) ends.
    EndBlock,
    EndTable,
    EndCell,
    /// Leaving `<pre>`.
    EndPre,
    /// Leaving an inline element: nothing to do.
    EndInline,
}

struct Reader<'t> {
    tree: &'t Tree,
    sinks: Vec<Sink>,
    /// Inside `<pre>`: whitespace kept.
    pre: u32,
    images: bool,
}

/// The page's `<title>` (the first, in HTML's namespace, not an SVG's),
/// whitespace collapsed; `None` when absent or blank.
fn page_title(nodes: &[super::html_tree::Node]) -> Option<String> {
    let title = nodes.iter().find(|n| {
        matches!(&n.data, Data::Element { name, .. } if name.ns == ns!(html) && name.local == local_name!("title"))
    })?;
    let text: String = title
        .children
        .iter()
        .filter_map(|&c| match &nodes[c].data {
            Data::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

impl<'t> Reader<'t> {
    fn new(tree: &'t Tree) -> Reader<'t> {
        Reader {
            tree,
            sinks: vec![Sink::Root { blocks: Vec::new(), text: String::new() }],
            pre: 0,
            images: false,
        }
    }

    /// The document, and whether it held images.
    fn read(mut self) -> (Document, bool) {
        let nodes = self.tree.nodes.borrow();
        let mut stack = vec![Step::Visit(DOCUMENT)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Visit(id) => {
                    let node = &nodes[id];
                    match &node.data {
                        Data::Document => stack.extend(node.children.iter().rev().map(|&c| Step::Visit(c))),
                        Data::Text(text) => self.text(text),
                        Data::Hidden => {}
                        Data::Element { name, attrs, .. } => {
                            if name.ns != ns!(html) {
                                // SVG/MathML: not report text.
                                continue;
                            }
                            let Some(end) = self.enter(&name.local, attrs) else { continue };
                            stack.push(end);
                            stack.extend(node.children.iter().rev().map(|&c| Step::Visit(c)));
                        }
                    }
                }
                Step::EndBlock => self.break_block(),
                Step::EndPre => {
                    self.pre -= 1;
                    self.break_block();
                }
                Step::EndTable => self.end_table(),
                Step::EndCell => self.end_cell(),
                Step::EndInline => {}
            }
        }
        let title = page_title(&nodes);
        drop(nodes);
        let images = self.images;
        self.break_block();
        match self.sinks.pop() {
            Some(Sink::Root { blocks, .. }) => (Document { blocks, title }, images),
            _ => unreachable!("tables and cells are closed by their end steps"),
        }
    }

    /// Starts element `name`: the step to take when leaving it, or `None`
    /// to skip it and its contents.
    fn enter(&mut self, name: &html5ever::LocalName, attrs: &[Attribute]) -> Option<Step> {
        if hidden(attrs) {
            return None;
        }
        let in_table = matches!(self.sinks.last(), Some(Sink::Table { .. }));
        match *name {
            local_name!("head")
            | local_name!("script")
            | local_name!("style")
            | local_name!("template")
            | local_name!("noscript")
            | local_name!("iframe")
            | local_name!("object")
            | local_name!("select")
            | local_name!("textarea") => None,
            local_name!("img") => {
                self.images = true;
                None
            }
            local_name!("br") => {
                self.line_break();
                None
            }
            local_name!("table") if matches!(self.sinks.last(), Some(Sink::Root { .. })) => {
                self.break_block();
                self.sinks.push(Sink::Table { rows: Vec::new(), caption: String::new() });
                Some(Step::EndTable)
            }
            local_name!("tr") if in_table => {
                if let Some(Sink::Table { rows, .. }) = self.sinks.last_mut() {
                    rows.push(Vec::new());
                }
                Some(Step::EndBlock)
            }
            local_name!("td") | local_name!("th") if in_table => {
                if let Some(Sink::Table { rows, .. }) = self.sinks.last_mut() {
                    if rows.is_empty() {
                        rows.push(Vec::new());
                    }
                }
                let row_span = span(attrs, "rowspan", MAX_ROW_SPAN);
                let col_span = span(attrs, "colspan", MAX_COL_SPAN);
                self.sinks.push(Sink::Cell { lines: Vec::new(), text: String::new(), row_span, col_span });
                Some(Step::EndCell)
            }
            local_name!("pre") | local_name!("listing") | local_name!("xmp") | local_name!("plaintext") => {
                self.break_block();
                self.pre += 1;
                Some(Step::EndPre)
            }
            _ if is_block(name) => {
                self.break_block();
                Some(Step::EndBlock)
            }
            // Inline: its text joins the paragraph; table sections pass through.
            _ => Some(Step::EndInline),
        }
    }

    fn text(&mut self, text: &str) {
        let pre = self.pre > 0;
        let Some(buffer) = self.buffer() else { return };
        if pre {
            buffer.push_str(&text.replace('\u{a0}', " ").replace("\r\n", "\n"));
            return;
        }
        for c in text.chars() {
            let c = if c == '\u{a0}' { ' ' } else { c };
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if !(buffer.is_empty() || buffer.ends_with([' ', '\n'])) {
                    buffer.push(' ');
                }
            } else {
                buffer.push(c);
            }
        }
    }

    /// The text being read: the root's paragraph, the cell's line, or a
    /// table's caption.
    fn buffer(&mut self) -> Option<&mut String> {
        match self.sinks.last_mut()? {
            Sink::Root { text, .. } | Sink::Cell { text, .. } => Some(text),
            Sink::Table { caption, .. } => Some(caption),
        }
    }

    fn line_break(&mut self) {
        if let Some(buffer) = self.buffer() {
            trim_end_spaces(buffer);
            buffer.push('\n');
        }
    }

    /// Ends the paragraph (or the cell's line) being read, if it has text.
    fn break_block(&mut self) {
        match self.sinks.last_mut() {
            Some(Sink::Root { blocks, text }) => {
                if let Some(paragraph) = finish(text) {
                    blocks.push(Block::Paragraph(paragraph));
                }
            }
            Some(Sink::Cell { lines, text, .. }) => {
                if let Some(line) = finish(text) {
                    lines.push(line);
                }
            }
            Some(Sink::Table { caption, .. }) if !caption.is_empty() && !caption.ends_with('\n') => {
                caption.push('\n');
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        self.break_block();
        let Some(Sink::Cell { lines, row_span, col_span, .. }) = self.sinks.pop() else {
            unreachable!("EndCell follows a cell")
        };
        if let Some(Sink::Table { rows, .. }) = self.sinks.last_mut() {
            if let Some(row) = rows.last_mut() {
                row.push(Cell { text: lines.join("\n"), row_span, col_span });
            }
        }
    }

    fn end_table(&mut self) {
        let Some(Sink::Table { mut rows, mut caption }) = self.sinks.pop() else {
            unreachable!("EndTable follows a table")
        };
        // A span past the last row covers only the rows there are, as shown.
        let count = rows.len();
        for (i, row) in rows.iter_mut().enumerate() {
            for cell in row {
                cell.row_span = cell.row_span.min(u16::try_from(count - i).unwrap_or(u16::MAX)).max(1);
            }
        }
        if let Some(Sink::Root { blocks, .. }) = self.sinks.last_mut() {
            if let Some(caption) = finish(&mut caption) {
                blocks.push(Block::Paragraph(caption));
            }
            if rows.iter().any(|row| !row.is_empty()) {
                blocks.push(Block::Table(Table { rows }));
            }
        }
    }
}

fn hidden(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|attr| match &*attr.name.local {
        "hidden" => true,
        // Word's HTML gives nearly every element a long style: read it in place, once.
        "style" => attr.value.as_bytes().split(|&b| b == b';').any(|declaration| {
            let Some(colon) = declaration.iter().position(|&b| b == b':') else { return false };
            let (property, value) =
                (declaration[..colon].trim_ascii(), declaration[colon + 1..].trim_ascii());
            let value = value.strip_suffix(b"!important").unwrap_or(value).trim_ascii();
            (property.eq_ignore_ascii_case(b"display") && value.eq_ignore_ascii_case(b"none"))
                || (property.eq_ignore_ascii_case(b"mso-hide") && value.eq_ignore_ascii_case(b"all"))
        }),
        _ => false,
    })
}

/// A `rowspan`/`colspan` as HTML reads it: leading digits, 1 when absent,
/// zero or unreadable, capped.
fn span(attrs: &[Attribute], name: &str, max: u16) -> u16 {
    let Some(attr) = attrs.iter().find(|a| &*a.name.local == name) else { return 1 };
    let digits: String = attr.value.trim_start().chars().take_while(char::is_ascii_digit).take(6).collect();
    digits.parse::<u32>().ok().filter(|&n| n > 0).map_or(1, |n| n.min(u32::from(max)) as u16)
}

fn is_block(name: &html5ever::LocalName) -> bool {
    matches!(
        &**name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "main"
            | "center"
            | "address"
            | "figure"
            | "figcaption"
            | "hr"
            | "form"
            | "fieldset"
            | "legend"
            | "caption"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "table"
            | "tr"
            | "td"
            | "th"
    )
}

fn trim_end_spaces(text: &mut String) {
    let kept = text.trim_end_matches(' ').len();
    text.truncate(kept);
}

/// The paragraph in `text`, lines trimmed, or `None` when blank; `text` is
/// emptied.
fn finish(text: &mut String) -> Option<String> {
    let taken = std::mem::take(text);
    let lines: Vec<&str> = taken.split('\n').map(|line| line.trim_matches(' ')).collect();
    let start = lines.iter().position(|l| !l.is_empty())?;
    let end = lines.iter().rposition(|l| !l.is_empty())?;
    Some(lines[start..=end].join("\n"))
}
