//! The title bar shared by the drafts dialogs: a heading and a close button.

use leptos::prelude::*;

#[component]
pub fn DialogHead(title: &'static str, on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    view! {
        <div class="dialog-head">
            <h2>{title}</h2>
            <button type="button" class="notice-close" aria-label="关闭" on:click=move |_| on_close()>"×"</button>
        </div>
    }
}
