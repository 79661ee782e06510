//! The document as it will be printed: the report's [`Outline`], the same one
//! the DOCX is written from, so preview, print and export show the same
//! blocks in the same order. The print stylesheet prints only this, on the
//! outline's page (A4, GB/T 9704 margins).
//!
//! Text blocks are keyed by their content, so typing re-renders only the
//! paragraph typed in; a table keeps its cells and each row follows its own
//! memo of figures, so a keystroke in a cell touches one row.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use xxgk_core::format::{FormatVersion, TableId};
use xxgk_core::outline::page::{self, tenth_mm};
use xxgk_core::outline::{Block, CellKind, Outline, Table};

use super::table_markup::col_group;
use crate::grid::markup::label_class;
use crate::state::ui::use_ui;
use crate::state::use_editor;

/// How a block is kept across renders: a text block by its content (and how
/// many identical blocks precede it), a table by which table it is.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Text(Vec<String>, &'static str, usize),
    Table(TableId, FormatVersion),
}

fn keys(outline: &Outline, version: FormatVersion) -> Vec<(Key, usize)> {
    let mut seen: Vec<Key> = Vec::new();
    outline
        .blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let key = match block {
                Block::Table(t) => Key::Table(t.id, version),
                other => {
                    let (texts, kind) = (other.texts(), other.kind());
                    let n = seen
                        .iter()
                        .filter(|k| matches!(k, Key::Text(t, k, _) if *t == texts && *k == kind))
                        .count();
                    Key::Text(texts, kind, n)
                }
            };
            seen.push(key.clone());
            (key, i)
        })
        .collect()
}

#[component]
pub fn Preview() -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    install_page_rule();
    // Hidden, the preview keeps the outline it last showed and does not even track the report:
    // a keystroke in the form costs nothing here. Shown or printed, it catches up at once.
    let outline = Memo::new(move |last: Option<&Outline>| {
        let live = ui.preview_live();
        match last {
            Some(last) if !live => last.clone(),
            _ => state.with_totals.with(Outline::of_totalled),
        }
    });
    let blocks = Memo::new(move |_| outline.with(|o| keys(o, state.version.get())));
    let mm = |twips| format!("{}.{}mm", tenth_mm(twips) / 10, tenth_mm(twips) % 10);
    view! {
        <article
            class="preview"
            aria-label="打印预览"
            style:width=mm(page::PAGE_WIDTH)
            style:padding=format!(
                "{} {} {} {}",
                mm(page::MARGIN_TOP),
                mm(page::MARGIN_RIGHT),
                mm(page::MARGIN_BOTTOM),
                mm(page::MARGIN_LEFT),
            )
        >
            <For
                each=move || blocks.get()
                key=|(key, _)| key.clone()
                children=move |(key, i)| match key {
                    Key::Table(id, _) => view! { <PreviewTable outline=outline id=id /> }.into_any(),
                    Key::Text(..) => outline.with_untracked(|o| text_block(&o.blocks[i])),
                }
            />
        </article>
    }
}

/// A block other than a table, as printed.
fn text_block(block: &Block) -> AnyView {
    match block.clone() {
        Block::DocNumber(text) => view! { <p class="doc-number">{text}</p> }.into_any(),
        Block::Title(lines) => {
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| view! { {(i > 0).then(|| view! { <br /> })}{line} })
                .collect_view();
            view! { <h1 class="doc-title">{lines}</h1> }.into_any()
        }
        Block::Addressee(text) => view! { <p class="doc-addressee">{text}</p> }.into_any(),
        Block::Heading(text) => view! { <h2 class="doc-heading">{text}</h2> }.into_any(),
        Block::Paragraph { lead, text } => {
            let lead = (!lead.is_empty()).then(|| view! { <span class="doc-lead">{lead}</span> });
            view! { <p class="doc-paragraph">{lead}{text}</p> }.into_any()
        }
        Block::Signature { org, date } => {
            let org = (!org.is_empty()).then(|| view! { <p class="doc-signer">{org}</p> });
            let date = (!date.is_empty()).then(|| view! { <p class="doc-date">{date}</p> });
            view! { <div class="doc-signature">{org}{date}</div> }.into_any()
        }
        Block::Imprint { org, date } => {
            let date = (!date.is_empty()).then(|| view! { <span>{date}</span> });
            view! { <div class="doc-imprint"><span>{org}</span>{date}</div> }.into_any()
        }
        Block::Table(_) => ().into_any(),
    }
}

fn find(outline: &Outline, id: TableId) -> Option<&Table> {
    outline.blocks.iter().find_map(|b| match b {
        Block::Table(t) if t.id == id => Some(t),
        _ => None,
    })
}

/// A table: its shape and labels from the outline when first shown, its
/// figures row by row.
#[component]
fn PreviewTable(outline: Memo<Outline>, id: TableId) -> impl IntoView {
    let Some(table) = outline.with_untracked(|o| find(o, id).cloned()) else {
        return ().into_any();
    };
    let row = |r: usize| {
        let figures = Memo::new(move |_| {
            outline.with(|o| {
                find(o, id)
                    .and_then(|t| t.rows.get(r))
                    .map(|cells| cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
        });
        let cells = table.rows[r]
            .iter()
            .enumerate()
            .map(|(c, cell)| match cell.kind {
                CellKind::Label(style) => view! {
                    <th colspan=cell.col_span rowspan=cell.row_span class=label_class(style)>{cell.text.clone()}</th>
                }
                .into_any(),
                CellKind::Figure => view! {
                    <td colspan=cell.col_span rowspan=cell.row_span class="num">
                        {move || figures.with(|f| f.get(c).cloned().unwrap_or_default())}
                    </td>
                }
                .into_any(),
            })
            .collect_view();
        view! { <tr>{cells}</tr> }
    };
    let header = table.header_rows.min(table.rows.len());
    let head = (0..header).map(row).collect_view();
    let body = (header..table.rows.len()).map(row).collect_view();
    view! {
        <table class=format!("doc-table doc-{}", id.key())>
            {col_group(&table.col_widths)}
            <thead>{head}</thead>
            <tbody>{body}</tbody>
        </table>
    }
    .into_any()
}

/// The printed page's size and margins, from the outline's page: added once
/// to the app's own stylesheet through the CSSOM (which the CSP allows).
fn install_page_rule() {
    let mm = |twips| format!("{}.{}mm", tenth_mm(twips) / 10, tenth_mm(twips) % 10);
    let rule = format!(
        "@page {{ size: {} {}; margin: {} {} {} {}; }}",
        mm(page::PAGE_WIDTH),
        mm(page::PAGE_HEIGHT),
        mm(page::MARGIN_TOP),
        mm(page::MARGIN_RIGHT),
        mm(page::MARGIN_BOTTOM),
        mm(page::MARGIN_LEFT),
    );
    let sheets = document().style_sheets();
    for i in 0..sheets.length() {
        let Some(sheet) = sheets.item(i).and_then(|s| s.dyn_into::<web_sys::CssStyleSheet>().ok()) else {
            continue;
        };
        // Our own sheet: its rules are readable (a foreign one would throw).
        let Ok(rules) = sheet.css_rules() else { continue };
        let already = (0..rules.length())
            .any(|r| rules.item(r).is_some_and(|rule| rule.css_text().starts_with("@page")));
        if already {
            return;
        }
        let _ = sheet.insert_rule_with_index(&rule, rules.length());
        return;
    }
}
