//! The plain-text reader: text as a browser copies a portal page
//! (`text/plain`), or as a clerk pastes it.
//!
//! A line with tabs is a table row, one cell per tab-separated field; rows
//! in a run (blank lines between them allowed) make one table. Any other
//! line is a paragraph. A browser copies a table whose cells hold
//! paragraphs one cell per line, without tabs: those lines stay paragraphs,
//! and the recogniser reads them as the cells they are.

use super::document::{Block, Cell, Document, Table};

/// Reads pasted or copied text.
pub fn read_plain_text(text: &str) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)).collect();
    let mut blocks = Vec::new();
    // For each line, whether the next line with text after it is a table row: one pass from the
    // end (looking ahead from every blank line was quadratic in a run of blank lines).
    let mut next_is_row = vec![false; lines.len()];
    let mut following = false;
    for (i, line) in lines.iter().enumerate().rev() {
        next_is_row[i] = following;
        if !clean(line).is_empty() {
            following = is_row(line);
        }
    }
    let mut table: Option<Table> = None;
    for (i, line) in lines.iter().enumerate() {
        if is_row(line) {
            let row = line.split('\t').map(|cell| Cell::new(clean(cell))).collect();
            table.get_or_insert_with(Table::default).rows.push(row);
            continue;
        }
        let text = line.split('\t').map(clean).find(|f| !f.is_empty()).unwrap_or("");
        if text.is_empty() {
            // A blank line inside a table (the next text line is a row) keeps it open.
            if table.is_some() && next_is_row[i] {
                continue;
            }
        }
        if let Some(t) = table.take() {
            blocks.push(Block::Table(t));
        }
        if !text.is_empty() {
            blocks.push(Block::Paragraph(text.to_string()));
        }
    }
    if let Some(t) = table.take() {
        blocks.push(Block::Table(t));
    }
    Document { blocks, title: None }
}

/// A row has two or more cells with text: a tab that only indents a
/// paragraph (「\t一、总体情况」) or trails a lone figure does not make one.
fn is_row(line: &str) -> bool {
    line.split('\t').filter(|f| !clean(f).is_empty()).nth(1).is_some()
}

fn clean(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_rows_make_tables_and_other_lines_paragraphs() {
        let doc = read_plain_text("二、主动公开政府信息情况\r\n\r\n第二十条第（一）项\t\t\t\n信息内容\t本年制发件数\n\n规章\t0\n\n三、收到和处理政府信息公开申请情况\n");
        assert_eq!(doc.blocks.len(), 4);
        assert_eq!(doc.blocks[0], Block::Paragraph("二、主动公开政府信息情况".into()));
        // A band with one cell of text reads as a paragraph; the recogniser reads it as a label.
        assert_eq!(doc.blocks[1], Block::Paragraph("第二十条第（一）项".into()));
        let Block::Table(t) = &doc.blocks[2] else { panic!("{:?}", doc.blocks[2]) };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].len(), 2);
        assert_eq!(t.rows[1][1].text, "0");
    }

    #[test]
    fn blank_lines_inside_a_table_keep_it_open_and_after_it_close_it() {
        let doc = read_plain_text("a\t1\n\n\n b\t2\n\n\t\n正文\n\nc\t3\n");
        let tables: Vec<_> = doc.tables().collect();
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[1].rows.len(), 1);
        assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["正文"]);
    }

    /// Millions of blank lines after a table row (a pasted or damaged file) are read in one pass.
    #[test]
    fn a_long_run_of_blank_lines_is_read_in_linear_time() {
        let text = format!("a\t1\n{}b\t2\n{}end", "\n".repeat(1_000_000), " \r\n".repeat(1_000_000));
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || done.send(read_plain_text(&text).tables().count()).ok());
        // Quadratic look-ahead took hours here; one pass takes well under a second, even in a debug build.
        let tables = finished.recv_timeout(std::time::Duration::from_secs(20)).expect("read within 20 s");
        assert_eq!(tables, 1);
    }

    #[test]
    fn lines_without_two_cells_are_paragraphs_however_short() {
        let doc = read_plain_text("\u{feff}规章\n\n  0\t\n\t一、总体情况\n");
        assert_eq!(doc.paragraphs().collect::<Vec<_>>(), ["规章", "0", "一、总体情况"]);
        assert_eq!(doc.tables().count(), 0);
    }
}
