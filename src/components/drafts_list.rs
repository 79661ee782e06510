//! The drafts dialog: every draft in this browser (机关, 年度, last saved),
//! with open, duplicate, rename, export and delete (confirmed, and restorable
//! until the page is closed), plus records that could not be read.

use leptos::prelude::*;
use xxgk_core::storage::{DraftId, DraftSummary};

use super::dialog_head::DialogHead;
use super::drafts_banners::use_alerts;
use crate::dom::target_value;
use crate::storage::{clock, use_drafts};

#[component]
pub fn DraftsList(on_close: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let drafts = use_drafts();
    let rows = move || drafts.store.index.with(|index| index.drafts.clone());
    view! {
        <div class="dialog drafts-dialog" role="dialog" aria-label="草稿列表" data-testid="drafts-list">
            <DialogHead title="草稿列表" on_close />
            <p class="dialog-note">
                "草稿保存在本浏览器中，每次修改后自动保存。换电脑或清理浏览器前，请用「导出」保存草稿文件。"
            </p>
            <Show when=move || !drafts.store.has_storage()>
                <p class="dialog-note warn">"本浏览器不允许使用本地存储，草稿无法保存，请及时导出。"</p>
            </Show>
            <table class="drafts-table">
                <thead>
                    <tr><th>"草稿"</th><th>"机关"</th><th>"年度"</th><th>"最后保存"</th><th>"操作"</th></tr>
                </thead>
                <tbody>
                    <For
                        each=rows
                        key=|d| (d.id.clone(), d.title(), d.saved_at_ms, d.read_only)
                        children=move |d| view! { <DraftRow draft=d on_open=on_close /> }
                    />
                </tbody>
            </table>
            <Show when=move || drafts.store.index.with(|i| i.drafts.is_empty())>
                <p class="dialog-note">"还没有保存的草稿：开始填写后会自动保存。"</p>
            </Show>
            <Trash />
            <Unreadable />
        </div>
    }
}

/// What a row is doing: showing, taking a new name, or asking before deleting.
#[derive(Clone, Copy, PartialEq, Eq)]
enum RowMode {
    Show,
    Rename,
    ConfirmDelete,
}

#[component]
fn DraftRow(draft: DraftSummary, on_open: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let drafts = use_drafts();
    let mode = RwSignal::new(RowMode::Show);
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(draft.id.clone());
    let title = draft.title();
    let alerts = use_alerts();
    let is_current = move || drafts.session.current.with(|c| *c == id.get_value());
    let report = move |result: Result<(), String>| error.set(result.err());

    let open = move |_| match drafts.session.open(&id.get_value()) {
        Ok(()) => on_open(),
        Err(why) => alerts.push(why),
    };
    let duplicate = move |_| report(drafts.duplicate(&id.get_value()).map(|_| ()));
    let export = move |_| report(drafts.session.export(&id.get_value()));
    let name = RwSignal::new(draft.name.clone());
    let rename = move || {
        report(drafts.rename(&id.get_value(), &name.get_untracked()));
        mode.set(RowMode::Show);
    };
    let delete = move |_| {
        alerts.tell(drafts.delete(&id.get_value()));
        mode.set(RowMode::Show);
    };

    let title_cell = {
        let title = title.clone();
        move || match mode.get() {
            RowMode::Rename => view! {
                <form class="rename" on:submit=move |ev| { ev.prevent_default(); rename(); }>
                    <input
                        type="text"
                        aria-label="草稿名称"
                        placeholder="留空则按机关和年度命名"
                        prop:value=move || name.get()
                        on:input=move |ev| name.set(target_value(&ev))
                    />
                    <button type="submit">"确定"</button>
                    <button type="button" on:click=move |_| mode.set(RowMode::Show)>"取消"</button>
                </form>
            }
            .into_any(),
            _ => view! {
                <span class="draft-name">{title.clone()}</span>
                {move || is_current().then(|| view! { <span class="tag">"当前"</span> })}
                {draft.read_only.then(|| view! { <span class="tag tag-warn">"只读"</span> })}
            }
            .into_any(),
        }
    };
    let actions = {
        let title = title.clone();
        move || {
            match mode.get() {
            RowMode::ConfirmDelete => view! {
                <span class="confirm" role="alert">
                    {format!("确定删除「{title}」？")}
                    <button type="button" class="danger" on:click=delete>"删除"</button>
                    <button type="button" on:click=move |_| mode.set(RowMode::Show)>"取消"</button>
                </span>
            }
            .into_any(),
            _ => view! {
                <button type="button" on:click=open disabled=is_current>"打开"</button>
                <button type="button" on:click=duplicate disabled=draft.read_only>"复制"</button>
                <button type="button" on:click=move |_| mode.set(RowMode::Rename) disabled=draft.read_only>"重命名"</button>
                <button type="button" on:click=export>"导出"</button>
                <button type="button" on:click=move |_| mode.set(RowMode::ConfirmDelete)>"删除"</button>
            }
            .into_any(),
        }
        }
    };
    view! {
        <tr class:current=is_current data-draft-id=draft.id.to_string()>
            <td>{title_cell}{move || error.get().map(|e| view! { <p class="row-error" role="alert">{e}</p> })}</td>
            <td>{if draft.unit_name.is_empty() { "（未填）".to_string() } else { draft.unit_name.clone() }}</td>
            <td>{format!("{}年", draft.year)}</td>
            <td>{clock::date_time(draft.saved_at_ms)}</td>
            <td class="row-actions">{actions}</td>
        </tr>
    }
}

