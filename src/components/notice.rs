//! The latest notice about something the user did (a paste, a year switch),
//! with a button to dismiss it.

use leptos::prelude::*;

use crate::state::ui::{use_ui, Tone};

#[component]
pub fn NoticeBar() -> impl IntoView {
    let ui = use_ui();
    move || {
        ui.notice.get().map(|notice| {
            let class = match notice.tone {
                Tone::Info => "notice notice-info",
                Tone::Warning => "notice notice-warning",
            };
            view! {
                <div class=class role="status">
                    <span class="notice-text">{notice.text}</span>
                    <button type="button" class="notice-close" aria-label="关闭提示" on:click=move |_| ui.notice.set(None)>
                        "×"
                    </button>
                </div>
            }
        })
    }
}
