//! Saving within half a second of the last edit, and at once when the page
//! is hidden or closed (a clerk closes the window mid-sentence).

use std::time::Duration;

use leptos::ev;
use leptos::leptos_dom::helpers::set_timeout_with_handle;
use leptos::prelude::*;

use super::session::Session;
use crate::dom::listen;

/// Quiet time after the last edit before writing: long enough not to write
/// on every keystroke, short enough to stay within the promised half second.
const DEBOUNCE: Duration = Duration::from_millis(300);

pub(super) fn install(session: Session) {
    let revision = session.editor().revision();
    Effect::new(move |_| {
        revision.track();
        if session.is_dirty() {
            schedule(session);
        }
    });
    // The page may be killed without notice once hidden (mobile, tab discarding).
    listen(&document(), ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            session.save_now();
        }
    })
    .keep();
    listen(&window(), ev::pagehide, move |_| session.save_now()).keep();
}

/// (Re)starts the autosave timer; nothing waits while the draft is held
/// (read-only, or changed in another window).
fn schedule(session: Session) {
    session.cancel_timer();
    if session.editor().locked().with_untracked(Option::is_some)
        || session.conflict.with_untracked(Option::is_some)
    {
        return;
    }
    let handle = set_timeout_with_handle(move || session.save_now(), DEBOUNCE).ok();
    session.set_timer(handle);
}
