//! One input cell of a table: static markup, updated in place by its table.
//!
//! A cell shows exactly what was typed (or, for a computed total, the
//! computed value, read-only), the core's message when the text is not a
//! valid number, and the highlight of the worst failing check it takes part
//! in. Its table [`follow`]s the report: one effect derives what each cell
//! shows and [`paint`]s only the cells whose view changed. One reactive node
//! per table rather than a dozen per cell (or one memo and one effect per
//! row, which cost more in subscriber bookkeeping than the views themselves:
//! bench/README.md), so a keystroke touches only the cells that change.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use xxgk_core::format::FieldSpec;
use xxgk_core::{totals, value};

use crate::state::{use_editor, Mark};

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

/// The elements of one cell, for [`paint`]. Its message element is made by [`paint`] the first
/// time the cell holds an invalid value: start-up creates two elements per cell, not three.
#[derive(Clone, Copy)]
pub struct CellRefs {
    pub td: NodeRef<html::Td>,
    pub input: NodeRef<html::Input>,
}

impl CellRefs {
    pub fn new() -> CellRefs {
        CellRefs { td: NodeRef::new(), input: NodeRef::new() }
    }
}

#[component]
pub fn GridCell(field: &'static FieldSpec, refs: CellRefs, col: usize, col_span: usize) -> impl IntoView {
    // An input's type is text by default: one attribute less to write per cell at start-up.
    view! {
        <td node_ref=refs.td colspan=col_span data-col=col class="cell">
            <input
                node_ref=refs.input
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                data-field=field.key.path()
                aria-label=field.accessible_label()
            />
        </td>
    }
}

/// Keeps the input cells of one table (`cells`, with their elements) in line with the report:
/// on every change, one pass derives each cell's view and paints the cells whose view differs
/// from what they show.
pub fn follow(cells: Vec<(&'static FieldSpec, CellRefs)>) {
    if cells.is_empty() {
        return;
    }
    let state = use_editor();
    Effect::new(move |painted: Option<Vec<CellView>>| {
        let locked = state.read_only().get();
        let first = painted.is_none();
        let mut shown = painted.unwrap_or_else(|| vec![CellView::default(); cells.len()]);
        state.marks.with(|marks| {
            state.with_totals.with(|r| {
                for (was, (field, refs)) in shown.iter_mut().zip(&cells) {
                    let text = r.raw(field.key).unwrap_or_default();
                    let computed = totals::is_computed(r, field.key);
                    let mark = marks.get(field.key);
                    // Compared before anything is allocated: most cells are as they were.
                    let same = was.text == text && was.computed == computed && was.mark == mark;
                    if !first && same && was.locked == locked {
                        continue;
                    }
                    let view = CellView { text: text.to_string(), computed, mark, locked };
                    paint(field, *refs, &view, (!first).then_some(&*was));
                    *was = view;
                }
            })
        });
        shown
    });
}

/// Brings a cell's elements in line with `view`, touching only what differs
/// from `before` (what was painted last; `None` the first time). The `value`
/// property is set as `prop:value` would, but only when it differs from what
/// is shown, so the caret of the cell being typed into never moves.
pub fn paint(field: &FieldSpec, refs: CellRefs, view: &CellView, before: Option<&CellView>) {
    let (Some(td), Some(input)) = (refs.td.get_untracked(), refs.input.get_untracked()) else {
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
        let message = match (&problem, message_of(&td)) {
            (_, Some(message)) => Some(message),
            (Some(_), None) => new_message(&td, field),
            (None, None) => None,
        };
        if let Some(message) = message {
            let message_id = message.id();
            set_attribute(input, "aria-describedby", problem.is_some().then_some(message_id.as_str()));
            message.set_hidden(problem.is_none());
            message.set_text_content(problem.as_deref());
        }
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

/// The cell's message element, once made.
fn message_of(td: &HtmlElement) -> Option<HtmlElement> {
    td.last_element_child().filter(|e| e.class_name() == MESSAGE_CLASS).and_then(|e| e.dyn_into().ok())
}

/// Makes the message element of a cell: under the cell, shown while the cell has the focus or the
/// pointer (style/main.css), announced by screen readers when it appears.
fn new_message(td: &HtmlElement, field: &FieldSpec) -> Option<HtmlElement> {
    let message: HtmlElement = document().create_element("div").ok()?.dyn_into().ok()?;
    message.set_class_name(MESSAGE_CLASS);
    message.set_id(&format!("msg-{}", field.key.path()));
    let _ = message.set_attribute("role", "alert");
    td.append_child(&message).ok()?;
    Some(message)
}

const MESSAGE_CLASS: &str = "cell-msg";

fn set_attribute(element: &HtmlElement, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => element.set_attribute(name, v),
        None => element.remove_attribute(name),
    };
}
