//! Undo and redo, the automatic-totals switch, 「空格填 0」, preview, print and DOCX export.

use leptos::prelude::*;
use leptos::task::spawn_local;
use xxgk_core::checks::{run_checks, summarize, CheckOptions};
use xxgk_core::zero_fill::fill_blanks_with_zero;

use super::lazy_view;
use crate::docx_client::export_docx;
use crate::state::ui::{use_ui, Tone, Ui};
use crate::state::{use_editor, EditorState};

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    let toggle_totals = move |_| {
        state.edit(|r| r.auto_totals = !r.auto_totals);
    };
    let fill_zero = move |_| {
        let mut filled = 0;
        state.edit(|r| filled = fill_blanks_with_zero(r));
        match filled {
            0 => ui.notify("没有未填写的单元格。", Tone::Info),
            n => ui.notify(format!("已将 {n} 个未填写的单元格填为 0（可撤销）。"), Tone::Info),
        }
    };
    let exporting = RwSignal::new(false);
    let export = move |_| export(state, ui, exporting);
    let print = move |_| {
        // Build the preview first (its chunk fetched if need be); print once it is in the page.
        spawn_local(async move {
            if lazy_view::preview_ready().await.is_err() {
                ui.notify("未能载入打印所需的预览（网络连接中断？），请稍后再试。", Tone::Warning);
                return;
            }
            ui.build_preview();
            request_animation_frame(|| {
                let _ = window().print();
            });
        });
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="编辑工具">
            <button type="button" on:click=move |_| { state.undo(); } disabled=move || !state.can_undo() title="撤销（Ctrl+Z）">
                "撤销"
            </button>
            <button type="button" on:click=move |_| { state.redo(); } disabled=move || !state.can_redo() title="重做（Ctrl+Y）">
                "重做"
            </button>
            <label class="switch" title="开启时，总计由各项相加自动得出；照录已公布的报告时可关闭，手工填写总计并接受检查">
                <input
                    type="checkbox"
                    name="auto_totals"
                    prop:checked=move || state.auto_totals.get()
                    on:change=toggle_totals
                    disabled=move || state.read_only().get()
                />
                "自动计算总计"
            </label>
            <button
                type="button"
                on:click=fill_zero
                disabled=move || state.read_only().get()
                title="把表格中所有未填写的单元格填为 0（自动计算的总计除外）；没有发生的事项应填 0，不要留空"
            >
                "空格填 0"
            </button>
            <span class="toolbar-gap"></span>
            <button
                type="button"
                aria-pressed=move || if ui.preview.get() { "true" } else { "false" }
                on:click=move |_| ui.show_preview(!ui.preview.get_untracked())
            >
                {move || if ui.preview.get() { "返回编辑" } else { "预览" }}
            </button>
            <button type="button" on:click=print title="打印报告（Ctrl+P），只打印报告正文">"打印"</button>
            <button
                type="button"
                class="primary"
                on:click=export
                disabled=move || exporting.get()
                title="按公文格式（GB/T 9704）生成 Word 文档"
            >
                {move || if exporting.get() { "正在生成…" } else { "导出 DOCX" }}
            </button>
        </div>
    }
}

/// Exports the report as it stands; with errors or warnings left (blank cells
/// are warnings at export), only after the user confirms.
fn export(state: EditorState, ui: Ui, exporting: RwSignal<bool>) {
    if exporting.get_untracked() {
        return;
    }
    let report = state.report().get_untracked();
    let summary = summarize(&run_checks(&report, CheckOptions { at_export: true }));
    if summary.errors + summary.warnings > 0 {
        let question = format!(
            "报告中还有 {} 处错误、{} 处提醒（如勾稽关系不符、单元格未填写），导出的文件将原样包含这些内容。\n\n仍要导出吗？",
            summary.errors, summary.warnings
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
    }
    exporting.set(true);
    spawn_local(async move {
        let result = export_docx(&report).await;
        exporting.set(false);
        match result {
            Ok(()) => ui.notify("已生成 DOCX 文件，浏览器正在下载。", Tone::Info),
            Err(message) => ui.notify(message, Tone::Warning),
        }
    });
}
