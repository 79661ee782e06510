//! The markup every drawing of an official table shares, from its
//! [`TableSpec`](xxgk_core::format::TableSpec): column widths, and label cells with their merges, style
//! and header scope. The input grid draws from here; the preview, which
//! draws the core's outline, takes its label classes from here too.

use leptos::prelude::*;
use xxgk_core::format::{CellContent, FieldKey, GridCell, LabelStyle};

/// The column widths (any unit), as shares of the table width.
pub fn col_group(widths: &[u32]) -> impl IntoView {
    let total: u32 = widths.iter().sum::<u32>().max(1);
    let cols = widths
        .iter()
        .map(|w| {
            // Hundredths of a percent, in integers (no float formatting in the wasm).
            let share = w * 10_000 / total;
            // Set through the CSSOM (style.setProperty), which the CSP allows without style-src-attr.
            view! { <col style:width=format!("{}.{:02}%", share / 100, share % 100) /> }
        })
        .collect_view();
    view! { <colgroup>{cols}</colgroup> }
}

/// A grid row's cells: each label as a `<th>` with its merges, class and
/// scope; each input drawn by `input`, given the cell and its key.
pub fn row_cells(
    cells: &'static [GridCell],
    mut input: impl FnMut(&'static GridCell, FieldKey) -> AnyView,
) -> AnyView {
    cells
        .iter()
        .map(|cell| match &cell.content {
            CellContent::Label(label) => view! {
                <th colspan=cell.col_span rowspan=cell.row_span class=label_class(label.style) scope=label_scope(label.style)>
                    {label.text}
                </th>
            }
            .into_any(),
            CellContent::Field(key) => input(cell, *key),
        })
        .collect_view()
        .into_any()
}

/// CSS class of a label cell.
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
