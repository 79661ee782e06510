//! One input cell of a table: static markup, updated in place by its row.
//!
//! A cell shows exactly what was typed (or, for a computed total, the
//! computed value, read-only), the core's message when the text is not a
//! valid number, and the highlight of the worst failing check it takes part
//! in. Its row ([`super::grid_row`]) derives what each cell shows and, when
//! that changes, [`paint`]s only the cells that changed: one memo and one
//! effect per row rather than a dozen reactive nodes per cell, so a keystroke
//! costs the same whatever the size of the tables.

use leptos::html;
use leptos::prelude::*;
use web_sys::{HtmlElement, HtmlInputElement};
use xxgk_core::format::FieldSpec;
use xxgk_core::value;

use crate::state::Mark;

/// What an input cell shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellView {
    /// As typed, or the computed total.
    pub text: String,
    /// A computed total (read-only).
    pub computed: bool,
    /// The worst failing check the cell takes part in.
    pub mark: Option<Mark>,
    /// The whole editor is read-only.
    pub locked: bool,
}

/// The elements of one cell, for [`paint`].
#[derive(Clone, Copy)]
pub struct CellRefs {
    pub td: NodeRef<html::Td>,
    pub input: NodeRef<html::Input>,
    pub message: NodeRef<html::Div>,
}

impl CellRefs {
    pub fn new() -> CellRefs {
        CellRefs { td: NodeRef::new(), input: NodeRef::new(), message: NodeRef::new() }
    }
}

#[component]
pub fn GridCell(field: &'static FieldSpec, refs: CellRefs, col: usize, col_span: usize) -> impl IntoView {
    let path = field.key.path();
    view! {
        <td node_ref=refs.td colspan=col_span data-col=col class="cell">
            <input
                node_ref=refs.input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                data-field=path.clone()
                aria-label=field.accessible_label()
            />
            <div node_ref=refs.message class="cell-msg" id=format!("msg-{path}") role="alert" hidden></div>
        </td>
    }
}

/// Brings a cell's elements in line with `view`, touching only what differs
/// from `before` (what was painted last; `None` the first time). The `value`
/// property is set as `prop:value` would, but only when it differs from what
/// is shown, so the caret of the cell being typed into never moves.
pub fn paint(field: &FieldSpec, refs: CellRefs, view: &CellView, before: Option<&CellView>) {
    let (Some(td), Some(input), Some(message)) =
        (refs.td.get_untracked(), refs.input.get_untracked(), refs.message.get_untracked())
    else {
        return;
    };
    let changed = |aspect: fn(&CellView) -> bool| before.is_none_or(|b| aspect(b) != aspect(view));
    let text_changed = before.is_none_or(|b| b.text != view.text);
    let classes = td.class_list();
    let input: &HtmlInputElement = &input;
    if text_changed || changed(|v| v.computed) {
        if input.value() != view.text {
            input.set_value(&view.text);
        }
        let problem = if view.computed {
            None
        } else {
            value::parse(field.kind, &view.text).err().map(|e| e.message())
        };
        let _ = classes.toggle_with_force("invalid", problem.is_some());
        set_attribute(input, "aria-invalid", problem.is_some().then_some("true"));
        let message_id = message.id();
        set_attribute(input, "aria-describedby", problem.is_some().then_some(message_id.as_str()));
        let message: &HtmlElement = &message;
        message.set_hidden(problem.is_none());
        message.set_text_content(problem.as_deref());
    }
    if changed(|v| v.computed) {
        let _ = classes.toggle_with_force("computed", view.computed);
        set_attribute(input, "tabindex", view.computed.then_some("-1"));
        set_attribute(input, "title", view.computed.then_some("自动计算：由同行或同列各项相加得出"));
    }
    if changed(|v| v.computed) || changed(|v| v.locked) {
        input.set_read_only(view.computed || view.locked);
    }
    if changed(|v| v.mark == Some(Mark::Error)) {
        let _ = classes.toggle_with_force(Mark::Error.class(), view.mark == Some(Mark::Error));
    }
    if changed(|v| v.mark == Some(Mark::Warning)) {
        let _ = classes.toggle_with_force(Mark::Warning.class(), view.mark == Some(Mark::Warning));
    }
}

fn set_attribute(element: &HtmlElement, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => element.set_attribute(name, v),
        None => element.remove_attribute(name),
    };
}
