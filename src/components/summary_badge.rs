//! The badge at the top: 「3 处错误 · 1 处提醒」, 「5 项待填」 or 「全部通过」.
//! Cannot-judge checks (blank cells) count as 「待填」, never as passed.

use leptos::prelude::*;

use crate::state::use_editor;

#[component]
pub fn SummaryBadge() -> impl IntoView {
    let state = use_editor();
    let tally = state.tally;
    view! {
        <a
            href="#checks"
            class=move || tally.get().badge_class()
            role="status"
            aria-live="polite"
            data-errors=move || tally.get().errors
            data-warnings=move || tally.get().warnings
            data-pending=move || tally.get().pending
        >
            {move || tally.get().badge_text()}
        </a>
    }
}
