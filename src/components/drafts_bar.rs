//! The drafts bar under the toolbar: which draft is open, whether it is
//! saved, and the way to every other draft, import and export. It also hosts
//! the storage banners, the drafts dialogs and the page-wide file drop.

use leptos::ev;
use leptos::prelude::*;

use super::drafts_banners::{Alerts, DraftsBanners};
use super::drafts_import::{install_drop, ImportButton, Imports};
use super::import_dialog::ReportImport;
use super::lazy_view;
use crate::dom::listen;
use crate::storage::{use_drafts, StartUp};

/// Which drafts dialog is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    List,
    NextYear,
}

#[component]
pub fn DraftsBar(
    /// What opening the stored drafts found, told once.
    start_up: StartUp,
) -> impl IntoView {
    let drafts = use_drafts();
    let alerts = Alerts::provide(&start_up);
    let panel = RwSignal::new(None::<Panel>);
    let report_import = ReportImport::provide();
    report_import.install_paste();
    let imports = Imports::provide();
    install_drop(imports);
    let toggle =
        move |which: Panel| panel.update(|p| *p = if *p == Some(which) { None } else { Some(which) });
    listen(&window(), ev::keydown, move |e| {
        if e.key() == "Escape" && panel.get_untracked().is_some() {
            panel.set(None);
        }
    })
    .keep();
    let status = drafts.status;
    // A memo: the title changes with 机关 and 年度 only, not with every keystroke.
    let title = Memo::new(move |_| drafts.session.title());
    let export = move |_| alerts.report(drafts.session.export_current(), "导出失败");
    view! {
        <div class="drafts-bar" role="region" aria-label="草稿">
            <span class="drafts-current" data-testid="draft-title">{title}</span>
            <span class="save-status" data-testid="save-status" data-state=move || status.with(|s| s.state()) role="status" aria-live="polite">
                {move || status.with(|s| s.text())}
            </span>
            <span class="toolbar-gap"></span>
            <button type="button" on:click=move |_| toggle(Panel::List) aria-expanded=move || (panel.get() == Some(Panel::List)).to_string()>
                {move || format!("草稿列表（{}）", drafts.store.index.with(|i| i.drafts.len()))}
            </button>
            <button type="button" on:click=move |_| { drafts.create_blank(); panel.set(None); }>"新建草稿"</button>
            <button type="button" on:click=move |_| toggle(Panel::NextYear) title="以上一年度的草稿为基础新建本年度报告">
                "由上年报告新建"
            </button>
            <button type="button" on:click=move |_| { panel.set(None); report_import.show(); } title="导入上一年度已印发的报告（.docx、网页，或复制网页后粘贴），由它新建本年度报告">
                "导入上年报告"
            </button>
            <button type="button" on:click=export title="下载草稿文件（.json），可在另一台电脑导入">
                "导出草稿文件"
            </button>
            <ImportButton imports=imports label="导入草稿文件" />
            <a class="summary-link" href="summary.html" title="主管部门：汇总各单位的报告，生成本级汇总报告和 Excel 概览">"汇总"</a>
        </div>
        <DraftsBanners />
        <Show when=move || imports.showing()>
            {lazy_view::import_results(imports)}
        </Show>
        <Show when=move || report_import.is_open()>{lazy_view::import_dialog(report_import)}</Show>
        <Show when=move || panel.get() == Some(Panel::List)>
            {lazy_view::drafts_list(Callback::new(move |()| panel.set(None)))}
        </Show>
        <Show when=move || panel.get() == Some(Panel::NextYear)>
            {lazy_view::next_year(Callback::new(move |()| panel.set(None)))}
        </Show>
    }
}
