//! 「有新版本，点击刷新」: shown when a newer version of the app is ready
//! (see `crate::sw`). Clicking saves the open draft first and switches only
//! once it is saved, so the refresh never loses what was typed.

use leptos::prelude::*;

use crate::storage::use_drafts;
use crate::sw;

const HELD: &str =
    "当前草稿尚未能保存，刷新会丢失未保存的内容。请先处理上方关于保存的提示（或导出草稿文件），再点击刷新。";

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let updates = sw::install();
    let drafts = use_drafts();
    let held = RwSignal::new(false);
    let refresh = move |_| {
        drafts.session.save_now();
        if drafts.session.is_dirty() {
            held.set(true);
        } else {
            sw::switch();
        }
    };
    move || {
        updates.available.get().then(|| {
            view! {
                <div class="banner banner-info update-banner" role="status">
                    <button type="button" class="update-refresh" on:click=refresh>
                        "有新版本，点击刷新"
                    </button>
                    {move || held.get().then(|| view! { <p class="update-held">{HELD}</p> })}
                </div>
            }
        })
    }
}
