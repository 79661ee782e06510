//! One row of a table grid: its label cells and input cells (markup only).
//!
//! What the input cells show is painted by their table ([`super::grid_cell::follow`]): one
//! reactive node per table rather than per row or per cell, so a keystroke costs the same
//! whatever the size of the tables.

use leptos::prelude::*;
use xxgk_core::format::{FieldSpec, TableSpec};

use super::grid_cell::{CellRefs, GridCell};
use super::table_markup::row_cells;

/// Grid row `row` of `spec`, with the elements of its input cells in `cells`, in order.
#[component]
pub fn GridRow(
    spec: &'static TableSpec,
    row: usize,
    cells: Vec<(&'static FieldSpec, CellRefs)>,
) -> impl IntoView {
    let mut next = cells.into_iter();
    let row = row_cells(&spec.rows[row], move |cell, _| match next.next() {
        Some((field, refs)) => {
            view! { <GridCell field=field refs=refs col=cell.col col_span=cell.col_span /> }.into_any()
        }
        None => view! { <td colspan=cell.col_span></td> }.into_any(),
    });
    view! { <tr>{row}</tr> }
}
