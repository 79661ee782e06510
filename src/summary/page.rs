//! The page: files in, the table, the roster, the summary, the Excel overview.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::{DragEvent, HtmlInputElement};
use xxgk_core::summary::xlsx::{overview_xlsx, Extras};
use xxgk_core::summary::{match_roster, parse_roster, Batch};

use super::io;
use super::state::{Made, Workspace};
use super::table::UnitsTable;

/// How many units a line of the summary's notes names before 「等」.
const NAMED: usize = 5;

#[component]
pub fn Page() -> impl IntoView {
    let year = js_sys::Date::new_0().get_full_year() as u16 - 1;
    let ws = Workspace::new(io::load_text(io::ROSTER_KEY).unwrap_or_default(), year);
    let dragging = RwSignal::new(false);
    let read = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        ws.busy.set(true);
        spawn_local(async move {
            let read = io::read_all(&files).await;
            io::mark("xxgkSummaryFilesRead");
            ws.add_files(read);
            io::mark("xxgkSummaryFilesChecked");
            ws.busy.set(false);
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        read(io::list(input.files()));
        input.set_value("");
    };
    let on_drop = move |ev: DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        read(io::list(ev.data_transfer().and_then(|d| d.files())));
    };
    let add_stored = move |_| match io::stored_drafts() {
        Ok(drafts) if drafts.is_empty() => ws.message.set(Some("本浏览器中没有保存的草稿".to_string())),
        Ok(drafts) => ws.add_stored(drafts),
        Err(message) => ws.message.set(Some(message)),
    };
    let count = move || ws.batch.with(|b| b.entries.len());

    view! {
        <header class="top">
            <h1>"汇总：各单位政府信息公开工作年度报告"</h1>
            <a class="back" href="./">"返回报告编辑"</a>
        </header>
        <main>
            <section
                class="intake"
                class:dragging=dragging
                on:dragover=move |ev: DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <p>"把各单位导出的草稿文件（.json）或已发布的报告（.docx、网页 .html/.htm、文本 .txt）拖到这里，或："</p>
                <label class="button">
                    "选择文件…"
                    <input type="file" multiple accept=".json,.docx,.html,.htm,.txt,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain" data-testid="pick" on:change=on_pick />
                </label>
                <button type="button" on:click=add_stored>"添加本浏览器中的草稿"</button>
                <button type="button" on:click=move |_| ws.clear() disabled=move || count() == 0>"清空"</button>
                <p class="status" role="status">
                    {move || if ws.busy.get() { "正在读取…".to_string() } else { format!("已读取 {} 份报告", count()) }}
                </p>
                {move || ws.message.get().map(|m| view! { <p class="message" role="alert">{m}</p> })}
            </section>
            <Unreadable ws />
            <Duplicates ws />
            <section class="filters" hidden=move || count() == 0>
                <label>
                    <input type="checkbox" prop:checked=ws.only_errors on:change=move |ev| ws.only_errors.set(event_target_checked(&ev)) />
                    "只看有错误的"
                </label>
                <label>
                    "按机关筛选："
                    <input type="search" prop:value=ws.name_filter on:input=move |ev| ws.name_filter.set(event_target_value(&ev)) />
                </label>
                <button type="button" on:click=move |_| export(ws)>"导出概览（Excel）"</button>
            </section>
            <UnitsTable ws />
            <Roster ws />
            <SummaryPanel ws />
        </main>
    }
}

