//! One of the six sections 一 … 六, as the format describes it: a narrative
//! text with the template's placeholder and guidance, or a statistical table.

use leptos::prelude::*;
use xxgk_core::format::{Format, NarrativeKey, SectionBody, SectionSpec};
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
        SectionBody::Table(id) => view! { <TableGrid spec=format.table(id) /> }.into_any(),
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
