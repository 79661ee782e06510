//! Undo and redo, the automatic-totals switch, preview and print.

use leptos::prelude::*;

use crate::state::ui::use_ui;
use crate::state::use_editor;

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    let toggle_totals = move |_| {
        state.edit(|r| r.auto_totals = !r.auto_totals);
    };
    let print = move |_| {
        // Build the preview first; print once it is in the page.
        ui.build_preview();
        request_animation_frame(|| {
            let _ = window().print();
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
            <span class="toolbar-gap"></span>
            <button
                type="button"
                aria-pressed=move || if ui.preview.get() { "true" } else { "false" }
                on:click=move |_| ui.show_preview(!ui.preview.get_untracked())
            >
                {move || if ui.preview.get() { "返回编辑" } else { "预览" }}
            </button>
            <button type="button" on:click=print title="打印报告（Ctrl+P），只打印报告正文">"打印"</button>
        </div>
    }
}
