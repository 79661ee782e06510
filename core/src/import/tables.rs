//! Reading the three tables by their labels.
//!
//! A table arrives as a stream of tokens: label texts, value texts and row
//! ends. A table of the document gives one token per grid slot and a row end
//! per row; a table that a browser copied as one cell per line gives the same
//! tokens without row ends. A row label claims the values that follow it (up
//! to the next label or row end), in the order of the columns its table's
//! header names; nothing is placed by its position on the page alone.

use std::collections::BTreeSet;

use crate::format::variants::MOVES;
use crate::format::{format, table3, FieldKey, FormatVersion, TableId};
use crate::model::Report;
use crate::value;

use super::document::Table;
use super::grid::lay_out;
use super::labels::{resolve, Known, Role};
use super::report::{Note, NoteKind};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    Text(String),
    Value(String),
    /// A number slot covered by a cell that starts in a row above.
    Covered(String),
    RowEnd,
}

/// Whether a cell's text reads as a figure or as blank (`—`, `/`, nothing).
/// A figure with its unit (「251000元」, 「3件」) is a figure too: it is kept as
/// printed, and the editor says why it is not a number.
pub fn is_value_like(text: &str) -> bool {
    use crate::format::ValueKind::{Amount, Delta};
    if value::is_blank(text) || value::parse(Amount, text).is_ok() || value::parse(Delta, text).is_ok() {
        return true;
    }
    let text = text.trim();
    let unit = text.trim_start_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, '０'..='９' | ',' | '.' | '，' | '．')
    });
    unit.len() < text.len() && ["元", "万元", "件", "条", "个", "项", "次", "人次"].contains(&unit.trim())
}

/// The tokens of a table of the document.
pub fn table_tokens(table: &Table) -> Vec<Token> {
    let mut out = Vec::new();
    for (r, row) in lay_out(table).iter().enumerate() {
        for piece in row {
            let text = piece.cell.text.trim();
            let value = is_value_like(text);
            match (piece.covered_from_above(r), value) {
                (true, true) => out.push(Token::Covered(text.to_string())),
                (true, false) => {}
                (false, true) => out.push(Token::Value(text.to_string())),
                (false, false) => out.push(Token::Text(text.to_string())),
            }
        }
        out.push(Token::RowEnd);
    }
    out
}

/// What reading the tables found, before it is written into the report.
#[derive(Default)]
pub struct Reading {
    /// Input cells of the report's edition that were found (blank or not).
    pub found: BTreeSet<FieldKey>,
    pub notes: Vec<Note>,
}

struct Row {
    known: Known,
    label: String,
    /// The values after the label: text, and whether the slot was covered from above.
    values: Vec<(String, bool)>,
    /// A row of the other edition standing for a label that is only context in this one.
    tentative: bool,
}

/// The state of reading one table's tokens.
struct Reader<'a> {
    id: TableId,
    edition: FormatVersion,
    structured: bool,
    report: &'a mut Report,
    reading: &'a mut Reading,
    row: Option<Row>,
    /// 表二: the columns named by the last 「信息内容」 row, and whether it is still being read.
    columns: Vec<(FormatVersion, Option<&'static str>)>,
    in_header: bool,
    /// 表四: the row of numbers under the header; the values of the current row without labels.
    loose: Vec<String>,
    line: Vec<String>,
    line_has_text: bool,
    /// An unknown label that owns the values after it.
    stray_owner: Option<String>,
    blocks_seen: usize,
    dashes: usize,
}

