//! A statistical table drawn from its [`TableSpec`]: the official header
//! merges, label styles and input cells, with spreadsheet keys and paste.
//!
//! Keys (never while an input method is composing):
//! - arrows move between cells; left/right only when the whole cell is
//!   selected (just focused) or the caret is at that edge;
//! - Enter moves down, Shift+Enter up; Tab right (wrapping to the next row,
//!   passing over computed totals), Shift+Tab back;
//! - F2 puts the caret at the end to edit; Esc undoes the typing in the cell.
//!
//! Focusing a cell selects its content, so typing replaces it.

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, Event, HtmlInputElement, KeyboardEvent, MouseEvent};
use xxgk_core::format::{FieldKey, TableSpec};
use xxgk_core::{paste, totals};

use super::grid_cell::follow;
use super::table_markup::col_group;
use crate::dom::{caret_at_edge, focus_cell, is_composing, target_input};
use crate::grid::markup::rows_markup;
use crate::grid::{plan_paste, FieldLayout, Move};
use crate::state::ui::{use_ui, Tone};
use crate::state::use_editor;

#[component]
pub fn TableGrid(spec: &'static TableSpec) -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    let layout = StoredValue::new(FieldLayout::new(spec));
    let by_path: StoredValue<HashMap<String, FieldKey>> =
        StoredValue::new(spec.fields.iter().map(|f| (f.key.path(), f.key)).collect());
    // Between compositionstart and compositionend no key moves the focus.
    let composing = StoredValue::new(false);
    // The cell was focused by this mouse press: keep its content selected on release.
    let select_on_mouseup = StoredValue::new(false);
    // Something was typed since the cell got the focus (Esc undoes it).
    let typed = StoredValue::new(false);

    let cell_of = move |ev: &Event| -> Option<(HtmlInputElement, FieldKey)> {
        let input = target_input(ev)?;
        let path = input.get_attribute("data-field")?;
        let key = by_path.with_value(|m| m.get(&path).copied())?;
        Some((input, key))
    };
    let commit = move |ev: &Event| {
        if let Some((input, key)) = cell_of(ev) {
            typed.set_value(true);
            state.type_into(&key.path(), |r| r.replace_raw(key, &input.value()));
        }
    };
    let is_computed = move |key: FieldKey| state.report().with_untracked(|r| totals::is_computed(r, key));

    let on_keydown = move |ev: KeyboardEvent| {
        if composing.get_value() || ev.is_composing() || ev.key_code() == 229 {
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let Some((input, key)) = cell_of(&ev) else {
            return;
        };
        let shift = ev.shift_key();
        let target = layout.with_value(|l| match ev.key().as_str() {
            "ArrowUp" => Some(l.step(key, Move::Up)),
            "ArrowDown" => Some(l.step(key, Move::Down)),
            "ArrowLeft" if caret_at_edge(&input, false) => Some(l.step(key, Move::Left)),
            "ArrowRight" if caret_at_edge(&input, true) => Some(l.step(key, Move::Right)),
            "Enter" => Some(l.step(key, if shift { Move::Up } else { Move::Down })),
            "Tab" => l.next_in_reading_order(key, shift, is_computed).map(Some),
            _ => None,
        });
        match (target, ev.key().as_str()) {
            (Some(Some(next)), _) => {
                ev.prevent_default();
                focus_cell(next);
            }
            // At the table's edge the focus stays (Tab, without a next cell, leaves the table).
            (Some(None), _) => ev.prevent_default(),
            (None, "F2") => {
                ev.prevent_default();
                let end = input.value().encode_utf16().count() as u32;
                let _ = input.set_selection_range(end, end);
            }
            (None, "Escape") if typed.get_value() => {
                ev.prevent_default();
                state.undo();
                typed.set_value(false);
                input.select();
            }
            _ => {}
        }
    };

    let on_paste = move |ev: ClipboardEvent| {
        let Some((_, start)) = cell_of(&ev) else {
            return;
        };
        let Some(text) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else {
            return;
        };
        if !paste::is_block(&text) {
            return; // a single value is typed into the cell as the browser pastes it
        }
        ev.prevent_default();
        let block = paste::parse_block(&text);
        let plan = layout.with_value(|l| plan_paste(spec, l, start, &block, is_computed));
        state.edit(|r| {
            for (key, text) in &plan.writes {
                r.set_raw(*key, text);
            }
        });
        ui.notify(plan.message(), if plan.has_problems() { Tone::Warning } else { Tone::Info });
        focus_cell(start);
    };

    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some((input, _)) = cell_of(&ev) {
            typed.set_value(false);
            input.select();
        }
    };
    let on_mousedown = move |ev: MouseEvent| {
        if let Some((input, _)) = cell_of(&ev) {
            let focused =
                document().active_element().is_some_and(|a| a == *input.unchecked_ref::<web_sys::Element>());
            select_on_mouseup.set_value(!focused);
        }
    };
    let on_mouseup = move |ev: MouseEvent| {
        if select_on_mouseup.get_value() {
            select_on_mouseup.set_value(false);
            if let Some((input, _)) = cell_of(&ev) {
                ev.prevent_default();
                input.select();
            }
        }
    };

    // The rows come as markup, parsed by the browser (crate::grid::markup); the table paints
    // its input cells (grid_cell::follow).
    let table = NodeRef::<html::Table>::new();
    follow(spec, table);
    let head = rows_markup(spec, 0..spec.header_rows);
    let body = rows_markup(spec, spec.header_rows..spec.grid_rows());

    view! {
        <table
            node_ref=table
            class=format!("grid grid-{}", spec.id.key())
            on:keydown=on_keydown
            on:input=move |ev: Event| {
                if !composing.get_value() && !is_composing(&ev) {
                    commit(&ev);
                }
            }
            on:compositionstart=move |_| composing.set_value(true)
            on:compositionend=move |ev: web_sys::CompositionEvent| {
                composing.set_value(false);
                commit(&ev);
            }
            on:paste=on_paste
            on:focusin=on_focusin
            on:mousedown=on_mousedown
            on:mouseup=on_mouseup
        >
            {col_group(&spec.col_widths)}
            <thead inner_html=head></thead>
            <tbody inner_html=body></tbody>
        </table>
    }
}
