//! The list of checks: failures first (errors before warnings) with their
//! explanation and difference; clicking one brings its first cell into view
//! and focuses it, or, for a check on the text, selects the sentence in its
//! text area (its cells stay highlighted in the tables). Checks that cannot be judged yet (blank cells) and those
//! that pass are listed below, folded, and rendered only while their fold is
//! open (they are many, and change nothing the clerk sees while folded). A
//! failing warning can be marked 「已核实」 (`checks_verify`): it then moves
//! to its own fold.

use leptos::prelude::*;
use xxgk_core::checks::{CheckResult, Severity, Status, Verifier};

use super::checks_verify::{VerifiedFold, VerifyButton};
use super::text_field::select_span;
use crate::dom::reveal_cell;
use crate::state::{use_editor, EditorState};

#[component]
pub fn ChecksPanel() -> impl IntoView {
    let state = use_editor();
    let failures = by_status(state, Status::Fail);

    view! {
        <section class="checks-panel" id="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">"勾稽检查"</h2>
            <Show when=move || state.text_chunk.failed()>
                <p class="checks-unloaded" role="status">"未能载入文字检查（网络连接中断？），停止输入后会再试；表格检查不受影响。"</p>
            </Show>
            <Show when=move || failures.with(Vec::is_empty)>
                <p class="checks-clean">"没有发现错误。"</p>
            </Show>
            <CheckList items=failures class=list_class(Status::Fail) />
            <VerifiedFold />
            <Fold
                status=Status::CannotJudge
                class="checks-group pending-group"
                hide_when_empty=true
                label=|n| format!("{n} 项待填（有空格，暂无法判断）")
            />
            <Fold status=Status::Pass class="checks-group passed-group" hide_when_empty=false label=|n| format!("已通过 {n} 项") />
        </section>
    }
}

/// The checks in `status`, errors first, each severity in document order; a failing warning
/// marked 「已核实」 is listed in its own fold instead.
fn by_status(state: EditorState, status: Status) -> Memo<Vec<CheckResult>> {
    Memo::new(move |_| {
        state.all_checks.with(|all| {
            [Severity::Error, Severity::Warning]
                .into_iter()
                .flat_map(|severity| all.iter().filter(move |r| r.status == status && r.severity == severity))
                .filter(|r| status != Status::Fail || !state.verified.with(|v| v.contains(&r.id)))
                .cloned()
                .collect()
        })
    })
}

/// A folded group of checks (those waiting for blank cells, those that pass): its summary counts
/// them, its entries are built only while it is open. A blank report has 45 checks waiting: built
/// closed, they were some 180 elements and 400 reactive nodes of start-up that nobody sees, and
/// every edit re-ran their entries.
#[component]
fn Fold(
    status: Status,
    class: &'static str,
    hide_when_empty: bool,
    label: fn(usize) -> String,
) -> impl IntoView {
    let state = use_editor();
    let count =
        Memo::new(move |_| state.all_checks.with(|all| all.iter().filter(|r| r.status == status).count()));
    let open = RwSignal::new(false);
    view! {
        <details
            class=class
            class:hidden=move || hide_when_empty && count.get() == 0
            on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
        >
            <summary>{move || label(count.get())}</summary>
            <Show when=move || open.get()>
                <CheckList items=by_status(state, status) class=list_class(status) />
            </Show>
        </details>
    }
}

fn list_class(status: Status) -> &'static str {
    match status {
        Status::Fail => "check-list failures",
        Status::CannotJudge => "check-list pending",
        Status::Pass => "check-list passed",
    }
}

/// An entry per check, keyed by its id alone: when a figure changes, the
/// entry's text is updated in place instead of the entry being re-created
/// (a keystroke touches only the entries whose words change). Each entry finds
/// its result by a linear search: the lists are tens of entries, and a map
/// would cost the first load more code than it saves time.
#[component]
fn CheckList(items: Memo<Vec<CheckResult>>, class: &'static str) -> impl IntoView {
    view! {
        <ol class=class>
            <For
                each=move || items.with(|v| v.iter().map(|r| r.id.clone()).collect::<Vec<String>>())
                key=String::clone
                children=move |id| {
                    let first = items.with_untracked(|v| v.iter().find(|r| r.id == id).cloned());
                    first.map(|first| {
                        // Keeps the last result while the entry is being removed.
                        let result = Memo::new(move |last: Option<&CheckResult>| {
                            items
                                .with(|v| v.iter().find(|r| r.id == id).cloned())
                                .unwrap_or_else(|| last.cloned().unwrap_or_else(|| first.clone()))
                        });
                        view! { <CheckItem result /> }
                    })
                }
            />
        </ol>
    }
}

#[component]
fn CheckItem(result: Memo<CheckResult>) -> impl IntoView {
    let status = move || match result.with(|r| r.status) {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::CannotJudge => "cannot_judge",
    };
    let severity = move || match result.with(|r| r.severity) {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "提醒"),
    };
    let on_click = move |_| {
        result.with_untracked(|r| match &r.text {
            Some(span) => select_span(span),
            None => {
                if let Some(key) = r.cells().next() {
                    reveal_cell(key);
                }
            }
        })
    };
    let clickable = move || result.with(|r| r.text.is_some() || r.cells().next().is_some());
    let id = result.with_untracked(|r| r.id.clone());
    view! {
        <li
            class=move || format!("check check-{} check-{}", status(), severity().0)
            data-check=id
            data-status=status
            data-severity=move || severity().0
        >
            <button type="button" class="check-button" on:click=on_click disabled=move || !clickable()>
                <Show when=move || result.with(|r| r.status == Status::Fail)>
                    <span class="check-severity">{move || severity().1}</span>
                </Show>
                <span class="check-title">{move || result.with(|r| r.title.clone())}</span>
                <Show when=move || result.with(|r| r.status != Status::Pass)>
                    <span class="check-explanation">{move || result.with(|r| r.explanation.clone())}</span>
                </Show>
                {move || {
                    result.with(|r| r.difference.clone()).map(|d| view! { <span class="check-difference">{format!("差 {d}")}</span> })
                }}
            </button>
            <Show when=move || result.with(Verifier::can_mark)>
                <VerifyButton result />
            </Show>
        </li>
    }
}
