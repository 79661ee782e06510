//! Page-wide keys: Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo, over every edit
//! (the browser's own per-field undo would disagree with the report's
//! history, so it is replaced). Also: moving the focus ends a typing step.

use leptos::ev;
use leptos::prelude::*;

use crate::dom::listen;
use crate::state::ui::Ui;
use crate::state::EditorState;

pub fn install(state: EditorState) {
    listen(&window(), ev::keydown, move |e| {
        if e.is_composing() || e.key_code() == 229 || !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let key = e.key();
        let is = |letter: &str| key.eq_ignore_ascii_case(letter);
        if is("y") || (is("z") && e.shift_key()) {
            e.prevent_default();
            state.redo();
        } else if is("z") {
            e.prevent_default();
            state.undo();
        }
    })
    .keep();
    listen(&window(), ev::focusin, move |_| state.seal()).keep();
}

/// The preview is what prints: build it before the browser prints (Ctrl+P
/// fires `beforeprint`), and anyway once the page has been idle a while, out
/// of the way of the first keystrokes.
pub fn prepare_printing(ui: Ui) {
    listen(&window(), ev::beforeprint, move |_| {
        ui.build_preview();
        ui.printing.set(true);
    })
    .keep();
    listen(&window(), ev::afterprint, move |_| ui.printing.set(false)).keep();
    set_timeout(move || request_idle_callback(move || ui.build_preview()), std::time::Duration::from_secs(3));
}