/// Drafts deleted in this session, with 「恢复」.
#[component]
fn Trash() -> impl IntoView {
    let drafts = use_drafts();
    let error = RwSignal::new(None::<String>);
    let restore = move |id: DraftId| error.set(drafts.store.restore(&id).err());
    let export = move |id: DraftId| error.set(drafts.store.export_trashed(&id).err());
    view! {
        <Show when=move || drafts.store.trash.with(|t| !t.is_empty())>
            <h3>"本次删除的草稿"</h3>
            <p class="dialog-note">"关闭或刷新页面之前，可以恢复。"</p>
            <ul class="trash">
                {move || drafts.store.trash.get().into_iter().rev().map(|item| {
                    let id = item.id.clone();
                    let export_id = item.id.clone();
                    view! {
                        <li>
                            <span>{item.title}</span>
                            <button type="button" on:click=move |_| restore(id.clone())>"恢复"</button>
                            <button type="button" on:click=move |_| export(export_id.clone())>"导出"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || error.get().map(|e| view! { <p class="row-error" role="alert">{e}</p> })}
        </Show>
    }
}

/// Records that could not be read: newer versions' drafts left in place,
/// and the raw text of damaged ones, set aside to download.
#[component]
fn Unreadable() -> impl IntoView {
    let store = use_drafts().store;
    let alerts = use_alerts();
    let download = move |key: &str| alerts.report(store.download_backup(key), "下载失败");
    let remove = move |key: &str| {
        let confirmed = window().confirm_with_message("删除后无法恢复。确定删除这份备份？").unwrap_or(false);
        if confirmed {
            store.remove_backup(key);
        }
    };
    let any = move || store.index.with(|i| !i.broken.is_empty() || !i.backups.is_empty());
    view! {
        <Show when=any>
            <h3>"无法读取的记录"</h3>
            <ul class="unreadable">
                {move || store.index.with(|i| i.broken.clone()).into_iter().map(|broken| view! {
                    <li>{broken.problem.message()}</li>
                }).collect_view()}
                {move || store.index.with(|i| i.backups.clone()).into_iter().map(|key| {
                    let key = StoredValue::new(key);
                    view! {
                        <li data-testid="backup">
                            "已损坏草稿的原始内容（备份）"
                            <button type="button" on:click=move |_| download(&key.get_value())>"下载原始内容"</button>
                            <button type="button" on:click=move |_| remove(&key.get_value())>"删除备份"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
