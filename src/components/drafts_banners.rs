//! What the user must know about storage, each with what they can do:
//! storage failing (export now), another window's change (reload or keep
//! theirs apart), a read-only draft, a damaged record set aside.

use leptos::prelude::*;

use crate::storage::{use_drafts, Conflict, StorageFailure};

#[component]
pub fn DraftsBanners() -> impl IntoView {
    view! {
        <FailureBanner />
        <ConflictBanner />
        <ReadOnlyBanner />
        <Alerts />
    }
}

#[component]
fn FailureBanner() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        drafts.failure.get().map(|failure| {
            let retry = (failure != StorageFailure::Unavailable).then(|| {
                view! { <button type="button" on:click=move |_| drafts.retry()>"重试保存"</button> }
            });
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-banner">
                    <p>
                        <strong>{failure.message()}</strong>
                        "：本页的修改暂时只保存在内存中，关闭或刷新页面就会丢失。请先「导出草稿文件」保存到电脑上。"
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="primary" on:click=move |_| drafts.export_current()>"导出草稿文件"</button>
                        {retry}
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn ConflictBanner() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        drafts.conflict.get().map(|conflict| {
            let take_theirs = (conflict == Conflict::Changed).then(|| {
                view! {
                    <button type="button" class="primary" on:click=move |_| drafts.take_theirs()>
                        "载入另一窗口的版本"
                    </button>
                }
            });
            let keep_label = match conflict {
                Conflict::Changed => "用本窗口的内容覆盖",
                Conflict::Deleted => "重新保存本窗口的内容",
            };
            view! {
                <div class="banner banner-warning" role="alert" data-testid="conflict-banner">
                    <p>
                        <strong>{conflict.message()}</strong>
                        "。为免互相覆盖，本窗口已暂停保存。请选择："
                    </p>
                    <div class="banner-actions">
                        {take_theirs}
                        <button type="button" on:click=move |_| drafts.save_mine_as_new()>"把本窗口的内容另存为新草稿"</button>
                        <button type="button" on:click=move |_| drafts.keep_mine()>{keep_label}</button>
                    </div>
                    {(conflict == Conflict::Changed).then(|| view! {
                        <p class="banner-note">"载入另一窗口的版本后，本窗口尚未保存的修改将被放弃；如需保留，请先另存为新草稿。"</p>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn ReadOnlyBanner() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        drafts.read_only.get().map(|message| {
            view! {
                <div class="banner banner-warning" role="alert" data-testid="read-only-banner">
                    <p><strong>"只读："</strong>{message}</p>
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| drafts.export_current()>"导出草稿文件"</button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn Alerts() -> impl IntoView {
    let drafts = use_drafts();
    move || {
        drafts
            .alerts
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                view! {
                    <div class="banner banner-warning" role="alert" data-testid="storage-alert">
                        <p>{text}</p>
                        <button type="button" class="notice-close" aria-label="关闭提示" on:click=move |_| drafts.dismiss_alert(i)>
                            "×"
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}
