//! One row of a table grid: its label cells and input cells.
//!
//! The row derives, in one memo, what each of its input cells shows (text
//! with computed totals, read-only state, check highlight), and one effect
//! paints the cells whose view changed. See [`super::grid_cell`] for why.

use leptos::prelude::*;
use xxgk_core::format::{CellContent, FieldKey, GridCell as SpecCell, TableSpec};
use xxgk_core::totals;

use super::grid_cell::{paint, CellRefs, CellView, GridCell};
use super::table_grid::{label_class, label_scope};
use crate::state::use_editor;

/// The input cells of a grid row, in order.
pub fn field_keys(cells: &[SpecCell]) -> Vec<FieldKey> {
    cells
        .iter()
        .filter_map(|c| match c.content {
            CellContent::Field(key) => Some(key),
            CellContent::Label(_) => None,
        })
        .collect()
}

#[component]
pub fn GridRow(spec: &'static TableSpec, cells: &'static [SpecCell]) -> impl IntoView {
    let state = use_editor();
    let fields: Vec<_> = field_keys(cells).into_iter().filter_map(|key| spec.field(key)).collect();
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

    let mut next = fields.iter().zip(refs);
    let row = cells
        .iter()
        .map(|cell| match &cell.content {
            CellContent::Label(label) => view! {
                <th colspan=cell.col_span rowspan=cell.row_span class=label_class(label.style) scope=label_scope(label.style)>
                    {label.text}
                </th>
            }
            .into_any(),
            CellContent::Field(_) => match next.next() {
                Some((field, refs)) => {
                    view! { <GridCell field=field refs=refs col=cell.col col_span=cell.col_span /> }.into_any()
                }
                None => view! { <td colspan=cell.col_span></td> }.into_any(),
            },
        })
        .collect_view();
    view! { <tr>{row}</tr> }
}
