//! One of the six sections 一 … 六, as the format describes it: a narrative
//! text with the template's placeholder and guidance, or a statistical table.

use leptos::prelude::*;
use xxgk_core::format::{Format, NarrativeKey, SectionBody, SectionSpec, TableId};
use xxgk_core::model::Report;

use super::drafts_reference::LastYearText;
use super::table_grid::TableGrid;
use super::text_field::{TextArea, TextBinding};

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
