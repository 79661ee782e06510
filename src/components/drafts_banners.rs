//! What the user must know about storage, each with what they can do:
//! storage failing (export now), another window's change (reload or keep
//! theirs apart), a read-only draft, and the alerts: a damaged record set
//! aside, a draft that would not open, an export that failed.
//!
//! The failure banner is on the first load (it is what keeps typed work from
//! being lost); the others are in a chunk fetched when one of them applies.

use leptos::prelude::*;

use super::lazy_view;
use crate::storage::{use_drafts, Conflict, SaveStatus, SetAside, StartUp, StorageFailure};

/// Things the user must hear about, shown until dismissed. Provided by the
/// drafts bar to the drafts components.
#[derive(Clone, Copy)]
pub struct Alerts(RwSignal<Vec<String>>);

impl Alerts {
    /// Starts with what opening the stored drafts found.
    pub fn provide(start_up: &StartUp) -> Alerts {
        let mut texts: Vec<String> = start_up.set_aside.iter().map(set_aside_text).collect();
        texts.extend(start_up.not_opened.clone());
        let alerts = Alerts(RwSignal::new(texts));
        provide_context(alerts);
        alerts
    }

    pub fn push(self, text: String) {
        self.0.update(|a| a.push(text));
    }

    /// Tells the user why, if `result` failed.
    pub fn tell<T>(self, result: Result<T, String>) {
        if let Err(why) = result {
            self.push(why);
        }
    }

    /// Tells the user if `result` failed, as 「<what>：<why>」.
    pub fn report(self, result: Result<(), String>, what: &str) {
        if let Err(why) = result {
            self.push(format!("{what}：{why}"));
        }
    }

    fn any(self) -> bool {
        self.0.with(|a| !a.is_empty())
    }

    fn dismiss(self, i: usize) {
        self.0.update(|a| {
            if i < a.len() {
                a.remove(i);
            }
        });
    }
}

pub fn use_alerts() -> Alerts {
    expect_context::<Alerts>()
}

fn set_aside_text(found: &SetAside) -> String {
    match found {
        SetAside::Left { problem } => format!("有一份草稿无法打开：{problem}。该记录保持原样，未作改动。"),
        SetAside::BackedUp { problem } => format!(
            "有一份保存的草稿无法读取（{problem}）。其原始内容已原样另存为备份，可在「草稿」列表中下载。"
        ),
        SetAside::NotBackedUp { problem, failure } => format!(
            "有一份保存的草稿无法读取（{problem}），且无法另存备份（{}）；该记录保持原样，未作改动。",
            failure.message()
        ),
    }
}

#[component]
pub fn DraftsBanners() -> impl IntoView {
    let drafts = use_drafts();
    let alerts = use_alerts();
    let others = move || {
        drafts.session.conflict.with(Option::is_some) || drafts.session.read_only().is_some() || alerts.any()
    };
    view! {
        <FailureBanner />
        <Show when=others>{lazy_view::storage_banners()}</Show>
    }
}

/// The banners that are not on the first load (lazy_view.rs).
#[component]
pub fn OtherBanners() -> impl IntoView {
    view! {
        <ConflictBanner />
        <ReadOnlyBanner />
        <AlertList />
    }
}

#[component]
fn FailureBanner() -> impl IntoView {
    let drafts = use_drafts();
    let alerts = use_alerts();
    let failure = Memo::new(move |_| {
        drafts.status.with(|status| match status {
            SaveStatus::Failed(failure) => Some(failure.clone()),
            _ => None,
        })
    });
    move || {
        failure.get().map(|failure| {
            let retry = (failure != StorageFailure::Unavailable).then(|| {
                view! { <button type="button" on:click=move |_| drafts.session.retry()>"重试保存"</button> }
            });
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-banner">
                    <p>
                        <strong>{failure.message()}</strong>
                        "：本页的修改暂时只保存在内存中，关闭或刷新页面就会丢失。请先「导出草稿文件」保存到电脑上。"
                    </p>
                    <div class="banner-actions">
                        <button type="button" class="primary" on:click=move |_| alerts.report(drafts.session.export_current(), "导出失败")>"导出草稿文件"</button>
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
    let alerts = use_alerts();
    let session = drafts.session;
    move || {
        session.conflict.get().map(|conflict| {
            let take_theirs = (conflict == Conflict::Changed).then(|| {
                view! {
                    <button type="button" class="primary" on:click=move |_| alerts.tell(session.take_theirs())>
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
                        <button type="button" on:click=move |_| session.save_mine_as_new()>"把本窗口的内容另存为新草稿"</button>
                        <button type="button" on:click=move |_| session.keep_mine()>{keep_label}</button>
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
    let alerts = use_alerts();
    move || {
        drafts.session.read_only().map(|message| {
            view! {
                <div class="banner banner-warning" role="alert" data-testid="read-only-banner">
                    <p><strong>"只读："</strong>{message}</p>
                    <div class="banner-actions">
                        <button type="button" on:click=move |_| alerts.report(drafts.session.export_current(), "导出失败")>"导出草稿文件"</button>
                    </div>
                </div>
            }
        })
    }
}

#[component]
fn AlertList() -> impl IntoView {
    let alerts = use_alerts();
    move || {
        alerts
            .0
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, text)| {
                view! {
                    <div class="banner banner-warning" role="alert" data-testid="storage-alert">
                        <p>{text}</p>
                        <button type="button" class="notice-close" aria-label="关闭提示" on:click=move |_| alerts.dismiss(i)>
                            "×"
                        </button>
                    </div>
                }
            })
            .collect_view()
    }
}
