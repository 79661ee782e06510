//! Importing draft files, by the file picker or by dropping them anywhere on
//! the page. Every file is validated and listed with its check summary (the
//! office that collects its units' drafts imports many at once); a file for
//! the same 机关 and 年度 as a stored draft waits for the user's choice: an
//! import never overwrites a draft without asking.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::DragEvent;
use xxgk_core::checks::{run_checks, CheckOptions};
use xxgk_core::model::Report;
use xxgk_core::storage::{draft_title, DraftId, DraftMeta, DraftSummary};

use super::drafts_banners::{use_alerts, Alerts};
use super::file_button::FileButton;
use super::import_dialog::{use_report_import, ReportImport};
use super::lazy_view::{self, ReportSource};
use crate::dom::listen;
use crate::import_client;
use crate::state::Tally;
use crate::storage::{files, use_drafts, Drafts};

/// What became of one imported file.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Refused(String),
    /// Stored as a new draft.
    Added(DraftId),
    /// Read, but storage refused it: it can still be opened in memory.
    NotStored(Report, String),
    /// Last year's published report, read: its import report is in the import dialog.
    Published(String),
    /// Same 机关 and 年度 as a stored draft: replace it, keep both, or skip?
    Ask(Report, DraftSummary),
    Replaced(DraftId),
    Skipped,
}

#[derive(Clone, Debug, PartialEq)]
struct ImportRow {
    file: String,
    /// 「机关 年度年」 and the check summary, for a file that read.
    title: String,
    tally: Option<Tally>,
    outcome: Outcome,
}

/// The results of the latest import, shown until dismissed.
#[derive(Clone, Copy)]
pub struct Imports {
    rows: RwSignal<Vec<ImportRow>>,
    busy: RwSignal<bool>,
    /// A file is being dragged over the page.
    dragging: RwSignal<bool>,
    alerts: Alerts,
    reports: ReportImport,
}

impl Imports {
    pub fn provide() -> Imports {
        Imports {
            rows: RwSignal::new(Vec::new()),
            busy: RwSignal::new(false),
            dragging: RwSignal::new(false),
            alerts: use_alerts(),
            reports: use_report_import(),
        }
    }

    /// Whether there is anything to show: a drag over the page, an import under way, results
    /// (the view is loaded on demand: lazy_view.rs).
    pub fn showing(self) -> bool {
        self.dragging.get() || self.busy.get() || self.rows.with(|r| !r.is_empty())
    }

    /// Reads and files every one of `files` (the reading is in the import results' chunk).
    pub fn import(self, drafts: Drafts, files: Vec<web_sys::File>) {
        if files.is_empty() {
            return;
        }
        self.busy.set(true);
        self.rows.set(Vec::new());
        spawn_local(async move {
            if lazy_view::import_drafts(self, drafts, files).await.is_err() {
                self.busy.set(false);
                self.alerts.push("未能载入「导入草稿文件」（网络连接中断？），请稍后再试。".to_string());
            }
        });
    }

    /// What [`Self::import`] does once the chunk is in.
    pub async fn read_all(self, drafts: Drafts, files: Vec<web_sys::File>) {
        for file in &files {
            let row = read_one(drafts, self.reports, file).await;
            self.rows.update(|rows| rows.push(row));
        }
        self.busy.set(false);
        // One file, filed without question: open it, as the user surely wants.
        let single = self.rows.with_untracked(|rows| match rows.as_slice() {
            [ImportRow { outcome: Outcome::Added(id), .. }] => Some(id.clone()),
            _ => None,
        });
        if let Some(id) = single {
            self.alerts.tell(drafts.session.open(&id));
        }
    }

    fn settle(self, i: usize, outcome: Outcome) {
        self.rows.update(|rows| {
            if let Some(row) = rows.get_mut(i) {
                row.outcome = outcome;
            }
        });
    }
}

async fn read_one(drafts: Drafts, reports: ReportImport, file: &web_sys::File) -> ImportRow {
    let mut row =
        ImportRow { file: file.name(), title: String::new(), tally: None, outcome: Outcome::Skipped };
    // Last year's published report (.docx, a page, .doc/.pdf…): the report import's.
    if import_client::is_report_file(file) {
        row.outcome = match lazy_view::read_report(ReportSource::File(file.clone())).await {
            Ok(read) => {
                row.title = draft_title(&read.report.unit_name, read.report.year);
                reports.offer(format!("「{}」", file.name()), read);
                Outcome::Published(
                    "已识别为年度报告，请在「导入上年报告」窗口中查看识别结果并选择如何使用".to_string(),
                )
            }
            Err(message) => Outcome::Refused(message),
        };
        return row;
    }
    let report = match files::read_draft(file).await {
        Ok(report) => report,
        Err(message) => {
            row.outcome = Outcome::Refused(message);
            return row;
        }
    };
    row.title = draft_title(&report.unit_name, report.year);
    row.tally = Some(Tally::from_results(&run_checks(&report, CheckOptions::default())));
    let existing = drafts.store.index.with_untracked(|index| index.same_report(&report).next().cloned());
    row.outcome = match existing {
        Some(existing) => Outcome::Ask(report, existing),
        None => match drafts.store.add(&report) {
            Ok(id) => Outcome::Added(id),
            Err(message) => Outcome::NotStored(report, message),
        },
    };
    row
}

