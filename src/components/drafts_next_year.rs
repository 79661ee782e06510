//! 「由上年报告新建」: pick last year's draft, its file, or last year's
//! published report (a `.docx` or page, read by the report import); the new report
//! gets the unit's details, 二、上年结转 from last year's 四、结转下年度继续办理,
//! and the cross-year checks. Last year's text is not copied, only shown
//! beside the new one.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xxgk_core::model::Report;
use xxgk_core::storage::DraftSummary;

use super::dialog_head::DialogHead;
use super::file_button::FileButton;
use super::import_dialog::use_report_import;
use crate::import_client;
use crate::state::ui::{use_ui, Tone, Ui};
use crate::storage::{clock, files, use_drafts, Drafts};

#[component]
pub fn NextYearDialog(on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let drafts = use_drafts();
    let ui = use_ui();
    let error = RwSignal::new(None::<String>);
    let report_import = use_report_import();
    let start = move |last: Report| {
        start_next_year(drafts, ui, &last);
        on_close();
    };
    let from_draft = move |summary: &DraftSummary| {
        let id = summary.id.clone();
        move |_| match last_report(drafts, &id) {
            Ok(last) => start(last),
            Err(message) => error.set(Some(message)),
        }
    };
    let from_file = move |chosen: Vec<web_sys::File>| {
        let Some(file) = chosen.into_iter().next() else { return };
        // Last year's published report: its import report first (the report import's dialog).
        if import_client::is_report_file(&file) {
            report_import.read_file(file);
            on_close();
            return;
        }
        spawn_local(async move {
            match files::read_draft(&file).await {
                Ok(last) => start(last),
                Err(message) => error.set(Some(message)),
            }
        });
    };
    let candidates = move || {
        drafts
            .store
            .index
            .with(|index| index.candidates_for_last_year().into_iter().cloned().collect::<Vec<_>>())
    };
    view! {
        <div class="dialog next-year-dialog" role="dialog" aria-label="由上年报告新建" data-testid="next-year-dialog">
            <DialogHead title="由上年报告新建" on_close />
            <p class="dialog-note">
                "选择上一年度的报告。新报告沿用机关信息；表三「二、上年结转」逐列取自上年「四、结转下年度继续办理」；"
                "上年的「现行有效件数」和结转数用于跨年度检查。上年的文字不会复制到新报告（年年雷同是常见问题），只在旁边供对照。"
            </p>
            <ul class="next-year-candidates">
                {move || candidates().into_iter().map(|d| view! {
                    <li>
                        <button type="button" on:click=from_draft(&d) disabled=d.read_only>
                            {format!("{}（{}年，最后保存 {}）", d.title(), d.year, clock::date_time(d.saved_at_ms))}
                        </button>
                        {format!(" → 新建{}年报告", d.year + 1)}
                    </li>
                }).collect_view()}
            </ul>
            <p>
                <FileButton
                    label="从文件选择上年草稿或上年报告…"
                    accept=".json,application/json,.docx,.html,.htm,.doc,.wps,.pdf"
                    aria_label="上年草稿文件"
                    test_id="next-year-input"
                    on_files=from_file
                />
            </p>
            {move || error.get().map(|e| view! { <p class="row-error" role="alert">{e}</p> })}
        </div>
    }
}

/// Opens this year's report started from `last` and says what carried over.
pub fn start_next_year(drafts: Drafts, ui: Ui, last: &Report) {
    let year = last.year;
    drafts.create_next_year(last);
    ui.notify(
        format!(
            "已由{year}年报告新建{}年报告：表三「二、上年结转」已按上年「四、结转下年度继续办理」逐列填入，跨年度检查已开启。\
             上年的文字没有复制，可在各节下方对照参考。",
            year + 1
        ),
        Tone::Info,
    );
}

/// Last year's report from a stored draft; the open one is taken from the
/// editor, with edits not yet saved.
fn last_report(drafts: Drafts, id: &xxgk_core::storage::DraftId) -> Result<Report, String> {
    if *id == drafts.session.current.get_untracked() {
        return Ok(drafts.session.current_report());
    }
    drafts.store.read(id).map(|opened| opened.report)
}
