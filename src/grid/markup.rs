//! A table's rows as one HTML string, from its [`TableSpec`]: label cells with their merges,
//! class and header scope, and the input cells.
//!
//! The grid is built by the browser's HTML parser from this string (one `innerHTML` per
//! `<thead>` and `<tbody>`) rather than element by element from the wasm: at start-up the
//! element-by-element mount of some 200 input cells, each with five attributes whose values
//! crossed from Rust to JS one call at a time, was the largest part of the mount
//! (bench/README.md). What the cells show is then painted in place (`grid_cell::follow`).

use std::ops::Range;

use html_escape::{encode_double_quoted_attribute_to_string, encode_text_to_string};
use xxgk_core::format::{CellContent, FieldSpec, GridCell, LabelStyle, TableSpec};

/// The class of an input cell's `<td>`; its `<input>` is its first child.
pub const INPUT_CELL_CLASS: &str = "cell";

/// The markup of grid rows `rows` of `spec`, one `<tr>` each. The inputs come in the order of
/// `spec.fields` (reading order), which is the order the page finds them in.
pub fn rows_markup(spec: &TableSpec, rows: Range<usize>) -> String {
    let mut html = String::new();
    for row in spec.rows.get(rows).unwrap_or_default() {
        html.push_str("<tr>");
        for cell in row {
            cell_markup(spec, cell, &mut html);
        }
        html.push_str("</tr>");
    }
    html
}

fn cell_markup(spec: &TableSpec, cell: &GridCell, html: &mut String) {
    match &cell.content {
        CellContent::Label(label) => {
            html.push_str("<th");
            spans(cell, html);
            html.push_str(" class=\"");
            html.push_str(label_class(label.style));
            html.push('"');
            if let Some(scope) = label_scope(label.style) {
                html.push_str(" scope=\"");
                html.push_str(scope);
                html.push('"');
            }
            html.push('>');
            encode_text_to_string(label.text, html);
            html.push_str("</th>");
        }
        CellContent::Field(key) => {
            html.push_str("<td");
            spans(cell, html);
            match spec.field(*key) {
                Some(field) => input_markup(field, html),
                None => html.push('>'),
            }
            html.push_str("</td>");
        }
    }
}

/// An input cell's class and its `<input>` (an input's type is text by default: no attribute).
fn input_markup(field: &FieldSpec, html: &mut String) {
    html.push_str(" class=\"");
    html.push_str(INPUT_CELL_CLASS);
    html.push_str("\"><input inputmode=\"decimal\" autocomplete=\"off\" spellcheck=\"false\" data-field=\"");
    encode_double_quoted_attribute_to_string(field.key.path(), html);
    html.push_str("\" aria-label=\"");
    encode_double_quoted_attribute_to_string(field.accessible_label(), html);
    html.push_str("\">");
}

/// `colspan` and `rowspan`, where they are not 1.
fn spans(cell: &GridCell, html: &mut String) {
    for (name, span) in [("colspan", cell.col_span), ("rowspan", cell.row_span)] {
        if span != 1 {
            html.push_str(&format!(" {name}=\"{span}\""));
        }
    }
}

/// CSS class of a label cell (the grid's and the preview's).
pub fn label_class(style: LabelStyle) -> &'static str {
    match style {
        LabelStyle::ColumnHeader => "lbl lbl-col",
        LabelStyle::RowHeader => "lbl lbl-row",
        LabelStyle::RowGroup => "lbl lbl-group",
        LabelStyle::Vertical => "lbl lbl-vertical",
        LabelStyle::Band => "lbl lbl-band",
        LabelStyle::Note => "lbl lbl-note",
    }
}

fn label_scope(style: LabelStyle) -> Option<&'static str> {
    match style {
        LabelStyle::ColumnHeader => Some("col"),
        LabelStyle::RowHeader => Some("row"),
        LabelStyle::RowGroup | LabelStyle::Vertical => Some("rowgroup"),
        LabelStyle::Band => Some("colgroup"),
        LabelStyle::Note => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use xxgk_core::format::{format, FormatVersion};

    fn all_tables() -> impl Iterator<Item = &'static TableSpec> {
        [FormatVersion::Trial2019, FormatVersion::Official2021].into_iter().flat_map(|v| format(v).tables())
    }

    fn whole(spec: &TableSpec) -> String {
        rows_markup(spec, 0..spec.grid_rows())
    }

    /// The values of `attr="…"` in `html`, in order.
    fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
        let needle = format!(" {attr}=\"");
        html.match_indices(&needle)
            .map(|(at, _)| {
                let rest = &html[at + needle.len()..];
                &rest[..rest.find('"').unwrap()]
            })
            .collect()
    }

    #[test]
    fn the_inputs_come_in_the_order_of_the_fields() {
        for spec in all_tables() {
            let paths: Vec<String> = spec.fields.iter().map(|f| f.key.path()).collect();
            assert_eq!(attribute_values(&whole(spec), "data-field"), paths, "{:?}", spec.id);
        }
    }

    #[test]
    fn every_grid_cell_is_drawn_once_with_its_merges() {
        for spec in all_tables() {
            let html = whole(spec);
            assert_eq!(html.matches("<tr>").count(), spec.grid_rows());
            let cells = spec.cells().count();
            assert_eq!(html.matches("<th").count() + html.matches("<td").count(), cells, "{:?}", spec.id);
            let merged = spec.cells().filter(|c| c.col_span != 1).count();
            assert_eq!(attribute_values(&html, "colspan").len(), merged);
            let tall = spec.cells().filter(|c| c.row_span != 1).count();
            assert_eq!(attribute_values(&html, "rowspan").len(), tall);
        }
    }

    #[test]
    fn labels_are_written_verbatim_and_escaped() {
        for spec in all_tables() {
            let html = whole(spec);
            for cell in spec.cells() {
                if let CellContent::Label(label) = &cell.content {
                    assert!(html.contains(&*html_escape::encode_text(label.text)), "{}", label.text);
                }
            }
        }
        let mut html = String::new();
        encode_text_to_string("a<b & \"c\"", &mut html);
        assert_eq!(html, "a&lt;b &amp; \"c\"");
    }

    #[test]
    fn the_header_and_the_body_split_the_rows() {
        for spec in all_tables() {
            let head = rows_markup(spec, 0..spec.header_rows);
            let body = rows_markup(spec, spec.header_rows..spec.grid_rows());
            assert_eq!(head + &body, whole(spec));
            assert!(rows_markup(spec, spec.grid_rows()..spec.grid_rows() + 3).is_empty());
        }
    }
}
