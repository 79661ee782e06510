//! 「已核实」 in the checks panel: a failing warning can be marked checked with
//! a short note (「已在第一部分说明清理情况」). Marked warnings leave the list
//! of failures and the badge, and are listed apart with their note; the mark
//! lapses by itself once a figure or the sentence it is about changes
//! (`xxgk_core::checks::verified`).
//!
//! On the first load: the button. In a chunk (lazy_view.rs): its form and
//! the group of marked warnings, which only a marked warning needs.

use leptos::prelude::*;
use xxgk_core::checks::{verified, CheckResult, Status, Verifier};

use super::lazy_view;
use crate::state::use_editor;

/// Longest note kept: a sentence, not a report.
const NOTE_MAX: usize = 100;

/// Under a failing warning: 「标记为已核实」, which asks for a note first.
#[component]
pub fn VerifyButton(result: Memo<CheckResult>) -> impl IntoView {
    let state = use_editor();
    let open = RwSignal::new(false);
    let closed = move || {
        view! {
            <button
                type="button"
                class="verify-open"
                disabled=move || state.read_only().get()
                on:click=move |_| open.set(true)
            >
                "标记为已核实"
            </button>
        }
    };
    view! {
        <div class="verify">
            <Show when=move || open.get() fallback=closed>
                {lazy_view::verify_form(result, open)}
            </Show>
        </div>
    }
}

/// The note and 「确定已核实」: marks the warning as its figures are now.
#[component]
pub fn VerifyForm(result: Memo<CheckResult>, open: RwSignal<bool>) -> impl IntoView {
    let state = use_editor();
    let note = RwSignal::new(String::new());
    let confirm = move || {
        let text: String = note.get_untracked().chars().take(NOTE_MAX).collect();
        state.edit(|r| {
            // The mark binds the figures as they are now, not as they were when the entry appeared.
            let mark = result.with_untracked(|res| Verifier::new(r).mark(res, &text));
            if let Some(mark) = mark {
                verified::set_mark(r, mark);
            }
        });
        open.set(false);
    };
    view! {
        <form
            class="verify-form"
            on:submit=move |ev| {
                ev.prevent_default();
                confirm();
            }
        >
            <input
                type="text"
                name="verify-note"
                aria-label="核实说明"
                placeholder="说明（可不填），如：已在第一部分说明清理情况"
                maxlength=NOTE_MAX.to_string()
                prop:value=move || note.get()
                on:input=move |ev| note.set(event_target_value(&ev))
            />
            <button type="submit">"确定已核实"</button>
            <button type="button" on:click=move |_| open.set(false)>
                "取消"
            </button>
        </form>
    }
}

/// The 已核实 group, when any warning is marked (its view is in a chunk).
#[component]
pub fn VerifiedFold() -> impl IntoView {
    let state = use_editor();
    view! { <Show when=move || state.verified.with(|v| !v.is_empty())>{lazy_view::verified_group()}</Show> }
}

/// The warnings marked 「已核实」, folded, each with its note and 「取消核实」.
#[component]
pub fn VerifiedGroup() -> impl IntoView {
    let state = use_editor();
    let items = Memo::new(move |_| {
        state.verified.with(|ids| {
            state.all_checks.with(|all| {
                all.iter()
                    .filter(|r| r.status == Status::Fail && ids.contains(&r.id))
                    .cloned()
                    .collect::<Vec<CheckResult>>()
            })
        })
    });
    view! {
        <details class="checks-group verified-group" class:hidden=move || items.with(Vec::is_empty)>
            <summary>{move || format!("已核实 {} 项（不计入提醒）", items.with(Vec::len))}</summary>
            <ol class="check-list verified">
                <For
                    each=move || items.get()
                    key=|r| (r.id.clone(), r.explanation.clone())
                    children=|r| view! { <VerifiedItem result=r /> }
                />
            </ol>
        </details>
    }
}

#[component]
fn VerifiedItem(result: CheckResult) -> impl IntoView {
    let state = use_editor();
    let id = result.id.clone();
    let note = {
        let id = id.clone();
        Memo::new(move |_| {
            state.report().with(|r| r.verified.iter().find(|m| m.check == id).map(|m| m.note.clone()))
        })
    };
    let unmark = {
        let id = id.clone();
        move |_| {
            state.edit(|r| verified::clear_mark(r, &id));
        }
    };
    view! {
        <li class="check check-verified" data-check=id data-status="verified">
            <span class="check-title">{result.title}</span>
            <span class="check-explanation">{result.explanation}</span>
            <span class="check-note">
                {move || match note.get() {
                    Some(n) if !n.is_empty() => format!("核实说明：{n}"),
                    _ => "已核实（未写说明）".to_string(),
                }}
            </span>
            <button type="button" class="verify-clear" disabled=move || state.read_only().get() on:click=unmark>
                "取消核实"
            </button>
        </li>
    }
}