/// A button opening the file picker (several files at once).
#[component]
pub fn ImportButton(imports: Imports, label: &'static str) -> impl IntoView {
    let drafts = use_drafts();
    view! {
        <FileButton
            label
            accept=".json,application/json"
            multiple=true
            title="选择一个或多个草稿文件（.json），也可以把文件直接拖到本页"
            aria_label=label
            test_id="import-input"
            on_files=move |chosen| imports.import(drafts, chosen)
        />
    }
}

fn has_files(ev: &DragEvent) -> bool {
    ev.data_transfer().is_some_and(|dt| dt.types().includes(&"Files".into(), 0))
}

/// Files dropped anywhere on the page are imported; text dragged within the
/// page is left to the browser.
pub fn install_drop(imports: Imports) {
    let drafts = use_drafts();
    listen(&window(), ev::dragover, move |ev: DragEvent| {
        if has_files(&ev) {
            ev.prevent_default();
            imports.dragging.set(true);
        }
    })
    .keep();
    listen(&window(), ev::dragleave, move |ev: DragEvent| {
        // Leaving the window, not just one element inside it.
        if ev.related_target().is_none() {
            imports.dragging.set(false);
        }
    })
    .keep();
    listen(&window(), ev::drop, move |ev: DragEvent| {
        if has_files(&ev) {
            ev.prevent_default();
            imports.dragging.set(false);
            imports.import(drafts, files::list(ev.data_transfer().and_then(|dt| dt.files())));
        }
    })
    .keep();
}

#[component]
pub fn ImportResults(imports: Imports) -> impl IntoView {
    let drafts = use_drafts();
    let rows = move || imports.rows.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <Show when=move || imports.dragging.get()>
            <div class="drop-overlay" aria-hidden="true">"松开鼠标，导入草稿文件（.json）或上年报告（.docx、网页）"</div>
        </Show>
        <Show when=move || imports.busy.get() || imports.rows.with(|r| !r.is_empty())>
            <section class="banner banner-info import-results" aria-label="导入结果" data-testid="import-results">
                <div class="dialog-head">
                    <h2>{move || if imports.busy.get() { "正在导入…" } else { "导入结果" }}</h2>
                    <button type="button" class="notice-close" aria-label="关闭导入结果" on:click=move |_| imports.rows.set(Vec::new())>
                        "×"
                    </button>
                </div>
                <ul>
                    {move || rows().into_iter().map(|(i, row)| view! { <ImportLine imports drafts i row /> }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
fn ImportLine(imports: Imports, drafts: Drafts, i: usize, row: ImportRow) -> impl IntoView {
    let summary = row
        .tally
        .map(|t| view! { <span class=t.badge_class() data-testid="import-summary">{t.badge_text()}</span> });
    let alerts = use_alerts();
    let open = move |id: DraftId| move |_| alerts.tell(drafts.session.open(&id));
    let outcome = match row.outcome {
        Outcome::Refused(message) => {
            view! { <span class="import-error" role="alert">{message}</span> }.into_any()
        }
        Outcome::Added(id) => view! {
            <span>"已导入为新草稿"</span>
            <button type="button" on:click=open(id)>"打开"</button>
        }
        .into_any(),
        Outcome::Replaced(id) => view! {
            <span>"已替换原草稿（原内容可在草稿列表「本次删除的草稿」中恢复）"</span>
            <button type="button" on:click=open(id)>"打开"</button>
        }
        .into_any(),
        Outcome::Skipped => view! { <span>"未导入"</span> }.into_any(),
        Outcome::Published(message) => view! { <span>{message}</span> }.into_any(),
        Outcome::NotStored(report, message) => {
            let report = StoredValue::new(report);
            view! {
                <span class="import-error">{format!("已读取，但无法保存到浏览器：{message}")}</span>
                <button type="button" on:click=move |_| { drafts.create(report.get_value(), DraftMeta::default()); }>
                    "在本页打开"
                </button>
            }
            .into_any()
        }
        Outcome::Ask(report, existing) => {
            let report = StoredValue::new(report);
            let existing_id = StoredValue::new(existing.id.clone());
            let replace = move |_| {
                let outcome = match drafts.replace(&existing_id.get_value(), report.get_value()) {
                    Ok(()) => Outcome::Replaced(existing_id.get_value()),
                    Err(message) => Outcome::Refused(message),
                };
                imports.settle(i, outcome);
            };
            let keep_both = move |_| {
                let outcome = match drafts.store.add(&report.get_value()) {
                    Ok(id) => Outcome::Added(id),
                    Err(message) => Outcome::NotStored(report.get_value(), message),
                };
                imports.settle(i, outcome);
            };
            view! {
                <span class="import-ask" role="alert">
                    {format!("已有同一机关、同一年度的草稿「{}」（最后保存 {}）。", existing.title(), crate::storage::clock::date_time(existing.saved_at_ms))}
                </span>
                <button type="button" on:click=keep_both>"另存为新草稿"</button>
                <button type="button" class="danger" on:click=replace>"替换原草稿"</button>
                <button type="button" on:click=move |_| imports.settle(i, Outcome::Skipped)>"不导入"</button>
            }
            .into_any()
        }
    };
    view! {
        <li class="import-line" data-testid="import-line">
            <span class="import-file">{row.file}</span>
            {(!row.title.is_empty()).then(|| view! { <span class="import-title">{row.title.clone()}</span> })}
            {summary}
            {outcome}
        </li>
    }
}