/// Reads the tokens of `id` into `report`.
pub fn read(id: TableId, tokens: &[Token], report: &mut Report, reading: &mut Reading) {
    let mut r = Reader {
        id,
        edition: report.format,
        structured: tokens.contains(&Token::RowEnd),
        report,
        reading,
        row: None,
        columns: Vec::new(),
        in_header: false,
        loose: Vec::new(),
        line: Vec::new(),
        line_has_text: false,
        stray_owner: None,
        blocks_seen: 0,
        dashes: 0,
    };
    let mut i = 0;
    while i < tokens.len() {
        match &tokens[i] {
            Token::RowEnd => {
                r.finish();
                r.in_header = false;
                r.end_line();
            }
            Token::Text(text) => {
                r.line_has_text = true;
                let (resolved, used) = resolve_joined(id, tokens, i, r.edition);
                i += used - 1;
                r.text(text, resolved);
            }
            Token::Value(raw) => r.value(raw, false),
            Token::Covered(raw) => r.value(raw, true),
        }
        i += 1;
    }
    r.finish();
    r.end_line();
    if id == TableId::Table4 {
        let loose = std::mem::take(&mut r.loose);
        read_loose_table4(&loose, r.blocks_seen, r.report, r.reading);
    }
    if r.dashes > 0 {
        r.reading.notes.push(Note::new(
            NoteKind::Reading,
            format!(
                "{}有 {} 个单元格印作「—」「-」或「/」，按空白读取（空白不是 0）",
                id.short_name(),
                r.dashes
            ),
        ));
    }
}

impl Reader<'_> {
    fn text(&mut self, text: &str, resolved: Option<super::labels::Resolved>) {
        let id = self.id;
        let Some(r) = resolved else {
            self.finish();
            self.in_header = false;
            self.stray_owner = Some(text.to_string());
            self.reading.notes.push(Note::new(
                NoteKind::Unplaced,
                format!(
                    "{}中的「{}」不是这张表的栏目，未导入",
                    id.short_name(),
                    super::report::ellipsis(text, 40)
                ),
            ));
            return;
        };
        if let Some(v) = r.variant {
            note_once(
                self.reading,
                NoteKind::Variant,
                format!("{}：「{}」按「{}」读取（{}）", id.short_name(), v.printed, v.official, v.reason),
            );
        }
        self.stray_owner = None;
        self.finish();
        let row = |known, tentative| Row { known, label: text.to_string(), values: Vec::new(), tentative };
        match r.known.role {
            Role::Row(_) => {
                self.in_header = false;
                if id == TableId::Table4 {
                    self.blocks_seen += 1;
                }
                self.row = Some(row(r.known, false));
            }
            Role::HeaderStart => {
                self.columns.clear();
                self.in_header = true;
            }
            Role::Column(col) => {
                if self.in_header {
                    self.columns.push((r.known.edition, col));
                }
            }
            Role::Other => {
                self.in_header = false;
                // The 2019 single-row （六）其他处理, when numbers follow it.
                if let Some(other) = r.other_row {
                    self.row = Some(row(other, true));
                }
            }
        }
    }

    fn value(&mut self, raw: &str, covered: bool) {
        self.in_header = false;
        if !raw.is_empty() && value::is_blank(raw) {
            self.dashes += 1;
        }
        match self.row.as_mut() {
            Some(row) => row.values.push((raw.to_string(), covered)),
            None if self.id == TableId::Table4 && self.stray_owner.is_none() => {
                self.line.push(raw.to_string())
            }
            None if !value::is_blank(raw) => {
                let owner = self.stray_owner.as_deref().map(|o| format!("「{o}」后")).unwrap_or_default();
                self.reading.notes.push(Note::new(
                    NoteKind::Unplaced,
                    format!("{}{}的数字「{raw}」不属于表中任何一行，未导入", self.id.short_name(), owner),
                ));
            }
            None => {}
        }
    }

    /// 表四: numbers without a label belong to the row of numbers when their row has no label at all.
    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        if !self.structured || !self.line_has_text {
            self.loose.extend(line);
        } else {
            for raw in line.iter().filter(|v| !value::is_blank(v)) {
                self.reading.notes.push(Note::new(
                    NoteKind::Unplaced,
                    format!("表四表头中的数字「{raw}」不属于任何一格，未导入"),
                ));
            }
        }
        self.line_has_text = false;
    }

    /// Closes the current row: its values go to its columns.
    fn finish(&mut self) {
        let Some(mut row) = self.row.take() else { return };
        let Role::Row(key) = row.known.role else { return };
        let id = self.id;
        let blank = row.values.iter().all(|(v, covered)| !covered && value::is_blank(v));
        if blank && (row.tentative || id == TableId::Table4) {
            // A label of the header, not a row of figures.
            return;
        }
        let expected = match id {
            TableId::Table2 if !self.columns.is_empty() => self.columns.len(),
            TableId::Table2 => {
                format(row.known.edition).table(id).fields.iter().filter(|f| f.key.row == key).count()
            }
            TableId::Table3 => table3::COLUMNS.len(),
            TableId::Table4 => crate::format::table4::OUTCOMES.len(),
        };
        // A label spread over several columns leaves blank slots before the figures.
        while row.values.len() > expected && row.values.first().is_some_and(|(v, c)| !c && v.is_empty()) {
            row.values.remove(0);
        }
        if row.values.is_empty() {
            if row.known.edition == self.edition {
                let fields = &format(self.edition).table(id).fields;
                self.reading.found.extend(fields.iter().filter(|f| f.key.row == key).map(|f| f.key));
            }
            self.reading.notes.push(Note::new(
                NoteKind::Reading,
                format!("{}「{}」行没有印数字，各格留空（空白不是 0）", id.short_name(), row.label),
            ));
            return;
        }
        let covered = row.values.iter().any(|(_, c)| *c);
        for (index, (raw, is_covered)) in row.values.iter().enumerate() {
            let text = if *is_covered { "" } else { raw.as_str() };
            self.claim(&row, index, text, raw);
        }
        let count = row.values.len();
        if covered {
            self.reading.notes.push(Note::new(
                NoteKind::Reading,
                format!(
                    "{}「{}」行的数字格被上一行跨行合并的单元格覆盖（印的是「{}」），那个数字只计入上一行，这一行按空白读取",
                    id.short_name(),
                    row.label,
                    row.values.iter().find(|(_, c)| *c).map_or("", |(v, _)| v.as_str())
                ),
            ));
        } else if count < expected && !self.structured {
            self.reading.notes.push(Note::new(
                NoteKind::Guess,
                format!(
                    "{}「{}」行只读到 {count} 个数字（应有 {expected} 个），已按顺序从左填入，其余留空，请核对",
                    id.short_name(),
                    row.label
                ),
            ));
        }
    }

    fn claim(&mut self, row: &Row, index: usize, text: &str, raw: &str) {
        let id = self.id;
        let Role::Row(row_key) = row.known.role else { return };
        let Some((edition, col)) = column_of(id, &row.known, index, &self.columns) else {
            if !value::is_blank(raw) {
                self.reading.notes.push(Note::new(
                    NoteKind::Unplaced,
                    format!(
                        "{}「{}」行多出的第 {} 个数字「{raw}」没有对应的列，未导入",
                        id.short_name(),
                        row.label,
                        index + 1
                    ),
                ));
            }
            return;
        };
        place(id, edition, row_key, col, text, &row.label, self.report, self.reading);
    }
}

