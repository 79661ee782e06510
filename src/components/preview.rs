//! The document as it will be printed: title, 发文字号, 主送机关, the opening
//! paragraph, the six sections with the three tables drawn from the same
//! [`TableSpec`]s as the grid, 落款 and 版记. The print stylesheet prints only
//! this, on A4 with the GB/T 9704 margins.

use leptos::html;
use leptos::prelude::*;
use xxgk_core::format::{format, CellContent, GridCell as SpecCell, SectionBody, TableSpec};
use xxgk_core::model::Report;
use xxgk_core::text::{official_date, paragraphs};
use xxgk_core::value;

use super::grid_row::field_keys;
use super::table_grid::{col_group, label_class};
use crate::state::use_editor;

#[component]
pub fn Preview() -> impl IntoView {
    let state = use_editor();
    let doc = state.with_totals;
    let text = move |get: fn(&Report) -> String| Memo::new(move |_| doc.with(get));
    let title = text(Report::title);
    let doc_number = text(|r| r.doc_number.trim().to_string());
    let addressee = text(|r| r.addressee.trim().to_string());
    let preamble = text(|r| r.preamble.clone());
    let signer = text(|r| r.signing_org().trim().to_string());
    let date = text(|r| official_date(&r.signature_date));
    let imprint_org = text(|r| r.imprint_org.trim().to_string());
    let imprint_date = text(|r| official_date(&r.imprint_date));

    let sections = move || {
        let spec = format(state.version.get());
        spec.sections
            .iter()
            .map(|section| {
                let body = match section.body {
                    SectionBody::Narrative { key, .. } => {
                        let body = Memo::new(move |_| doc.with(|r| r.sections.get(key).to_string()));
                        view! { <Paragraphs text=body /> }.into_any()
                    }
                    SectionBody::Table(id) => view! { <PreviewTable spec=spec.table(id) /> }.into_any(),
                };
                view! {
                    <h2 class="doc-heading">{section.heading}</h2>
                    {body}
                }
            })
            .collect_view()
    };

    view! {
        <article class="preview" aria-label="打印预览">
            <Show when=move || doc_number.with(|t| !t.is_empty())>
                <p class="doc-number">{move || doc_number.get()}</p>
            </Show>
            <h1 class="doc-title">{move || title.get()}</h1>
            <Show when=move || addressee.with(|t| !t.is_empty())>
                <p class="doc-addressee">{move || format!("{}：", addressee.get())}</p>
            </Show>
            <Paragraphs text=preamble />
            {sections}
            <div class="doc-signature">
                <p class="doc-signer">{move || signer.get()}</p>
                <p class="doc-date">{move || date.get()}</p>
            </div>
            <Show when=move || imprint_org.with(|t| !t.is_empty()) || imprint_date.with(|t| !t.is_empty())>
                <div class="doc-imprint">
                    <span>{move || imprint_org.get()}</span>
                    <span>{move || imprint_date.with(|d| if d.is_empty() { String::new() } else { format!("{d}印发") })}</span>
                </div>
            </Show>
        </article>
    }
}

/// A free text as printed paragraphs, one per line.
#[component]
fn Paragraphs(text: Memo<String>) -> impl IntoView {
    move || {
        text.with(|t| paragraphs(t))
            .into_iter()
            .map(|p| view! { <p class="doc-paragraph">{p}</p> })
            .collect_view()
    }
}

#[component]
fn PreviewTable(spec: &'static TableSpec) -> impl IntoView {
    view! {
        <table class=format!("doc-table doc-{}", spec.id.key())>
            {col_group(spec)}
            <tbody>{spec.rows.iter().map(|row| view! { <PreviewRow spec=spec cells=row /> }).collect_view()}</tbody>
        </table>
    }
}

/// A printed table row: one memo for the row's figures as printed (canonical
/// numbers, computed totals) and one effect writing the cells that changed.
#[component]
fn PreviewRow(spec: &'static TableSpec, cells: &'static [SpecCell]) -> impl IntoView {
    let state = use_editor();
    let keys = field_keys(cells);
    let refs: Vec<NodeRef<html::Td>> = keys.iter().map(|_| NodeRef::new()).collect();
    if !keys.is_empty() {
        let printed = Memo::new(move |_| {
            state.with_totals.with(|r| {
                keys.iter()
                    .map(|&key| {
                        let raw = r.raw(key).unwrap_or_default();
                        spec.field(key).map_or_else(|| raw.to_string(), |f| value::normalize(f.kind, raw))
                    })
                    .collect::<Vec<String>>()
            })
        });
        let refs = refs.clone();
        Effect::new(move |shown: Option<Vec<String>>| {
            printed.with(|now| {
                for (i, text) in now.iter().enumerate() {
                    if shown.as_ref().and_then(|s| s.get(i)) != Some(text) {
                        if let Some(td) = refs[i].get_untracked() {
                            td.set_text_content(Some(text));
                        }
                    }
                }
                now.clone()
            })
        });
    }
    let mut next = refs.into_iter();
    let row = cells
        .iter()
        .map(|cell| match &cell.content {
            CellContent::Label(label) => view! {
                <th colspan=cell.col_span rowspan=cell.row_span class=label_class(label.style)>{label.text}</th>
            }
            .into_any(),
            CellContent::Field(_) => {
                let td = next.next().unwrap_or_default();
                view! { <td node_ref=td colspan=cell.col_span class="num"></td> }.into_any()
            }
        })
        .collect_view();
    view! { <tr>{row}</tr> }
}
