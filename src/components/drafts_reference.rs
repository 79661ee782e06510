//! Last year's text of a narrative part, read-only beside the new one, for a
//! report started from last year's: to consult, not to copy.

use leptos::prelude::*;
use xxgk_core::format::NarrativeKey;
use xxgk_core::storage::NarrativeReference;

use crate::storage::use_drafts;

/// Beside the sections 一, 五 and 六.
#[component]
pub fn LastYearText(key: NarrativeKey) -> impl IntoView {
    reference(move |r| r.sections.get(key))
}

/// Beside the opening paragraph.
#[component]
pub fn LastYearPreamble() -> impl IntoView {
    reference(|r| &r.preamble)
}

fn reference(pick: impl Fn(&NarrativeReference) -> &str + Send + Sync + 'static) -> impl IntoView {
    let drafts = use_drafts();
    let shown = Memo::new(move |_| {
        drafts.session.meta.with(|meta| {
            let reference = meta.reference.as_ref()?;
            let text = pick(reference).trim();
            (!text.is_empty()).then(|| (reference.year, text.to_string()))
        })
    });
    move || {
        shown.get().map(|(year, text)| {
            view! {
                <details class="last-year-text" open data-testid="last-year-text">
                    <summary>{format!("{year}年报告的原文（只读，仅供对照，请勿照搬）")}</summary>
                    <div class="last-year-body" aria-readonly="true">{text}</div>
                </details>
            }
        })
    }
}
