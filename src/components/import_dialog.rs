//! 「导入上年报告」: last year's published report (a `.docx`, a saved portal
//! page, or the page pasted with Ctrl+V) is read in the import worker and its
//! import report shown before anything is stored; then the clerk chooses to
//! start this year's report from it or to open it as that year's draft. A
//! stored draft of the same 机关 and 年度 is never replaced without asking.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use web_sys::ClipboardEvent;
use xxgk_core::import::report::ReportGroup;
use xxgk_core::model::Report;
use xxgk_core::storage::{next_year, DraftMeta, DraftSummary};

use super::dialog_head::DialogHead;
use super::drafts_banners::use_alerts;
use super::drafts_next_year::start_next_year;
use super::file_button::FileButton;
use super::lazy_view::{self, ReportSource};
use crate::dom::listen;
use crate::import_client::Read;
use crate::state::ui::{use_ui, Tone};
use crate::storage::{clock, use_drafts};

/// A read report waiting for the clerk's choice.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    /// 「文件名」 or 「粘贴的内容」.
    source: String,
    report: Report,
    /// The import report's groups.
    groups: Vec<ReportGroup>,
}

/// The two choices, and a stored draft they would meet.
#[derive(Clone, Debug, PartialEq)]
enum Ask {
    NextYear(DraftSummary),
    AsIs(DraftSummary),
}

/// The import dialog's state: open, reading, a message, the reports read.
#[derive(Clone, Copy)]
pub struct ReportImport {
    open: RwSignal<bool>,
    busy: RwSignal<bool>,
    error: RwSignal<Option<String>>,
    /// Reports read, the first one shown (several can be dropped at once).
    queue: RwSignal<Vec<Pending>>,
    ask: RwSignal<Option<Ask>>,
}

impl ReportImport {
    pub fn provide() -> ReportImport {
        let import = ReportImport {
            open: RwSignal::new(false),
            busy: RwSignal::new(false),
            error: RwSignal::new(None),
            queue: RwSignal::new(Vec::new()),
            ask: RwSignal::new(None),
        };
        provide_context(import);
        import
    }

    pub fn show(self) {
        self.open.set(true);
    }

    /// Whether the dialog is open (its view is loaded on demand: lazy_view.rs).
    pub fn is_open(self) -> bool {
        self.open.get()
    }

    fn close(self) {
        self.open.set(false);
        self.error.set(None);
        self.queue.set(Vec::new());
        self.ask.set(None);
    }

    /// Reads a picked file; its message shows in the dialog.
    pub fn read_file(self, file: web_sys::File) {
        self.read(format!("「{}」", file.name()), ReportSource::File(file));
    }

    /// Reads what was pasted (its `text/html`, else its `text/plain`).
    pub fn read_paste(self, html: String, text: String) {
        self.read("粘贴的内容".to_string(), ReportSource::Paste { html, text });
    }

    fn read(self, source: String, input: ReportSource) {
        self.open.set(true);
        self.error.set(None);
        self.busy.set(true);
        spawn_local(async move {
            let read = lazy_view::read_report(input).await;
            self.busy.set(false);
            match read {
                Ok(read) => self.offer(source, read),
                Err(message) => self.error.set(Some(message)),
            }
        });
    }

    /// A report read from a dropped file: shown in the dialog for the clerk's choice.
    pub fn offer(self, source: String, read: Read) {
        self.open.set(true);
        self.queue.update(|q| q.push(Pending { source, report: read.report, groups: read.groups }));
    }

    /// The shown report is dealt with: on to the next one, or closed.
    fn done(self) {
        self.ask.set(None);
        self.queue.update(|q| {
            if !q.is_empty() {
                q.remove(0);
            }
        });
        if self.queue.with_untracked(Vec::is_empty) {
            self.close();
        }
    }

    /// Ctrl+V on the page with the focus outside every text field: last
    /// year's report copied from the portal.
    pub fn install_paste(self) {
        listen(&window(), ev::paste, move |ev: ClipboardEvent| {
            if ev.default_prevented() || focus_in_text_field() {
                return;
            }
            let Some(data) = ev.clipboard_data() else { return };
            let html = data.get_data("text/html").unwrap_or_default();
            let text = data.get_data("text/plain").unwrap_or_default();
            if html.trim().is_empty() && text.trim().is_empty() {
                return;
            }
            ev.prevent_default();
            self.read_paste(html, text);
        })
        .keep();
    }
}

pub fn use_report_import() -> ReportImport {
    expect_context::<ReportImport>()
}

/// Whether the focus is where a paste is typing (a field, a grid cell, editable text).
fn focus_in_text_field() -> bool {
    let Some(el) = document().active_element() else { return false };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.dyn_ref::<web_sys::HtmlElement>().is_some_and(|el| el.is_content_editable())
}

