//! Page-wide keys: Ctrl+Z undo, Ctrl+Y / Ctrl+Shift+Z redo, over every edit
//! (the browser's own per-field undo would disagree with the report's
//! history, so it is replaced). Also: moving the focus ends a typing step.

use leptos::ev;
use leptos::prelude::*;

use crate::state::EditorState;

pub fn install(state: EditorState) {
    // The handles live as long as the page.
    let _ = window_event_listener(ev::keydown, move |e| {
        if e.is_composing() || e.key_code() == 229 || !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let key = e.key().to_lowercase();
        let redo = key == "y" || (key == "z" && e.shift_key());
        if redo {
            e.prevent_default();
            state.redo();
        } else if key == "z" {
            e.prevent_default();
            state.undo();
        }
    });
    let _ = window_event_listener(ev::focusin, move |_| state.seal());
}
