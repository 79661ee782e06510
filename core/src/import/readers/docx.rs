//! Word/WPS `.docx` → [`Document`].
//!
//! The zip is opened with caps on its entry count and on the size the main
//! part expands to (a zip bomb stops at the cap); the main part
//! (`word/document.xml`, or wherever `_rels/.rels` points) is read as a
//! stream, so no nesting can overflow the stack.
//!
//! Text is read as Word shows it: the runs' `w:t`, `w:tab` as a tab,
//! `w:br`/`w:cr` as a line break; tracked insertions kept and deletions
//! dropped; of a field, its shown result (`w:instrText` dropped); hidden runs
//! (`w:vanish`) and the fallback copies of `mc:AlternateContent` left out.
//! Tables: `w:gridSpan` → column span, `w:vMerge` restart/continue → the
//! restarting cell's row span (the continuing cells are not listed, as in
//! HTML); a table inside a cell is read as lines of that cell.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::ReadError;
use crate::import::{Block, Cell, Document, Table};

/// More entries than any Word document has (a report has about 15).
pub const MAX_ENTRIES: usize = 10_000;
/// The main part expands to at most this much (a report's is under 1 MB).
pub const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;
/// Far deeper than any document's XML.
pub const MAX_DEPTH: usize = 512;
/// Grid columns followed for vertical merges (a report's widest table has 15).
const MAX_COLUMNS: usize = 4096;

/// Reads a `.docx`'s bytes.
pub fn read_docx(bytes: &[u8]) -> Result<Document, ReadError> {
    unpack(bytes)?.document()
}

/// The parts of a `.docx` the reader needs, expanded: the first step of
/// [`read_docx`], apart so that each step can be timed (`examples/import_speed.rs`).
pub struct Parts {
    /// The main part's XML.
    xml: Vec<u8>,
    title: Option<String>,
}

/// Opens the zip and expands the main part and the title, within the caps.
pub fn unpack(bytes: &[u8]) -> Result<Parts, ReadError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(zip_error)?;
    let xml = main_part(&mut archive)?;
    Ok(Parts { xml, title: core_title(&mut archive) })
}

impl Parts {
    /// The main part's XML read as a document.
    pub fn document(&self) -> Result<Document, ReadError> {
        let (mut document, images) = Walker::default().walk(&self.xml)?;
        if document.blocks.is_empty() {
            return Err(ReadError::NoText { images });
        }
        document.title.clone_from(&self.title);
        Ok(document)
    }
}

/// The title in the document's properties (`docProps/core.xml`, `dc:title`):
/// what Word shows under 文件 → 属性, and where LibreOffice puts a page's
/// `<title>`. Absent or unreadable properties are simply no title.
fn core_title(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Option<String> {
    let xml = read_entry(archive, "docProps/core.xml", 1024 * 1024).ok()?;
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut inside = false;
    let mut title = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == b"title" => inside = true,
            Event::End(e) if e.local_name().as_ref() == b"title" => break,
            Event::Text(t) if inside => title.push_str(&t.decode().ok()?),
            Event::GeneralRef(r) if inside => match r.resolve_char_ref() {
                Ok(Some(c)) => title.push(c),
                _ => title.push_str(quick_xml::escape::resolve_predefined_entity(&r.decode().ok()?)?),
            },
            // Cut off inside the title: not a title to trust.
            Event::Eof if inside => return None,
            Event::Eof => break,
            _ => {}
        }
    }
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    (!title.is_empty()).then_some(title)
}

fn zip_error(e: zip::result::ZipError) -> ReadError {
    use zip::result::ZipError;
    match e {
        ZipError::UnsupportedArchive(what) if what.to_lowercase().contains("password") => {
            ReadError::Encrypted
        }
        ZipError::UnsupportedArchive(_) => ReadError::Damaged("压缩方式不受支持".into()),
        ZipError::InvalidPassword => ReadError::Encrypted,
        ZipError::FileNotFound => ReadError::NotDocx,
        _ => ReadError::Damaged("压缩包结构有误".into()),
    }
}

