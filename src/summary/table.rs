//! The table of units: one row per unit, sortable by any column, filtered to
//! those with errors or by name; a row opens its check list, opens in the
//! editor, or is made the parent (本级) report.

use leptos::prelude::*;
use xxgk_core::checks::Severity;
use xxgk_core::summary::{Entry, KEY_FIGURES};

use super::io;
use super::state::{Origin, SortBy, Workspace};

const FIXED_COLUMNS: usize = 7;

#[component]
pub fn UnitsTable(ws: Workspace) -> impl IntoView {
    let visible = ws.visible();
    let header = move |label: &'static str, by: SortBy| {
        let mark = move || match ws.sort.get() {
            (b, false) if b == by => " ▲",
            (b, true) if b == by => " ▼",
            _ => "",
        };
        let aria = move || match ws.sort.get() {
            (b, false) if b == by => "ascending",
            (b, true) if b == by => "descending",
            _ => "none",
        };
        view! {
            <th scope="col" aria-sort=aria>
                <button
                    type="button"
                    class="sort"
                    on:click=move |_| ws.sort.update(|s| *s = if s.0 == by { (by, !s.1) } else { (by, by != SortBy::Name) })
                >
                    {label}
                    {mark}
                </button>
            </th>
        }
    };
    let columns = FIXED_COLUMNS + KEY_FIGURES.len();
    view! {
        <div class="table-wrap">
            <table class="units" data-testid="units">
                <thead>
                    <tr>
                        {header("序号", SortBy::Order)}
                        {header("机关", SortBy::Name)}
                        <th scope="col">"层级"</th>
                        {header("年度", SortBy::Year)}
                        {header("错误", SortBy::Errors)}
                        {header("提醒", SortBy::Warnings)}
                        {header("未填写", SortBy::Blanks)}
                        {KEY_FIGURES.iter().enumerate().map(|(k, f)| header(f.label, SortBy::Figure(k))).collect_view()}
                        <th scope="col">"操作"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let rows = visible.get();
                        ws.batch.with(|b| {
                            rows.iter()
                                .map(|&i| unit_row(ws, i, &b.entries[i], b, columns + 1))
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </div>
    }
}

fn unit_row(ws: Workspace, i: usize, e: &Entry, b: &xxgk_core::summary::Batch, span: usize) -> impl IntoView {
    let r = &e.row;
    let duplicate = e.duplicate_of.map(|first| {
        let title = format!("与第 {} 行（{}）是同一机关同一年度的报告", first + 1, b.entries[first].source);
        view! { <span class="badge duplicate" title=title.clone()>"重复"</span> }
    });
    let is_parent = move || ws.parent.get() == Some(i);
    let open = move || ws.open.get() == Some(i);
    let figures = r
        .figures
        .iter()
        .map(|f| view! { <td class="num">{f.map_or_else(|| "—".to_string(), |d| d.to_string())}</td> })
        .collect_view();
    // Built when opened: 500 rows of hidden lists would cost more than the table itself.
    let check_list = move || open().then(|| check_list(ws, i, span));
    view! {
        <tr class="unit" class:has-errors={r.errors > 0} class:parent=is_parent data-index=i.to_string()>
            <td class="num">{i + 1}</td>
            <th scope="row" class="name">
                {r.unit_name.clone()}
                {duplicate}
                <span class="badge parent-mark" hidden=move || !is_parent()>"本级"</span>
            </th>
            <td>{r.level.map_or("", |l| l.label())}</td>
            <td class="num">{r.year}</td>
            <td class="num errors" class:bad={r.errors > 0}>{r.errors}</td>
            <td class="num warnings">{r.warnings}</td>
            <td class="num blanks">{r.blanks}</td>
            {figures}
            <td class="actions">
                <button type="button" aria-expanded=move || open().to_string() on:click=move |_| ws.open.update(|o| *o = if *o == Some(i) { None } else { Some(i) })>
                    "校验结果"
                </button>
                <button type="button" on:click=move |_| open_entry(ws, i)>"在编辑器中打开"</button>
                <button type="button" on:click=move |_| ws.parent.update(|p| *p = if *p == Some(i) { None } else { Some(i) })>
                    {move || if is_parent() { "取消本级" } else { "设为本级" }}
                </button>
            </td>
        </tr>
        {check_list}
    }
}

/// The row under a unit's row with its failing checks.
fn check_list(ws: Workspace, i: usize, span: usize) -> impl IntoView {
    ws.batch.with_untracked(|b| {
        let e = &b.entries[i];
        let checks = if e.row.failing.is_empty() {
            view! { <ul class="checks"><li class="pass">"全部校验通过"</li></ul> }.into_any()
        } else {
            let items = e
                .row
                .failing
                .iter()
                .map(|c| {
                    let (class, kind) = if c.severity == Severity::Error {
                        ("error", "错误")
                    } else {
                        ("warning", "提醒")
                    };
                    view! {
                        <li class=class>
                            <span class="kind">{kind}</span>
                            {c.explanation.clone()}
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="checks">{items}</ul> }.into_any()
        };
        view! {
            <tr class="check-list">
                <td colspan=span.to_string()>
                    <p class="source">"文件：" {e.source.clone()}</p>
                    {checks}
                </td>
            </tr>
        }
    })
}

/// A stored draft opens as it is; a file's report is stored as a new draft first.
fn open_entry(ws: Workspace, i: usize) {
    let origin = ws.origins.with_untracked(|o| o.get(i).cloned());
    let result = match origin {
        Some(Origin::Stored(id)) => io::open_in_editor(&id),
        _ => ws.batch.with_untracked(|b| io::store_new_draft(&b.entries[i].report)).and_then(|id| {
            ws.origins.update(|o| o[i] = Origin::Stored(id.clone()));
            io::open_in_editor(&id)
        }),
    };
    if let Err(message) = result {
        ws.message.set(Some(message));
    }
}