#[component]
pub fn ImportDialog(import: ReportImport) -> impl IntoView {
    // The paste box: the same as Ctrl+V on the page, for a clerk who looks for a place to paste.
    let on_paste = move |ev: ClipboardEvent| {
        let Some(data) = ev.clipboard_data() else { return };
        ev.prevent_default();
        import.read_paste(
            data.get_data("text/html").unwrap_or_default(),
            data.get_data("text/plain").unwrap_or_default(),
        );
    };
    let current = move || import.queue.with(|q| q.first().cloned());
    view! {
        <Show when=move || import.open.get()>
            <div class="dialog import-dialog" role="dialog" aria-label="导入上年报告" data-testid="import-dialog">
                <DialogHead title="导入上年报告" on_close=move || import.close() />
                <Show when=move || current().is_none() && !import.busy.get()>
                    <p class="dialog-note">
                        "导入上一年度已印发的报告：Word 或 WPS 保存的 .docx、从门户网站保存的网页（.html），"
                        "或在门户网站上选中报告全文复制后，在本页空白处按 Ctrl+V 粘贴。导入前会先列出识别结果，确认后才保存。"
                    </p>
                    <p>
                        <FileButton
                            label="选择报告文件（.docx、.html）…"
                            accept=".docx,.html,.htm,.doc,.wps,.pdf"
                            aria_label="上年报告文件"
                            test_id="import-report-input"
                            on_files=move |chosen| chosen.into_iter().take(1).for_each(|file| import.read_file(file))
                        />
                    </p>
                    <textarea class="import-paste" rows="3" data-testid="import-paste" aria-label="粘贴上年报告" placeholder="或在此处粘贴（Ctrl+V）从门户网站复制的报告全文" on:paste=on_paste></textarea>
                </Show>
                <Show when=move || import.busy.get()>
                    <p role="status">"正在读取报告…"</p>
                </Show>
                {move || import.error.get().map(|e| view! { <p class="row-error" role="alert">{e}</p> })}
                {move || current().map(|pending| view! { <ImportReportView import pending /> })}
            </div>
        </Show>
    }
}

/// One report read: what was recognised, then the choices.
#[component]
fn ImportReportView(import: ReportImport, pending: Pending) -> impl IntoView {
    let drafts = use_drafts();
    let ui = use_ui();
    let alerts = use_alerts();
    let year = pending.report.year;
    let report = StoredValue::new(pending.report);
    let start = move || {
        start_next_year(drafts, ui, &report.get_value());
        import.done();
    };
    let open_as_is = move || {
        drafts.create(report.get_value(), DraftMeta::default());
        ui.notify(format!("已将导入的{year}年报告作为{year}年草稿打开"), Tone::Info);
        import.done();
    };
    let same = move |r: &Report| drafts.store.index.with_untracked(|i| i.same_report(r).next().cloned());
    let on_next_year = move |_| match same(&next_year(&report.get_value())) {
        Some(existing) => import.ask.set(Some(Ask::NextYear(existing))),
        None => start(),
    };
    let on_as_is = move |_| match same(&report.get_value()) {
        Some(existing) => import.ask.set(Some(Ask::AsIs(existing))),
        None => open_as_is(),
    };
    let replace = move |existing: DraftSummary| {
        alerts.tell(
            drafts.replace(&existing.id, report.get_value()).and_then(|()| drafts.session.open(&existing.id)),
        );
        import.done();
    };
    let ask = move || {
        import.ask.get().map(|ask| {
            let (existing, replaceable) = match ask {
                Ask::NextYear(existing) => (existing, false),
                Ask::AsIs(existing) => (existing, true),
            };
            let text = format!(
                "已有同一机关、同一年度的草稿「{}」（最后保存 {}）。",
                existing.title(),
                clock::date_time(existing.saved_at_ms)
            );
            let keep_both = move |_| if replaceable { open_as_is() } else { start() };
            let existing = StoredValue::new(existing);
            view! {
                <p class="import-ask" role="alert">
                    {text}
                    <button type="button" on:click=keep_both>"另存为新草稿"</button>
                    {replaceable.then(|| view! {
                        <button type="button" class="danger" on:click=move |_| replace(existing.get_value())>"替换原草稿"</button>
                    })}
                    <button type="button" on:click=move |_| import.ask.set(None)>"取消"</button>
                </p>
            }
        })
    };
    view! {
        <section class="import-report" data-testid="import-report">
            <h3>{format!("{}：识别结果", pending.source)}</h3>
            <div>{pending.groups.into_iter().map(report_group).collect_view()}</div>
            <p class="dialog-note">"尚未保存任何内容。请选择："</p>
            <p>
                <button type="button" on:click=on_next_year>{format!("以此为上年报告，新建{}年报告", year + 1)}</button>
                " "
                <button type="button" on:click=on_as_is>{format!("作为{year}年草稿打开")}</button>
                " "
                <button type="button" on:click=move |_| import.done()>"不导入"</button>
            </p>
            {ask}
        </section>
    }
}

/// One group of the import report: its heading and its lines, a line not
/// found marked for the eye and for tests.
fn report_group(group: ReportGroup) -> impl IntoView {
    let lines = group
        .lines
        .into_iter()
        .map(|(line, found)| {
            view! {
                <li class:row-error=!found data-found=(!found).then_some("false")>{line}</li>
            }
        })
        .collect_view();
    view! {
        {group.heading.map(|h| view! { <h4>{h}</h4> })}
        <ul data-part=group.part>{lines}</ul>
    }
}