#[component]
fn Unreadable(ws: Workspace) -> impl IntoView {
    move || {
        ws.batch.with(|b| {
            (!b.unreadable.is_empty()).then(|| {
                let items = b
                    .unreadable
                    .iter()
                    .map(|u| view! { <li><strong>{u.source.clone()}</strong>"："{u.reason.clone()}</li> })
                    .collect_view();
                view! {
                    <section class="unreadable" data-testid="unreadable">
                        <h2>{format!("无法读取的文件（{} 个）", b.unreadable.len())}</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        })
    }
}

#[component]
fn Duplicates(ws: Workspace) -> impl IntoView {
    move || {
        ws.batch.with(|b| {
            let items: Vec<_> = b
                .duplicates()
                .map(|(i, first)| {
                    format!(
                        "第 {} 行「{}」与第 {} 行是同一机关同一年度的报告（{}）；汇总时只计一次",
                        i + 1,
                        b.entries[i].row.unit_name,
                        first + 1,
                        b.entries[i].source
                    )
                })
                .collect();
            (!items.is_empty()).then(|| {
                view! {
                    <section class="duplicates">
                        <h2>{format!("重复的报告（{} 份）", items.len())}</h2>
                        <ul>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                    </section>
                }
            })
        })
    }
}

#[component]
fn Roster(ws: Workspace) -> impl IntoView {
    let matched = Memo::new(move |_| {
        let names = parse_roster(&ws.roster.get());
        if names.is_empty() {
            return None;
        }
        let m = ws.batch.with(|b| {
            let units: Vec<&str> = b.entries.iter().map(|e| e.report.unit_name.as_str()).collect();
            match_roster(&names, &units)
        });
        Some((names.len(), m))
    });
    view! {
        <section class="roster">
            <h2>"应报送单位名单"</h2>
            <p class="hint">"粘贴应报送的单位名单（每行一个，可从 Excel 复制一列），查看哪些单位尚未报送。名单保存在本浏览器中，明年汇总时仍在。"</p>
            <textarea
                rows="6"
                aria-label="应报送单位名单"
                prop:value=ws.roster
                on:input=move |ev| {
                    let text = event_target_value(&ev);
                    io::save_text(io::ROSTER_KEY, &text);
                    ws.roster.set(text);
                }
            ></textarea>
            {move || matched.get().map(|(total, m)| {
                let reported = total - m.missing.len();
                let missing = (!m.missing.is_empty()).then(|| view! {
                    <p class="missing" data-testid="missing">"尚未报送：" {m.missing.join("、")}</p>
                });
                view! {
                    <p>{format!("名单共 {total} 个单位，已报送 {reported} 个，尚未报送 {} 个。", m.missing.len())}</p>
                    {missing}
                }
            })}
        </section>
    }
}

#[component]
fn SummaryPanel(ws: Workspace) -> impl IntoView {
    let make = move |_| {
        let name = ws.unit_name.get_untracked();
        let name = name.trim().to_string();
        if name.is_empty() {
            ws.message.set(Some("请填写汇总报告的机关名称，如「某某县人民政府」".to_string()));
            return;
        }
        let Some(year) =
            ws.year.get_untracked().trim().parse::<u16>().ok().filter(|y| (2008..=2100).contains(y))
        else {
            ws.message.set(Some("年度应为 2008 到 2100 之间的年份，如 2024".to_string()));
            return;
        };
        if ws.batch.with_untracked(|b| b.entries.is_empty()) {
            ws.message.set(Some("还没有读取任何单位的报告".to_string()));
            return;
        }
        ws.message.set(None);
        let (summation, members, parent) = ws.make_summary(&name, year);
        let stored = io::store_new_draft(&summation.report);
        ws.summary.set(Some(Made { summation, members, stored, parent }));
    };
    view! {
        <section class="summary">
            <h2>"生成汇总报告"</h2>
            <p class="hint">"表二、表三、表四逐格相加（金额按小数精确相加）；某单位未填写的单元格，汇总中也留空，并列出这些单位。设为「本级」的报告不计入合计，而与下级合计逐格比较。生成的汇总报告是一份普通草稿，可在编辑器中修改、校验、导出。"</p>
            <label>"机关名称：" <input type="text" prop:value=ws.unit_name on:input=move |ev| ws.unit_name.set(event_target_value(&ev)) /></label>
            <label>"年度：" <input type="text" inputmode="numeric" size="6" prop:value=ws.year on:input=move |ev| ws.year.set(event_target_value(&ev)) /></label>
            <button type="button" class="primary" on:click=make>"生成汇总报告"</button>
            {move || ws.summary.get().map(|made| made_view(ws, made))}
        </section>
    }
}

fn made_view(ws: Workspace, made: Made) -> impl IntoView {
    let s = &made.summation;
    let names = |b: &Batch, list: &[usize]| {
        let text: Vec<&str> =
            list.iter().take(NAMED).map(|&i| b.entries[made.members[i]].row.unit_name.as_str()).collect();
        let mut out = text.join("、");
        if list.len() > NAMED {
            out.push_str(&format!("等 {} 个单位", list.len()));
        }
        out
    };
    ws.batch.with_untracked(|b| {
        let stored = match &made.stored {
            Ok(id) => {
                let id = id.clone();
                view! {
                    <p class="stored">
                        "已保存为本浏览器中的草稿「" {s.report.title()} "」。"
                        <button type="button" class="primary" on:click=move |_| {
                            if let Err(m) = io::open_in_editor(&id) {
                                ws.message.set(Some(m));
                            }
                        }>"在编辑器中打开汇总报告"</button>
                    </p>
                }
                .into_any()
            }
            Err(m) => view! { <p class="message" role="alert">{m.clone()}</p> }.into_any(),
        };
        let skipped = s
            .skipped
            .iter()
            .map(|k| view! { <li>{b.entries[made.members[k.entry]].source.clone()} "：" {k.reason.clone()}</li> })
            .collect_view();
        let other_year = (!s.other_year.is_empty()).then(|| {
            view! { <p class="warning">{format!("年度不是 {} 年、但已计入：{}", s.report.year, names(b, &s.other_year))}</p> }
        });
        let blanks = s
            .blanks
            .iter()
            .map(|c| {
                let mut why = Vec::new();
                if !c.blank_in.is_empty() {
                    why.push(format!("{} 未填写", names(b, &c.blank_in)));
                }
                if !c.invalid_in.is_empty() {
                    why.push(format!("{} 填写有误", names(b, &c.invalid_in)));
                }
                view! { <li>{format!("{}「{}」：{}", c.key.table.short_name(), c.label, why.join("；"))}</li> }
            })
            .collect_view();
        let parent = made.parent.as_ref().map(|(p, result)| {
            let name = b.entries[*p].row.unit_name.clone();
            match result {
                Ok(list) if list.is_empty() => view! { <p class="pass">{format!("本级报告「{name}」与下级合计逐格一致。")}</p> }.into_any(),
                Ok(list) => view! {
                    <div class="mismatches" data-testid="mismatches">
                        <h3>{format!("本级报告「{name}」与下级合计不符（{} 处）", list.len())}</h3>
                        <ul>{list.iter().map(|m| view! { <li>{m.explanation()}</li> }).collect_view()}</ul>
                    </div>
                }
                .into_any(),
                Err(m) => view! { <p class="message">{m.clone()}</p> }.into_any(),
            }
        });
        view! {
            <div class="made" data-testid="made">
                <p>{format!("已汇总 {} 份报告（{}{}年度）。", s.summed.len(), s.report.unit_name, s.report.year)}</p>
                {stored}
                {(!s.skipped.is_empty()).then(|| view! { <h3>"未计入的报告"</h3><ul>{skipped}</ul> })}
                {other_year}
                {(!s.blanks.is_empty()).then(|| view! {
                    <h3>{format!("汇总中留空的单元格（{} 个）", s.blanks.len())}</h3>
                    <ul class="blanks">{blanks}</ul>
                })}
                {parent}
            </div>
        }
    })
}

fn export(ws: Workspace) {
    let missing = {
        let names = parse_roster(&ws.roster.get_untracked());
        ws.batch.with_untracked(|b| {
            let units: Vec<&str> = b.entries.iter().map(|e| e.report.unit_name.as_str()).collect();
            match_roster(&names, &units).missing
        })
    };
    let made = ws.summary.get_untracked();
    let result = ws.batch.with_untracked(|b| {
        let parent = made.as_ref().and_then(|m| {
            let (p, result) = m.parent.as_ref()?;
            Some((b.entries[*p].row.unit_name.as_str(), result.as_ref().ok()?.as_slice()))
        });
        overview_xlsx(b, Extras { missing: &missing, parent })
    });
    let year = ws.year.get_untracked();
    match result
        .and_then(|bytes| io::download(&format!("汇总概览{}.xlsx", year.trim()), io::XLSX_MIME, &bytes))
    {
        Ok(()) => ws.message.set(None),
        Err(m) => ws.message.set(Some(m)),
    }
}