/// The main document part's XML, expanded within the caps.
fn main_part(archive: &mut zip::ZipArchive<Cursor<&[u8]>>) -> Result<Vec<u8>, ReadError> {
    if archive.len() > MAX_ENTRIES {
        return Err(ReadError::TooBig);
    }
    let has = |archive: &zip::ZipArchive<_>, name: &str| archive.index_for_name(name).is_some();
    let path = match read_entry(archive, "_rels/.rels", 1024 * 1024) {
        Ok(rels) => office_document(&rels),
        Err(_) => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_string());
    if !has(archive, &path) {
        return Err(if has(archive, "xl/workbook.xml") {
            ReadError::Unsupported("表格文件（.xlsx）")
        } else if has(archive, "ppt/presentation.xml") {
            ReadError::Unsupported("演示文稿（.pptx）")
        } else if has(archive, "content.xml") && has(archive, "mimetype") {
            ReadError::Unsupported(" OpenDocument 文件（.odt）")
        } else {
            ReadError::NotDocx
        });
    }
    read_entry(archive, &path, MAX_XML_BYTES)
}

/// Entry `name`, refused once it expands past `max` bytes, whatever its
/// header claims.
fn read_entry(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    max: u64,
) -> Result<Vec<u8>, ReadError> {
    let entry = archive.by_name(name).map_err(zip_error)?;
    if entry.encrypted() {
        return Err(ReadError::Encrypted);
    }
    if entry.size() > max {
        return Err(ReadError::TooBig);
    }
    let mut out = Vec::new();
    entry.take(max + 1).read_to_end(&mut out).map_err(|_| ReadError::Damaged("压缩数据有误".into()))?;
    if out.len() as u64 > max {
        return Err(ReadError::TooBig);
    }
    Ok(out)
}

