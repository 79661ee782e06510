//! Last year's text of a narrative section, read-only beside the new one,
//! for a report started from last year's: to consult, not to copy.

use leptos::prelude::*;
use xxgk_core::format::NarrativeKey;

use crate::storage::use_drafts;

#[component]
pub fn LastYearText(key: NarrativeKey) -> impl IntoView {
    let drafts = use_drafts();
    let reference = Memo::new(move |_| {
        drafts.meta.with(|meta| {
            let reference = meta.reference.as_ref()?;
            let text = reference.sections.get(key).trim();
            (!text.is_empty()).then(|| (reference.year, text.to_string()))
        })
    });
    move || {
        reference.get().map(|(year, text)| {
            view! {
                <details class="last-year-text" open data-testid="last-year-text">
                    <summary>{format!("{year}年报告的原文（只读，仅供对照，请勿照搬）")}</summary>
                    <div class="last-year-body" aria-readonly="true">{text}</div>
                </details>
            }
        })
    }
}
