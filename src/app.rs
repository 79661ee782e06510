//! The application: the editor state at the root, and the page in the order
//! of the document (details, then 一 … 六), with the checks beside it.

use leptos::prelude::*;
use xxgk_core::format::format;
use xxgk_core::model::Report;

use crate::components::checks_panel::ChecksPanel;
use crate::components::drafts_bar::DraftsBar;
use crate::components::lazy_view;
use crate::components::notice::NoticeBar;
use crate::components::section::Section;
use crate::components::summary_badge::SummaryBadge;
use crate::components::toolbar::Toolbar;
use crate::components::unit_form::UnitForm;
use crate::components::update_banner::UpdateBanner;
use crate::state::provide_editor;
use crate::state::ui::provide_ui;

/// The application shell: header, toolbar, the editor and the preview.
#[component]
pub fn App() -> impl IntoView {
    let state = provide_editor(Report::new(crate::storage::clock::report_year()));
    let ui = provide_ui();
    crate::shortcuts::install(state);
    crate::shortcuts::prepare_printing(ui);
    // Opens the last draft (replacing the empty report) and saves every edit.
    let start_up = crate::storage::install(state);
    // The text checks are not needed to type the first figure: their chunk comes once the page is idle.
    request_animation_frame(move || request_idle_callback(move || state.text_chunk.fetch()));

    let sections = move || {
        let spec = format(state.version.get());
        spec.sections.iter().map(|s| view! { <Section format=spec spec=s /> }).collect_view()
    };

    view! {
        <header class="app-header">
            <h1>"政府信息公开工作年度报告编制"</h1>
            <SummaryBadge />
        </header>
        <Toolbar />
        <DraftsBar start_up />
        <NoticeBar />
        <UpdateBanner />
        <main class="app-main" class:previewing=move || ui.preview.get()>
            <div class="workspace">
                <div class="editor">
                    <UnitForm />
                    {sections}
                </div>
                <aside class="side">
                    <ChecksPanel />
                </aside>
            </div>
            <Show when=move || ui.preview_built.get()>{lazy_view::preview()}</Show>
        </main>
    }
}