/// The main part's path from the package relationships.
fn office_document(rels: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(rels);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let ty = attr(&e, b"Type")?;
                if ty.ends_with(b"/officeDocument") {
                    let target = String::from_utf8(attr(&e, b"Target")?).ok()?;
                    return Some(target.trim_start_matches('/').to_string());
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<Vec<u8>> {
    e.try_get_attribute(name).ok().flatten().map(|a| a.value.into_owned())
}

/// `w:val`, raw.
fn val(e: &BytesStart) -> Option<Vec<u8>> {
    attr(e, b"w:val")
}

/// An on/off property (`w:vanish`, `<w:vanish w:val="false"/>`).
fn on(e: &BytesStart) -> bool {
    !matches!(val(e).as_deref(), Some(b"false" | b"0" | b"off"))
}

fn number(e: &BytesStart) -> Option<u16> {
    std::str::from_utf8(&val(e)?).ok()?.trim().parse().ok()
}

/// The elements the walker acts on; everything else is passed through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tag {
    P,
    R,
    RunProps,
    T,
    Table,
    Row,
    Tc,
    CellProps,
    /// Left out with everything inside: deletions, field codes, fallbacks.
    Skip,
    Other,
}

fn tag(name: &[u8]) -> Tag {
    match name {
        b"w:p" => Tag::P,
        b"w:r" => Tag::R,
        b"w:rPr" => Tag::RunProps,
        b"w:t" => Tag::T,
        b"w:tbl" => Tag::Table,
        b"w:tr" => Tag::Row,
        b"w:tc" => Tag::Tc,
        b"w:tcPr" => Tag::CellProps,
        b"w:del"
        | b"w:moveFrom"
        | b"w:instrText"
        | b"w:delText"
        | b"w:delInstrText"
        | b"mc:Fallback"
        | b"w:pPr"
        | b"w:sectPr"
        | b"w:tblPr"
        | b"w:tblGrid"
        | b"w:footnoteReference"
        | b"w:endnoteReference"
        | b"w:commentReference"
        | b"w:sdtPr" => Tag::Skip,
        _ => Tag::Other,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum VMerge {
    Restart,
    Continue,
}

/// A cell being read.
struct OpenCell {
    lines: Vec<String>,
    col_span: u16,
    v_merge: Option<VMerge>,
}

/// A top-level table being read.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<Cell>>,
    /// The grid column the next cell of the current row starts in.
    column: usize,
    /// For each grid column, the cell (row, index) that last started there:
    /// where a `vMerge` continuation adds a row.
    starts: Vec<Option<(usize, usize)>>,
}

#[derive(Default)]
struct Walker {
    stack: Vec<Tag>,
    /// Open `Skip` elements.
    skipping: usize,
    blocks: Vec<Block>,
    /// Paragraphs being read: more than one inside text boxes.
    paragraphs: Vec<String>,
    table: Option<OpenTable>,
    /// Tables open inside the current cell (read as its lines).
    nested_tables: usize,
    cell: Option<OpenCell>,
    /// The run being read is hidden.
    hidden_run: bool,
    /// Open fields; `true` while in a field's instructions (before `separate`).
    fields: Vec<bool>,
    images: bool,
}

impl Walker {
    fn walk(mut self, xml: &[u8]) -> Result<(Document, bool), ReadError> {
        let mut reader = Reader::from_reader(xml);
        reader.config_mut().check_end_names = true;
        loop {
            let event =
                reader.read_event().map_err(|_| ReadError::Damaged("文档内容 XML 格式有误".into()))?;
            match event {
                Event::Start(e) => {
                    self.open(&e)?;
                }
                Event::Empty(e) => {
                    self.open(&e)?;
                    self.close();
                }
                Event::End(_) => self.close(),
                Event::Text(e) => {
                    let text = e.decode().map_err(|_| ReadError::Damaged("文档文字编码有误".into()))?;
                    self.text(&text);
                }
                Event::CData(e) => {
                    let text = e.decode().map_err(|_| ReadError::Damaged("文档文字编码有误".into()))?;
                    self.text(&text);
                }
                Event::GeneralRef(e) => {
                    let resolved = match e.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        _ => e
                            .decode()
                            .ok()
                            .and_then(|name| quick_xml::escape::resolve_predefined_entity(&name))
                            .map(str::to_string),
                    };
                    if let Some(text) = resolved {
                        self.text(&text);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !self.stack.is_empty() {
            return Err(ReadError::Damaged("文档内容不完整".into()));
        }
        Ok((Document { blocks: self.blocks, title: None }, self.images))
    }

    fn parent(&self) -> Option<Tag> {
        self.stack.iter().rev().nth(1).copied()
    }

    fn open(&mut self, e: &BytesStart) -> Result<(), ReadError> {
        let name = e.name();
        let name = name.as_ref();
        let t = tag(name);
        self.stack.push(t);
        if self.stack.len() > MAX_DEPTH {
            return Err(ReadError::TooDeep);
        }
        if self.skipping > 0 || t == Tag::Skip {
            if t == Tag::Skip {
                self.skipping += 1;
            }
            return Ok(());
        }
        match t {
            Tag::P => self.paragraphs.push(String::new()),
            Tag::R => self.hidden_run = false,
            Tag::Table => self.open_table(),
            Tag::Row if self.nested_tables == 0 => {
                if let Some(table) = &mut self.table {
                    table.rows.push(Vec::new());
                    table.column = 0;
                }
            }
            Tag::Tc if self.nested_tables == 0 && self.table.is_some() => {
                self.cell = Some(OpenCell { lines: Vec::new(), col_span: 1, v_merge: None });
            }
            _ => {}
        }
        // Properties and breaks, by their name.
        let parent = self.parent();
        match name {
            b"w:vanish" if parent == Some(Tag::RunProps) && self.in_run() => self.hidden_run = on(e),
            b"w:gridSpan" if parent == Some(Tag::CellProps) && self.nested_tables == 0 => {
                if let Some(cell) = &mut self.cell {
                    cell.col_span = number(e).unwrap_or(1).clamp(1, 1000);
                }
            }
            b"w:vMerge" if parent == Some(Tag::CellProps) && self.nested_tables == 0 => {
                if let Some(cell) = &mut self.cell {
                    cell.v_merge = Some(match val(e).as_deref() {
                        Some(b"restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    });
                }
            }
            b"w:gridBefore" if self.nested_tables == 0 => {
                if let Some(table) = &mut self.table {
                    table.column += usize::from(number(e).unwrap_or(0).min(1000));
                }
            }
            b"w:fldChar" => match attr(e, b"w:fldCharType").as_deref() {
                Some(b"begin") => self.fields.push(true),
                Some(b"separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        *f = false;
                    }
                }
                Some(b"end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            b"w:tab" | b"w:ptab" if self.in_run() => self.push_text("\t"),
            b"w:br" | b"w:cr" if self.in_run() => self.push_text("\n"),
            b"w:noBreakHyphen" if self.in_run() => self.push_text("-"),
            b"w:drawing" | b"w:pict" | b"w:object" => self.images = true,
            _ => {}
        }
        Ok(())
    }

    fn in_run(&self) -> bool {
        self.stack.contains(&Tag::R)
    }

    fn open_table(&mut self) {
        if self.cell.is_some() || self.nested_tables > 0 {
            self.nested_tables += 1;
        } else if self.table.is_none() {
            self.table = Some(OpenTable::default());
        } else {
            // A table in a table but outside any cell: read its cells as lines.
            self.nested_tables += 1;
        }
    }

    fn close(&mut self) {
        let Some(t) = self.stack.pop() else { return };
        if self.skipping > 0 {
            if t == Tag::Skip {
                self.skipping -= 1;
            }
            return;
        }
        match t {
            Tag::P => self.end_paragraph(),
            Tag::R => self.hidden_run = false,
            Tag::Tc if self.nested_tables == 0 => self.end_cell(),
            Tag::Table if self.nested_tables > 0 => self.nested_tables -= 1,
            Tag::Table => self.end_table(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skipping == 0 && self.stack.last() == Some(&Tag::T) {
            self.push_text(text);
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.hidden_run || self.fields.last() == Some(&true) {
            return;
        }
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.push_str(text);
        }
    }

    fn end_paragraph(&mut self) {
        let Some(text) = self.paragraphs.pop() else { return };
        if text.trim().is_empty() {
            return;
        }
        match &mut self.cell {
            Some(cell) => cell.lines.push(text),
            None => self.blocks.push(Block::Paragraph(text)),
        }
    }

    fn end_cell(&mut self) {
        let (Some(cell), Some(table)) = (self.cell.take(), &mut self.table) else { return };
        let Some(row) = table.rows.len().checked_sub(1) else { return };
        let column = table.column;
        let span = usize::from(cell.col_span);
        table.column += span;
        if cell.v_merge == Some(VMerge::Continue) {
            if let Some(Some((r, i))) = table.starts.get(column).copied() {
                let origin = &mut table.rows[r][i];
                origin.row_span = u16::try_from(row - r + 1).unwrap_or(u16::MAX);
                return;
            }
        }
        let index = table.rows[row].len();
        table.rows[row].push(Cell { text: cell.lines.join("\n"), row_span: 1, col_span: cell.col_span });
        if column + span > MAX_COLUMNS {
            return;
        }
        if table.starts.len() < column + span {
            table.starts.resize(column + span, None);
        }
        for start in &mut table.starts[column..column + span] {
            *start = None;
        }
        table.starts[column] = Some((row, index));
    }

    fn end_table(&mut self) {
        let Some(table) = self.table.take() else { return };
        if table.rows.iter().any(|r| !r.is_empty()) {
            self.blocks.push(Block::Table(Table { rows: table.rows }));
        }
    }
}
