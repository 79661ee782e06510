//! Saving within half a second of the last edit, and at once when the page
//! is hidden or closed (a clerk closes the window mid-sentence).

use std::time::Duration;

use leptos::ev;
use leptos::leptos_dom::helpers::set_timeout_with_handle;
use leptos::prelude::*;

use super::{Drafts, SaveStatus};
use crate::dom::listen;

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
    listen(&document(), ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            drafts.save_now();
        }
    })
    .keep();
    listen(&window(), ev::pagehide, move |_| drafts.save_now()).keep();
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
