//! The lazy points of the app's wasm (docs/first-load.md). Each `#[wasm_split]` function below
//! goes, with all the code only it reaches, into a wasm chunk of its own: scripts/split-wasm.mjs
//! splits it off at build time and the page fetches it the first time the function runs. What
//! typing the first figure needs (the grid, the table checks, the drafts storage) stays in the main
//! wasm. The text checks' lazy point is in `state/text_checks.rs`.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use wasm_split_helpers::{wasm_split, SplitLoaderError};
use xxgk_core::checks::CheckResult;

use super::checks_verify::{VerifiedGroup, VerifyForm};
use super::drafts_banners::OtherBanners;
use super::drafts_import::{ImportResults, Imports};
use super::drafts_list::DraftsList;
use super::drafts_next_year::NextYearDialog;
use super::import_dialog::{ImportDialog, ReportImport};
use super::preview::Preview;
use crate::import_client::{self, Read};
use crate::storage::Drafts;

/// Shows the view `load` gives once its chunk is in, and 「正在载入…」 while it is on its way (on a
/// slow network a click must be seen to have done something); if the chunk cannot be fetched, a
/// message instead (the chunk is fetched again the next time).
fn lazy<F>(what: &'static str, load: F) -> impl IntoView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
{
    let loading = RwSignal::new(true);
    view! {
        <Show when=move || loading.get()>
            <p class="lazy-loading" role="status">{format!("正在载入「{what}」…")}</p>
        </Show>
        {Suspend::new(async move {
            let view = load.await.unwrap_or_else(|_| {
                view! {
                    <p class="dialog-note warn" role="alert">
                        {format!("未能载入「{what}」（网络连接中断？），请稍后再试。")}
                    </p>
                }
                .into_any()
            });
            loading.set(false);
            view
        })}
    }
}

#[wasm_split(drafts_list, fallible)]
fn drafts_list_view(on_close: Callback<()>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <DraftsList on_close=move || on_close.run(()) /> }.into_any())
}

/// The drafts dialog (草稿列表).
pub fn drafts_list(on_close: Callback<()>) -> impl IntoView {
    lazy("草稿列表", drafts_list_view(on_close))
}

#[wasm_split(next_year, fallible)]
fn next_year_view(on_close: Callback<()>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <NextYearDialog on_close=move || on_close.run(()) /> }.into_any())
}

/// The dialog 「由上年报告新建」.
pub fn next_year(on_close: Callback<()>) -> impl IntoView {
    lazy("由上年报告新建", next_year_view(on_close))
}

#[wasm_split(import_dialog, fallible)]
fn import_dialog_view(import: ReportImport) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ImportDialog import /> }.into_any())
}

/// The dialog 「导入上年报告」 (its reader is the import worker's wasm).
pub fn import_dialog(import: ReportImport) -> impl IntoView {
    lazy("导入上年报告", import_dialog_view(import))
}

#[wasm_split(import_results, fallible)]
fn import_results_view(imports: Imports) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <ImportResults imports /> }.into_any())
}

/// The results of importing draft files (dropped or chosen).
pub fn import_results(imports: Imports) -> impl IntoView {
    lazy("导入结果", import_results_view(imports))
}

type Importing = Pin<Box<dyn Future<Output = ()>>>;

#[wasm_split(import_results, fallible)]
fn import_drafts_chunk(
    imports: Imports,
    drafts: Drafts,
    files: Vec<web_sys::File>,
) -> Result<Importing, SplitLoaderError> {
    Ok(Box::pin(imports.read_all(drafts, files)))
}

/// Reads and files draft files (in the import results' chunk, with their view).
pub async fn import_drafts(
    imports: Imports,
    drafts: Drafts,
    files: Vec<web_sys::File>,
) -> Result<(), SplitLoaderError> {
    import_drafts_chunk(imports, drafts, files).await?.await;
    Ok(())
}

#[wasm_split(preview, fallible, preload(preload_preview))]
fn preview_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <Preview /> }.into_any())
}

/// The print preview (built when idle, when opened, or before printing).
pub fn preview() -> impl IntoView {
    lazy("预览", preview_view())
}

/// Fetches the preview's chunk, so that the preview is built at once when asked for (printing).
pub async fn preview_ready() -> Result<(), SplitLoaderError> {
    preload_preview().await
}

#[wasm_split(storage_banners, fallible)]
fn storage_banners_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <OtherBanners /> }.into_any())
}

/// The banners of another window's change, a read-only draft and the alerts (drafts_banners.rs).
pub fn storage_banners() -> impl IntoView {
    lazy("提示", storage_banners_view())
}

#[wasm_split(verify, fallible)]
fn verify_form_view(result: Memo<CheckResult>, open: RwSignal<bool>) -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <VerifyForm result open /> }.into_any())
}

/// The form of 「标记为已核实」 (checks_verify.rs).
pub fn verify_form(result: Memo<CheckResult>, open: RwSignal<bool>) -> impl IntoView {
    lazy("已核实", verify_form_view(result, open))
}

#[wasm_split(verify, fallible)]
fn verified_group_view() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <VerifiedGroup /> }.into_any())
}

/// The warnings marked 「已核实」, folded (checks_verify.rs).
pub fn verified_group() -> impl IntoView {
    lazy("已核实", verified_group_view())
}

/// What a published report is read from.
pub enum ReportSource {
    File(web_sys::File),
    /// What was pasted: its `text/html` and its `text/plain`.
    Paste {
        html: String,
        text: String,
    },
}

type Reading = Pin<Box<dyn Future<Output = Result<Read, String>>>>;

#[wasm_split(report_reader, fallible)]
fn report_reader(input: ReportSource) -> Result<Reading, SplitLoaderError> {
    Ok(Box::pin(async move {
        match input {
            ReportSource::File(file) => import_client::read_file(&file).await,
            ReportSource::Paste { html, text } => import_client::read_paste(html, text).await,
        }
    }))
}

/// Reads last year's published report in the import worker (the page's side of it, which
/// starts the worker and reads its reply, is a chunk of its own: fetched at the first import).
pub async fn read_report(input: ReportSource) -> Result<Read, String> {
    match report_reader(input).await {
        Ok(reading) => reading.await,
        Err(_) => Err("未能载入读取报告的组件（网络连接中断？），请稍后再试。".to_string()),
    }
}
