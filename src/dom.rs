//! Small DOM helpers shared by the components: cells, focus, event listeners
//! and downloads (`download.rs`).

use std::borrow::Cow;

use leptos::ev::EventDescriptor;
use leptos::prelude::{document, StoredValue};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{
    Event, EventTarget, HtmlElement, HtmlInputElement, InputEvent, ScrollBehavior, ScrollIntoViewOptions,
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

/// An event listener, removed when this value is dropped.
///
/// The one way `src/` holds a listener, so that how long it lives is always
/// visible and never an accident: whoever needs it owns the value. A
/// component hands it to its reactive owner with [`Listener::keep`], and it
/// goes when the component does (the root's stay as long as the page: the app
/// is never unmounted); the DOCX client keeps its worker's in itself, and they
/// go with the worker. No handle is leaked with `forget` or dropped by `let _`
/// in the hope that dropping does nothing.
#[must_use = "a listener is removed as soon as it is dropped: keep it, or call `keep()`"]
pub struct Listener {
    target: EventTarget,
    name: Cow<'static, str>,
    callback: Closure<dyn FnMut(Event)>,
}

/// Listens to `event` on `target` until the returned [`Listener`] is dropped.
pub fn listen<E>(target: &EventTarget, event: E, mut handler: impl FnMut(E::EventType) + 'static) -> Listener
where
    E: EventDescriptor,
    E::EventType: JsCast,
{
    let callback = Closure::<dyn FnMut(Event)>::new(move |e: Event| handler(e.unchecked_into()));
    let name = event.name();
    let _ = target.add_event_listener_with_callback(&name, callback.as_ref().unchecked_ref());
    Listener { target: target.clone(), name, callback }
}

impl Listener {
    /// Keeps the listener as long as the current reactive owner lives (with
    /// no owner, e.g. in a browser callback, as long as the page).
    pub fn keep(self) {
        StoredValue::new_local(self);
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(&self.name, self.callback.as_ref().unchecked_ref());
    }
}

// Downloads live in their own file, which the 汇总 page's wasm includes too.
#[path = "download.rs"]
mod download;
pub use download::download;