/// A label split over several tokens (「自」「然」「人」, 「结果」「纠正」): the
/// shortest run of up to four texts that reads as one label.
fn resolve_joined(
    id: TableId,
    tokens: &[Token],
    at: usize,
    edition: FormatVersion,
) -> (Option<super::labels::Resolved>, usize) {
    let Token::Text(first) = &tokens[at] else { return (None, 1) };
    if let Some(r) = resolve(id, first, edition) {
        return (Some(r), 1);
    }
    let mut joined = first.clone();
    for (k, token) in tokens.iter().enumerate().skip(at + 1).take(3) {
        let Token::Text(next) = token else { break };
        if joined.chars().count() + next.chars().count() > 60 {
            break;
        }
        joined.push_str(next);
        if let Some(r) = resolve(id, &joined, edition) {
            return (Some(r), k - at + 1);
        }
    }
    (None, 1)
}

/// The column a row's `index`-th value belongs to.
fn column_of(
    id: TableId,
    known: &Known,
    index: usize,
    columns: &[(FormatVersion, Option<&'static str>)],
) -> Option<(FormatVersion, &'static str)> {
    let Role::Row(row) = known.role else { return None };
    match id {
        TableId::Table2 => {
            if let Some(&(edition, col)) = columns.get(index) {
                return col.map(|c| (edition, c));
            }
            if !columns.is_empty() {
                return None;
            }
            // No header: the row's own columns in its edition.
            let spec = format(known.edition).table(id);
            spec.fields.iter().filter(|f| f.key.row == row).nth(index).map(|f| (known.edition, f.key.col))
        }
        TableId::Table3 => table3::COLUMNS.get(index).map(|(c, _)| (known.edition, *c)),
        TableId::Table4 => crate::format::table4::OUTCOMES.get(index).map(|(c, _, _)| (known.edition, *c)),
    }
}

/// Writes one cell, moving a cell of the other edition where the format's data says.
#[allow(clippy::too_many_arguments)]
fn place(
    id: TableId,
    edition: FormatVersion,
    row: &'static str,
    col: &'static str,
    text: &str,
    label: &str,
    report: &mut Report,
    reading: &mut Reading,
) {
    let spec = format(report.format).table(id);
    let (row, col) = if edition == report.format {
        (row, col)
    } else {
        let moved = MOVES
            .iter()
            .find(|m| m.table == id && m.from == edition && m.row == row && m.col.is_none_or(|c| c == col));
        match moved {
            Some(m) => {
                note_once(reading, NoteKind::Guess, m.reason.to_string());
                (m.to_row, m.to_col.unwrap_or(col))
            }
            None => {
                if !value::is_blank(text) {
                    let col_label = format(edition)
                        .table(id)
                        .fields
                        .iter()
                        .find(|f| f.key.row == row && f.key.col == col)
                        .map_or(col, |f| f.col_label.as_str());
                    reading.notes.push(Note::new(
                        NoteKind::Unplaced,
                        format!(
                            "{}「{label} · {col_label}」= {text}：这是 {} 年格式的栏目，{} 年格式没有对应的栏目，未导入",
                            id.short_name(),
                            edition.key(),
                            report.format.key()
                        ),
                    ));
                }
                return;
            }
        }
    };
    let Some(field) = spec.fields.iter().find(|f| f.key.row == row && f.key.col == col) else { return };
    let key = field.key;
    if !reading.found.insert(key) && report.raw(key).is_some() {
        reading.notes.push(Note::new(
            NoteKind::Unplaced,
            format!(
                "{}「{}」出现了不止一次，保留第一次的数字，后来的「{text}」未导入",
                id.short_name(),
                field.accessible_label()
            ),
        ));
        return;
    }
    let stored = value::normalize(field.kind, text);
    if !stored.is_empty() && value::parse(field.kind, &stored).is_err() {
        reading.notes.push(Note::new(
            NoteKind::Reading,
            format!(
                "{}「{}」印作「{}」，不是有效的数字，原样保留，请核对",
                id.short_name(),
                field.accessible_label(),
                text.trim()
            ),
        ));
    }
    report.set_raw(key, stored.trim());
}

/// 表四's row of numbers under its header: blocks and outcomes in the format's order.
fn read_loose_table4(loose: &[String], blocks_seen: usize, report: &mut Report, reading: &mut Reading) {
    let values: Vec<&String> = loose.iter().collect();
    if values.iter().all(|v| value::is_blank(v)) && values.len() < 15 {
        return;
    }
    if blocks_seen < 3 {
        reading.notes.push(Note::new(
            NoteKind::Guess,
            "表四表头没有写全行政复议、未经复议直接起诉、复议后起诉，按格式的列序读取".to_string(),
        ));
    }
    let spec = format(report.format).table(TableId::Table4);
    for (i, raw) in values.iter().enumerate() {
        match spec.fields.get(i) {
            Some(field) => {
                let (row, col) = (field.key.row, field.key.col);
                place(
                    TableId::Table4,
                    report.format,
                    row,
                    col,
                    raw,
                    &field.row_label.clone(),
                    report,
                    reading,
                );
            }
            None if !value::is_blank(raw) => reading.notes.push(Note::new(
                NoteKind::Unplaced,
                format!("表四多出的第 {} 个数字「{raw}」没有对应的列，未导入", i + 1),
            )),
            None => {}
        }
    }
    if values.len() < spec.fields.len() {
        reading.notes.push(Note::new(
            NoteKind::Guess,
            format!(
                "表四只读到 {} 个数字（应有 {} 个），已按顺序填入，其余留空，请核对",
                values.len(),
                spec.fields.len()
            ),
        ));
    }
}

fn note_once(reading: &mut Reading, kind: NoteKind, message: String) {
    if !reading.notes.iter().any(|n| n.message == message) {
        reading.notes.push(Note::new(kind, message));
    }
}
