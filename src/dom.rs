//! Small DOM helpers shared by the components.

use leptos::prelude::document;
use wasm_bindgen::JsCast;
use web_sys::{
    Event, HtmlElement, HtmlInputElement, InputEvent, ScrollBehavior, ScrollIntoViewOptions,
    ScrollLogicalPosition,
};
use xxgk_core::format::FieldKey;

/// The `<input>` an event happened on, if it was one.
pub fn target_input(ev: &Event) -> Option<HtmlInputElement> {
    ev.target()?.dyn_into::<HtmlInputElement>().ok()
}

/// Whether an `input` event is part of an IME composition (a Chinese input
/// method still choosing characters): its text is not final yet.
pub fn is_composing(ev: &Event) -> bool {
    ev.dyn_ref::<InputEvent>().is_some_and(InputEvent::is_composing)
}

/// The value of the input, textarea or select an event happened on.
pub fn target_value(ev: &Event) -> String {
    leptos::prelude::event_target_value(ev)
}

/// The input of a table cell, found by its `data-field` path.
pub fn cell_input(key: FieldKey) -> Option<HtmlInputElement> {
    let selector = format!("input[data-field=\"{}\"]", key.path());
    document().query_selector(&selector).ok()??.dyn_into::<HtmlInputElement>().ok()
}

/// Moves the focus to a cell with its content selected, so typing replaces it (as in Excel).
pub fn focus_cell(key: FieldKey) -> bool {
    let Some(input) = cell_input(key) else {
        return false;
    };
    let _ = input.focus();
    input.select();
    true
}

/// Scrolls a cell to the middle of the window, then focuses it.
pub fn reveal_cell(key: FieldKey) -> bool {
    let Some(input) = cell_input(key) else {
        return false;
    };
    scroll_to_center(&input);
    focus_cell(key)
}

pub fn scroll_to_center(element: &HtmlElement) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether the caret (or the selection) of `input` allows an arrow key to
/// leave the cell: the whole content is selected (the cell was just focused),
/// or the caret sits at the edge in that direction.
pub fn caret_at_edge(input: &HtmlInputElement, towards_end: bool) -> bool {
    let len = input.value().encode_utf16().count() as u32;
    let start = input.selection_start().ok().flatten().unwrap_or(0);
    let end = input.selection_end().ok().flatten().unwrap_or(0);
    if start == 0 && end == len {
        return true;
    }
    start == end && if towards_end { end == len } else { start == 0 }
}
