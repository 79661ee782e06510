//! Reading a block of cells copied from Excel or WPS.
//!
//! Both put `text/plain` on the clipboard as tab-separated values: rows end
//! in CRLF (LF or CR from other programs), the block usually ends with one
//! line break, and a cell holding a tab, a line break or a double quote is
//! wrapped in double quotes with inner quotes doubled (`"a""b"`). A quote
//! that does not open a properly closed quoted cell is kept as text.

/// The cells of a pasted block, row by row, as text (not yet parsed as numbers).
/// Rows may differ in length, as the source did.
pub fn parse_block(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut rest = text;
    loop {
        let (cell, after) = read_cell(rest);
        row.push(cell);
        match after.chars().next() {
            Some('\t') => rest = &after[1..],
            Some('\r') | Some('\n') => {
                rows.push(std::mem::take(&mut row));
                let skip = if after.starts_with("\r\n") { 2 } else { 1 };
                rest = &after[skip..];
                if rest.is_empty() {
                    // A trailing line break ends the block; it does not add an empty row.
                    return rows;
                }
            }
            _ => {
                rows.push(row);
                break;
            }
        }
    }
    // An empty clipboard is no block at all.
    if rows.len() == 1 && rows[0].len() == 1 && rows[0][0].is_empty() {
        rows.clear();
    }
    rows
}

/// Whether `text` is more than one cell, i.e. must be spread over the grid
/// rather than typed into the focused cell.
pub fn is_block(text: &str) -> bool {
    let rows = parse_block(text);
    rows.len() > 1 || rows.first().is_some_and(|r| r.len() > 1) || text.ends_with(['\n', '\r'])
}

/// Reads one cell at the start of `text`; returns it and the text after it
/// (which starts with the separator, a line break, or is empty).
fn read_cell(text: &str) -> (String, &str) {
    if let Some(quoted) = text.strip_prefix('"') {
        if let Some((cell, after)) = read_quoted(quoted) {
            return (cell, after);
        }
    }
    let end = text.find(['\t', '\r', '\n']).unwrap_or(text.len());
    (text[..end].to_string(), &text[end..])
}

/// Reads a quoted cell (after its opening quote) up to its closing quote,
/// which must be followed by a separator, a line break or the end.
fn read_quoted(text: &str) -> Option<(String, &str)> {
    let mut cell = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '"' {
            cell.push(c);
            continue;
        }
        if let Some((_, '"')) = chars.peek() {
            cell.push('"');
            chars.next();
            continue;
        }
        let after = &text[i + 1..];
        return match after.chars().next() {
            None | Some('\t') | Some('\r') | Some('\n') => Some((cell, after)),
            Some(_) => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect()
    }

    #[test]
    fn excel_rows_with_crlf_and_a_trailing_line_break() {
        assert_eq!(parse_block("1\t2\t3\r\n4\t5\t6\r\n"), block(&[&["1", "2", "3"], &["4", "5", "6"]]));
    }

    #[test]
    fn lf_cr_and_no_trailing_break() {
        assert_eq!(parse_block("1\t2\n3\t4"), block(&[&["1", "2"], &["3", "4"]]));
        assert_eq!(parse_block("1\r2\r"), block(&[&["1"], &["2"]]));
    }

    #[test]
    fn empty_cells_are_kept_in_place() {
        assert_eq!(parse_block("\t2\t\r\n\t\t\r\n"), block(&[&["", "2", ""], &["", "", ""]]));
        assert_eq!(parse_block("\r\n5\r\n"), block(&[&[""], &["5"]]));
    }

    #[test]
    fn quoted_cells_hold_tabs_line_breaks_and_quotes() {
        let text = "\"a\tb\"\t\"line 1\r\nline 2\"\t\"say \"\"hi\"\"\"\r\n7\t8\t9\r\n";
        assert_eq!(
            parse_block(text),
            block(&[&["a\tb", "line 1\r\nline 2", "say \"hi\""], &["7", "8", "9"]])
        );
    }

    #[test]
    fn a_stray_quote_is_text() {
        assert_eq!(parse_block("\"12\t3"), block(&[&["\"12", "3"]]));
        assert_eq!(parse_block("\"12\"x\t3"), block(&[&["\"12\"x", "3"]]));
        assert_eq!(parse_block("1\"2\t3"), block(&[&["1\"2", "3"]]));
    }

    #[test]
    fn ragged_rows_and_empty_text() {
        assert_eq!(parse_block("1\t2\t3\r\n4\r\n"), block(&[&["1", "2", "3"], &["4"]]));
        assert!(parse_block("").is_empty());
        assert_eq!(parse_block("\r\n"), block(&[&[""]]));
    }

    #[test]
    fn single_values_and_blocks() {
        assert!(!is_block("12"));
        assert!(is_block("12\r\n"));
        assert!(is_block("1\t2"));
        assert!(is_block("1\n2"));
        assert!(!is_block("\"a\nb\""));
    }

    #[test]
    fn non_ascii_text_is_kept_whole() {
        assert_eq!(parse_block("１，２００\t—\r\n"), block(&[&["１，２００", "—"]]));
        assert_eq!(parse_block("\"总计\"\t合计"), block(&[&["总计", "合计"]]));
    }
}
