//! One of the six sections 一 … 六, as the format describes it: a narrative
//! text with the template's placeholder and guidance, or a statistical table.

use leptos::prelude::*;
use xxgk_core::format::{Format, NarrativeKey, SectionBody, SectionSpec, TableId};
use xxgk_core::model::Report;

use super::drafts_reference::LastYearText;
use super::table_grid::TableGrid;
use super::text_field::{char_at, text_area, utf16_at, TextArea, TextBinding};
use crate::state::text_checks::{Drafting, TextChecks};
use crate::state::ui::{use_ui, Tone, Ui};
use crate::state::{use_editor, EditorState};

#[component]
pub fn Section(format: &'static Format, spec: &'static SectionSpec) -> impl IntoView {
    let body = match spec.body {
        SectionBody::Narrative { key, placeholder, guidance, soft_limit } => view! {
            <p class="guidance">{guidance}</p>
            <TextArea
                label=spec.heading.to_string()
                binding=narrative_binding(key)
                placeholder=placeholder
                soft_limit=soft_limit
            />
            {(key == NarrativeKey::Overview).then(|| view! {
                <div class="drafted">
                    <Insert label="插入申请办理情况标准表述" draft=|t| t.applications />
                    <Insert label="插入复议、诉讼情况标准表述" draft=|t| t.appeals />
                </div>
            })}
            <LastYearText key=key />
        }
        .into_any(),
        SectionBody::Table(id) => view! {
            <TextArea
                label=format!("{}（表前说明，可不填）", spec.heading)
                binding=intro_binding(id)
                placeholder="（可不填：表格前的说明文字）"
                count=false
            />
            {(id == TableId::Table4).then(|| view! {
                <div class="drafted">
                    <Insert label="在第一部分插入复议、诉讼情况标准表述" draft=|t| t.appeals />
                </div>
            })}
            <TableGrid spec=format.table(id) />
        }
        .into_any(),
    };
    view! {
        <section class="doc-section" id=format!("section-{}", spec.number)>
            <h2>{spec.heading}</h2>
            {body}
        </section>
    }
}

/// Read and write access to one narrative field of the report.
type FieldAccess = (fn(&Report) -> &String, fn(&mut Report) -> &mut String);

fn narrative_binding(key: NarrativeKey) -> TextBinding {
    fn get(key: NarrativeKey) -> FieldAccess {
        match key {
            NarrativeKey::Overview => (|r| &r.sections.overview, |r| &mut r.sections.overview),
            NarrativeKey::Problems => (|r| &r.sections.problems, |r| &mut r.sections.problems),
            NarrativeKey::Other => (|r| &r.sections.other, |r| &mut r.sections.other),
        }
    }
    let (get, get_mut) = get(key);
    TextBinding { name: key.key(), get, get_mut }
}

/// The optional paragraph printed before a table.
fn intro_binding(id: TableId) -> TextBinding {
    match id {
        TableId::Table2 => TextBinding {
            name: "table_intros.table2",
            get: |r| &r.table_intros.table2,
            get_mut: |r| &mut r.table_intros.table2,
        },
        TableId::Table3 => TextBinding {
            name: "table_intros.table3",
            get: |r| &r.table_intros.table3,
            get_mut: |r| &mut r.table_intros.table3,
        },
        TableId::Table4 => TextBinding {
            name: "table_intros.table4",
            get: |r| &r.table_intros.table4,
            get_mut: |r| &mut r.table_intros.table4,
        },
    }
}

/// A button that writes a standard sentence from the tables into 一, at the
/// caret of its text area (or at the end), never over selected text. The
/// sentence is written by the text checks' chunk (`draft` picks which).
#[component]
fn Insert(label: &'static str, draft: fn(TextChecks) -> Drafting) -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    let on_click = move |_| {
        leptos::task::spawn_local(async move {
            match state.text_chunk.ready().await {
                Ok(text) => insert_into_overview(state, ui, draft(text)),
                Err(_) => ui.notify("未能载入「标准表述」（网络连接中断？），请稍后再试。", Tone::Warning),
            }
        })
    };
    view! {
        <button type="button" class="insert-drafted" on:click=on_click disabled=move || state.read_only().get()>
            {label}
        </button>
    }
}

/// Writes the sentence `draft` makes into 一: at the caret's end (a selection is kept, the
/// sentence goes after it), or at the end of the text.
fn insert_into_overview(state: EditorState, ui: Ui, draft: Drafting) {
    let sentence = match state.report().with_untracked(draft) {
        Ok(sentence) => sentence,
        Err(message) => return ui.notify(message, Tone::Warning),
    };
    let area = text_area(NarrativeKey::Overview.key());
    let mut caret = 0;
    state.edit(|r| {
        let text = &mut r.sections.overview;
        let at = area
            .as_ref()
            .and_then(|a| a.selection_end().ok().flatten())
            .map_or(text.chars().count(), |units| char_at(text, units));
        let byte = text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
        text.insert_str(byte, &sentence);
        caret = utf16_at(text, at + sentence.chars().count());
    });
    if let Some(area) = area {
        request_animation_frame(move || {
            let _ = area.focus();
            let _ = area.set_selection_range(caret, caret);
        });
    }
}
