//! The neutral document every reader produces and the recogniser reads.
//!
//! Readers (DOCX, HTML, pasted text) know their input's syntax and nothing of
//! the report; the recogniser knows the report and nothing of the syntax. This
//! type is the whole contract between them: text in reading order, as shown
//! (fields and tracked changes resolved, whitespace kept as it reads), and
//! tables as rows of cells with their spans, never flattened.

use serde::{Deserialize, Serialize};

/// A document in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// The file's own title, outside its text: a page's `<title>`, a `.docx`'s
    /// title property. The recogniser reads 机关 and 年度 from it when the text
    /// prints no title (a portal prints the title outside the saved article).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// One top-level piece of the document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A paragraph (a `<w:p>`, a `<p>`/`<div>` run of text, a line of pasted
    /// text). Line breaks inside it (`<br>`, `<w:br/>`) are kept as `\n`.
    Paragraph(String),
    Table(Table),
}

/// A table as its rows are written: each row lists only the cells that start
/// in it, left to right, as in HTML. A cell covering several rows or columns
/// says so by its spans; the recogniser lays the grid out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// The cell's text as shown; paragraphs inside the cell joined by `\n`.
    pub text: String,
    /// Rows covered, at least 1.
    pub row_span: u16,
    /// Columns covered, at least 1.
    pub col_span: u16,
}

impl Cell {
    /// A cell covering one row and one column.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), row_span: 1, col_span: 1 }
    }

    pub fn spanning(text: impl Into<String>, row_span: u16, col_span: u16) -> Cell {
        Cell { text: text.into(), row_span: row_span.max(1), col_span: col_span.max(1) }
    }
}

impl Document {
    /// Every paragraph's text, tables left out, in order.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(text) => Some(text.as_str()),
            Block::Table(_) => None,
        })
    }

    /// Every table, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(table) => Some(table),
            Block::Paragraph(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_at_least_one() {
        let cell = Cell::spanning("三、本年度办理结果", 0, 0);
        assert_eq!((cell.row_span, cell.col_span), (1, 1));
    }

    #[test]
    fn paragraphs_and_tables_keep_their_order() {
        let doc = Document {
            blocks: vec![
                Block::Paragraph("一、总体情况".into()),
                Block::Table(Table { rows: vec![vec![Cell::new("信息内容")]] }),
                Block::Paragraph("二、主动公开政府信息情况".into()),
            ],
            title: None,
        };
        assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["一、总体情况", "二、主动公开政府信息情况"]);
        assert_eq!(doc.tables().count(), 1);
    }
}
