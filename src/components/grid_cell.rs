//! The input cells of a table: static markup (`crate::grid::markup`), updated in place by their
//! table.
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
use xxgk_core::format::{FieldSpec, TableSpec};
use xxgk_core::value;

use crate::grid::markup::INPUT_CELL_CLASS;
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

/// The elements of one input cell, found in the table's markup ([`crate::grid::markup`]). Its
/// message element is made by [`paint`] the first time the cell holds an invalid value: start-up
/// creates two elements per cell, not three.
pub struct CellElements {
    td: HtmlElement,
    input: HtmlInputElement,
}

/// The input cells of `table`, in document order (which is the order of its spec's fields).
fn cell_elements(table: &HtmlElement) -> Vec<CellElements> {
    let Ok(tds) = table.query_selector_all(&format!("td.{INPUT_CELL_CLASS}")) else {
        return Vec::new();
    };
    (0..tds.length())
        .filter_map(|i| {
            let td: HtmlElement = tds.item(i)?.dyn_into().ok()?;
            let input: HtmlInputElement = td.first_element_child()?.dyn_into().ok()?;
            Some(CellElements { td, input })
        })
        .collect()
}

/// Keeps the input cells of `spec`'s table (the element `table`, drawn from its markup) in line
/// with the report: on every change, one pass derives each cell's view and paints the cells whose
/// view differs from what they show.
pub fn follow(spec: &'static TableSpec, table: NodeRef<html::Table>) {
    if spec.fields.is_empty() {
        return;
    }
    let state = use_editor();
    // The effect's state: the cells' elements beside what each shows. The elements are looked up
    // by the first run that finds the table built (effects run after the view is built, so that
    // is the first run; a run before it would find none and leave the lookup to the next).
    Effect::new(move |painted: Option<(Vec<CellElements>, Vec<CellView>)>| {
        let locked = state.read_only().get();
        let (mut cells, mut shown) = painted.unwrap_or_default();
        let first = cells.is_empty();
        if first {
            cells = table.get_untracked().map(|t| cell_elements(&t)).unwrap_or_default();
            shown = vec![CellView::default(); cells.len()];
        }
        state.marks.with(|marks| {
            state.totals.with(|totals| {
                state.report().with(|r| {
                    for ((was, field), cell) in shown.iter_mut().zip(&spec.fields).zip(&cells) {
                        let total = totals.text(r, field.key);
                        let computed = total.is_some();
                        let text = total.or(r.raw(field.key)).unwrap_or_default();
                        let mark = marks.get(field.key);
                        // Compared before anything is allocated: most cells are as they were.
                        let same = was.text == text && was.computed == computed && was.mark == mark;
                        if !first && same && was.locked == locked {
                            continue;
                        }
                        let view = CellView { text: text.to_string(), computed, mark, locked };
                        paint(field, cell, &view, (!first).then_some(&*was));
                        *was = view;
                    }
                })
            })
        });
        (cells, shown)
    });
}

/// Brings a cell's elements in line with `view`, touching only what differs
/// from `before` (what was painted last; `None` the first time). The `value`
/// property is set as `prop:value` would, but only when it differs from what
/// is shown, so the caret of the cell being typed into never moves.
pub fn paint(field: &FieldSpec, cell: &CellElements, view: &CellView, before: Option<&CellView>) {
    let CellElements { td, input } = cell;
    let changed = |aspect: fn(&CellView) -> bool| before.is_none_or(|b| aspect(b) != aspect(view));
    let text_changed = before.is_none_or(|b| b.text != view.text);
    let classes = td.class_list();
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
        let message = match (&problem, message_of(td)) {
            (_, Some(message)) => Some(message),
            (Some(_), None) => new_message(td, field),
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
