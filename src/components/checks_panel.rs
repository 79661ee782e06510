//! The list of checks: failures first (errors before warnings) with their
//! explanation and difference; clicking one brings its first cell into view
//! and focuses it, or, for a check on the text, selects the sentence in its
//! text area (its cells stay highlighted in the tables). Checks that cannot be judged yet (blank cells) and those
//! that pass are listed below, folded; the passes are only rendered while
//! their fold is open (they are many and change little that matters). A
//! failing warning can be marked 「已核实」 (`checks_verify`): it then moves
//! to its own fold.

use leptos::prelude::*;
use xxgk_core::checks::{CheckResult, Severity, Status, Verifier};

use super::checks_verify::{VerifiedGroup, VerifyButton};
use super::text_field::select_span;
use crate::dom::reveal_cell;
use crate::state::use_editor;

#[component]
pub fn ChecksPanel() -> impl IntoView {
    let state = use_editor();
    let by_status = move |status: Status| {
        Memo::new(move |_| {
            state.all_checks.with(|all| {
                // Errors first, each severity in document order.
                [Severity::Error, Severity::Warning]
                    .into_iter()
                    .flat_map(|severity| {
                        all.iter().filter(move |r| r.status == status && r.severity == severity)
                    })
                    .filter(|r| status != Status::Fail || !state.verified.with(|v| v.contains(&r.id)))
                    .cloned()
                    .collect::<Vec<CheckResult>>()
            })
        })
    };
    let failures = by_status(Status::Fail);
    let pending = by_status(Status::CannotJudge);
    let passed_count = Memo::new(move |_| {
        state.all_checks.with(|all| all.iter().filter(|r| r.status == Status::Pass).count())
    });
    let show_passed = RwSignal::new(false);

    view! {
        <section class="checks-panel" id="checks" aria-labelledby="checks-title">
            <h2 id="checks-title">"勾稽检查"</h2>
            <Show when=move || failures.with(Vec::is_empty)>
                <p class="checks-clean">"没有发现错误。"</p>
            </Show>
            <CheckList items=failures class="check-list failures" />
            <VerifiedGroup />
            <details class="checks-group" class:hidden=move || pending.with(Vec::is_empty)>
                <summary>{move || format!("{} 项待填（有空格，暂无法判断）", pending.with(Vec::len))}</summary>
                <CheckList items=pending class="check-list pending" />
            </details>
            <details
                class="checks-group passed-group"
                on:toggle=move |ev| show_passed.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())
            >
                <summary>{move || format!("已通过 {} 项", passed_count.get())}</summary>
                <Show when=move || show_passed.get()>
                    <CheckList items=by_status(Status::Pass) class="check-list passed" />
                </Show>
            </details>
        </section>
    }
}

#[component]
fn CheckList(items: Memo<Vec<CheckResult>>, class: &'static str) -> impl IntoView {
    view! {
        <ol class=class>
            <For
                each=move || items.get()
                // Re-rendered only when what it shows changes.
                key=|r| (r.id.clone(), r.explanation.clone(), r.difference.clone())
                children=|r| view! { <CheckItem result=r /> }
            />
        </ol>
    }
}

#[component]
fn CheckItem(result: CheckResult) -> impl IntoView {
    let status = match result.status {
        Status::Pass => "pass",
        Status::Fail => "fail",
        Status::CannotJudge => "cannot_judge",
    };
    let (severity, severity_label) = match result.severity {
        Severity::Error => ("error", "错误"),
        Severity::Warning => ("warning", "提醒"),
    };
    let first_cell = result.cells().next();
    let span = result.text.clone();
    let clickable = first_cell.is_some() || span.is_some();
    let on_click = move |_| match &span {
        Some(span) => select_span(span),
        None => {
            if let Some(key) = first_cell {
                reveal_cell(key);
            }
        }
    };
    let failed = result.status == Status::Fail;
    let verifiable = Verifier::can_mark(&result);
    let for_mark = verifiable.then(|| result.clone());
    view! {
        <li class=format!("check check-{status} check-{severity}") data-check=result.id data-status=status data-severity=severity>
            <button type="button" class="check-button" on:click=on_click disabled=!clickable>
                {failed.then(|| view! { <span class="check-severity">{severity_label}</span> })}
                <span class="check-title">{result.title}</span>
                {(result.status != Status::Pass).then(|| view! { <span class="check-explanation">{result.explanation}</span> })}
                {result.difference.map(|d| view! { <span class="check-difference">{format!("差 {d}")}</span> })}
            </button>
            {for_mark.map(|r| view! { <VerifyButton result=r /> })}
        </li>
    }
}
