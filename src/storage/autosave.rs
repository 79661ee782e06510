//! Saving within half a second of the last edit, and at once when the page
//! is hidden or closed (a clerk closes the window mid-sentence).

use std::time::Duration;

use leptos::ev;
use leptos::leptos_dom::helpers::{set_timeout_with_handle, window_event_listener};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::{Drafts, SaveStatus};

/// Quiet time after the last edit before writing: long enough not to write
/// on every keystroke, short enough to stay within the promised half second.
const DEBOUNCE: Duration = Duration::from_millis(300);

pub(super) fn install(drafts: Drafts) {
    let revision = drafts.editor.revision();
    Effect::new(move |_| {
        revision.track();
        if drafts.is_dirty() {
            drafts.schedule();
        }
    });
    // The page may be killed without notice once hidden (mobile, tab discarding).
    let flush = Closure::<dyn Fn()>::new(move || {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            drafts.save_now();
        }
    });
    let _ = document().add_event_listener_with_callback("visibilitychange", flush.as_ref().unchecked_ref());
    flush.forget();
    // Lives as long as the page: the app is never unmounted.
    std::mem::forget(window_event_listener(ev::pagehide, move |_| drafts.save_now()));
}

impl Drafts {
    /// (Re)starts the autosave timer.
    fn schedule(self) {
        self.cancel_timer();
        if self.read_only.with_untracked(Option::is_some) || self.conflict.with_untracked(Option::is_some) {
            return self.save_now();
        }
        // Keystrokes after the first leave the status as it is: nothing to re-render.
        if !matches!(self.status.get_untracked(), SaveStatus::Failed(_) | SaveStatus::Saving) {
            self.status.set(SaveStatus::Saving);
        }
        let handle = set_timeout_with_handle(move || self.save_now(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }
}
