//! A button that opens the browser's file picker. The picker's own input
//! stays hidden (its look differs in every browser); it is emptied after each
//! choice so that the same file can be chosen again.

use leptos::prelude::*;
use web_sys::{File, HtmlInputElement};

use crate::storage::files;

#[component]
pub fn FileButton(
    /// The button's words.
    label: &'static str,
    /// The picker's file types, e.g. ".docx,.html".
    accept: &'static str,
    /// What the hidden input is called for assistive technology.
    aria_label: &'static str,
    test_id: &'static str,
    /// Gets the chosen files (at least one).
    on_files: impl Fn(Vec<File>) + 'static,
    #[prop(optional)] multiple: bool,
    #[prop(optional)] title: Option<&'static str>,
) -> impl IntoView {
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let el: HtmlInputElement = el;
        let chosen = files::list(el.files());
        el.set_value("");
        if !chosen.is_empty() {
            on_files(chosen);
        }
    };
    let open = move |_| {
        if let Some(el) = input.get_untracked() {
            el.click();
        }
    };
    view! {
        <button type="button" on:click=open title=title>
            {label}
        </button>
        <input
            node_ref=input
            type="file"
            accept=accept
            multiple=multiple
            class="hidden"
            data-testid=test_id
            aria-label=aria_label
            on:change=on_change
        />
    }
}
