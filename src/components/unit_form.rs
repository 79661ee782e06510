//! The unit's details and the document's fixed parts: 机关名称, 单位层级,
//! 报告年度 (which picks the format edition), 标题形式, 发文字号, 主送机关,
//! the opening paragraph, 落款, 成文日期 and 版记.

use leptos::prelude::*;
use web_sys::Event;
use xxgk_core::format::{format, FormatVersion};
use xxgk_core::model::{TitleForm, UnitLevel};
use xxgk_core::year::switch_year;

use super::drafts_reference::LastYearPreamble;
use super::text_field::{TextArea, TextBinding, TextField};
use crate::dom::target_value;
use crate::state::ui::{use_ui, Tone};
use crate::state::use_editor;
use crate::storage::clock;

/// The first year the annual report exists in the 2019 trial format.
const FIRST_YEAR: u16 = 2019;

macro_rules! binding {
    ($name:literal, $($field:tt)+) => {
        TextBinding { name: $name, get: |r| &r.$($field)+, get_mut: |r| &mut r.$($field)+ }
    };
}

#[component]
pub fn UnitForm() -> impl IntoView {
    view! {
        <section class="unit-form" aria-label="单位与文件信息">
            <div class="form-grid">
                <TextField label="机关名称" binding=binding!("unit_name", unit_name) placeholder="如：平潭综合实验区自然资源与生态环境局" />
                <UnitLevelSelect />
                <YearSelect />
                <TitleFormSelect />
                <TextField label="发文字号" binding=binding!("doc_number", doc_number) placeholder="如：尔政字〔2022〕8号（无则留空）" />
                <TextField label="主送机关" binding=binding!("addressee", addressee) placeholder="报送上级时填写（无则留空）" />
                <TextField label="落款机关" binding=binding!("signature_org", signature_org) placeholder="留空则用机关名称" />
                <TextField label="成文日期" binding=binding!("signature_date", signature_date) kind="date" />
                <TextField label="版记：印发机关" binding=binding!("imprint_org", imprint_org) placeholder="无版记则留空" />
                <TextField label="版记：印发日期" binding=binding!("imprint_date", imprint_date) kind="date" />
            </div>
            <TitleLine />
            <div class="preamble">
                <h2>"开头段落"</h2>
                <p class="guidance">"正文前的说明段落，如：本报告由……编制……统计期限自……起至……止……如对本报告有疑问，请与……联系。"</p>
                <TextArea label="开头段落".to_string() binding=binding!("preamble", preamble) count=false />
                <LastYearPreamble />
            </div>
        </section>
    }
}

/// The title as it will be printed, so the clerk sees what 机关名称, 年度 and 标题形式 make.
#[component]
fn TitleLine() -> impl IntoView {
    let state = use_editor();
    view! {
        <p class="title-line">
            <span class="field-label">"标题："</span>
            <span class="title-text">{move || state.report().with(|r| r.title())}</span>
        </p>
    }
}

#[component]
fn UnitLevelSelect() -> impl IntoView {
    let state = use_editor();
    let current = Memo::new(move |_| state.report().with(|r| r.unit_level.map(UnitLevel::key).unwrap_or("")));
    let on_change = move |ev: Event| {
        let level = UnitLevel::from_key(&target_value(&ev));
        state.edit(|r| r.unit_level = level);
    };
    view! {
        <label class="field">
            <span class="field-label">"单位层级"</span>
            <select name="unit_level" on:change=on_change disabled=move || state.read_only().get()>
                <option value="" prop:selected=move || current.get().is_empty()>"请选择…"</option>
                {UnitLevel::ALL
                    .into_iter()
                    .map(|l| view! { <option value=l.key() prop:selected=move || current.get() == l.key()>{l.label()}</option> })
                    .collect_view()}
            </select>
        </label>
    }
}

#[component]
fn YearSelect() -> impl IntoView {
    let state = use_editor();
    let ui = use_ui();
    let year = Memo::new(move |_| state.report().with(|r| r.year));
    let this_year = clock::current_year();
    let years = move || (FIRST_YEAR..=this_year.max(year.get())).rev().collect::<Vec<_>>();
    let on_change = move |ev: Event| {
        let Ok(new_year) = target_value(&ev).parse::<u16>() else {
            return;
        };
        let before = state.version.get_untracked();
        let mut dropped = 0;
        state.edit(|r| dropped = switch_year(r, new_year));
        let after = FormatVersion::for_report_year(new_year);
        if after != before {
            let edition = match after {
                FormatVersion::Trial2019 => "2019 年试行格式",
                FormatVersion::Official2021 => "2021 年新格式",
            };
            let mut text = format!("{new_year} 年度报告使用{edition}（{}），表格已随之切换", after.notice());
            if dropped > 0 {
                text.push_str(&format!("；{dropped} 个新格式中没有的格子的数值已移除，按 Ctrl+Z 可撤销恢复"));
            }
            ui.notify(text + "。", if dropped > 0 { Tone::Warning } else { Tone::Info });
        }
    };
    view! {
        <label class="field">
            <span class="field-label">"报告年度"</span>
            <select name="year" on:change=on_change disabled=move || state.read_only().get()>
                {move || {
                    years()
                        .into_iter()
                        .map(|y| view! { <option value=y.to_string() prop:selected=move || year.get() == y>{format!("{y} 年")}</option> })
                        .collect_view()
                }}
            </select>
            <span class="field-hint">{move || format!("格式：{}", format(state.version.get()).version.notice())}</span>
        </label>
    }
}

#[component]
fn TitleFormSelect() -> impl IntoView {
    let state = use_editor();
    let current = Memo::new(move |_| state.report().with(|r| r.title_form));
    let on_change = move |ev: Event| {
        let form = if target_value(&ev) == "submission" { TitleForm::Submission } else { TitleForm::Annual };
        state.edit(|r| r.title_form = form);
    };
    view! {
        <label class="field">
            <span class="field-label">"标题形式"</span>
            <select name="title_form" on:change=on_change disabled=move || state.read_only().get()>
                <option value="annual" prop:selected=move || current.get() == TitleForm::Annual>
                    "××年政府信息公开工作年度报告"
                </option>
                <option value="submission" prop:selected=move || current.get() == TitleForm::Submission>
                    "关于报送××年政府信息公开工作的报告"
                </option>
            </select>
        </label>
    }
}
