//! One row of a table grid: its label cells and input cells.
//!
//! The row derives, in one memo, what each of its input cells shows (text
//! with computed totals, read-only state, check highlight), and one effect
//! paints the cells whose view changed. See [`super::grid_cell`] for why.

use leptos::prelude::*;
use xxgk_core::format::{FieldKey, TableSpec};
use xxgk_core::totals;

use super::grid_cell::{paint, CellRefs, CellView, GridCell};
use super::table_markup::row_cells;
use crate::state::use_editor;

/// Grid row `row` of `spec`.
#[component]
pub fn GridRow(spec: &'static TableSpec, row: usize) -> impl IntoView {
    let state = use_editor();
    let fields: Vec<_> = spec.row_fields(row).filter_map(|key| spec.field(key)).collect();
    let refs: Vec<CellRefs> = fields.iter().map(|_| CellRefs::new()).collect();

    if !fields.is_empty() {
        let keys: Vec<FieldKey> = fields.iter().map(|f| f.key).collect();
        let views = Memo::new(move |_| {
            let locked = state.read_only().get();
            state.marks.with(|marks| {
                state.with_totals.with(|r| {
                    keys.iter()
                        .map(|&key| CellView {
                            text: r.raw(key).unwrap_or_default().to_string(),
                            computed: totals::is_computed(r, key),
                            mark: marks.get(key),
                            locked,
                        })
                        .collect::<Vec<_>>()
                })
            })
        });
        let (fields, refs) = (fields.clone(), refs.clone());
        Effect::new(move |painted: Option<Vec<CellView>>| {
            views.with(|now| {
                for (i, view) in now.iter().enumerate() {
                    let before = painted.as_ref().and_then(|p| p.get(i));
                    if before != Some(view) {
                        paint(fields[i], refs[i], view, before);
                    }
                }
                now.clone()
            })
        });
    }

    let mut next = fields.into_iter().zip(refs);
    let row = row_cells(&spec.rows[row], move |cell, _| match next.next() {
        Some((field, refs)) => {
            view! { <GridCell field=field refs=refs col=cell.col col_span=cell.col_span /> }.into_any()
        }
        None => view! { <td colspan=cell.col_span></td> }.into_any(),
    });
    view! { <tr>{row}</tr> }
}
