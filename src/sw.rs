//! The service worker (`sw.js`, written by scripts/post-build.mjs) from the
//! page's side: registers it once the page has loaded (so precaching never
//! competes with the first paint), notices a newer version, and switches to
//! it when the clerk asks.
//!
//! Every page carries its build's version (`<meta name="xxgk-build">`) and so
//! does every worker (asked over a `MessageChannel`). A waiting worker of the
//! page's own build (the page itself came from the network) is let in
//! silently; one of another build raises [`Updates::available`], and so does
//! a worker of another build taking control (another window switched).

use std::cell::{Cell, RefCell};

use js_sys::{Array, Object, Reflect};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Event, MessageChannel, MessageEvent, RegistrationOptions, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState,
};

use crate::dom::listen;

/// How often an open page asks the server whether there is a new version.
const CHECK_EVERY_MS: u64 = 60 * 60 * 1000;
/// Reload anyway if the new worker has not taken control by then.
const SWITCH_TIMEOUT_MS: u64 = 5_000;
/// How long a worker may take to say which build it holds.
const ANSWER_TIMEOUT_MS: i32 = 3_000;

/// The page's view of new versions. `Copy`: arena handles.
#[derive(Clone, Copy)]
pub struct Updates {
    /// A newer version is ready: show 「有新版本，点击刷新」.
    pub available: RwSignal<bool>,
}

thread_local! {
    /// The worker of the new version, waiting to be let in.
    static WAITING: RefCell<Option<ServiceWorker>> = const { RefCell::new(None) };
    /// The clerk asked for the new version: reload when it takes control.
    static SWITCHING: Cell<bool> = const { Cell::new(false) };
}

/// Starts watching for new versions (a no-op where service workers are not
/// available, e.g. a portal on plain http).
pub fn install() -> Updates {
    let updates = Updates { available: RwSignal::new(false) };
    if let (Some(container), Some(build)) = (container(), page_build()) {
        on_controller_change(&container, updates, build.clone());
        after_load(move || register(&container, updates, build));
    }
    updates
}

/// Switches to the new version: lets the waiting worker in, then reloads
/// (`location.reload()` fires `pagehide`, where drafts are saved too).
pub fn switch() {
    let waiting = WAITING.with_borrow_mut(Option::take);
    let Some(worker) = waiting else { return reload() };
    SWITCHING.set(true);
    let _ = worker.post_message(&message("skip-waiting"));
    set_timeout(reload, std::time::Duration::from_millis(SWITCH_TIMEOUT_MS));
}

fn container() -> Option<ServiceWorkerContainer> {
    let navigator = window().navigator();
    let present = Reflect::get(&navigator, &"serviceWorker".into()).is_ok_and(|v| !v.is_undefined());
    present.then(|| navigator.service_worker())
}

/// The version post-build wrote into this page.
fn page_build() -> Option<String> {
    let meta = document().query_selector("meta[name=\"xxgk-build\"]").ok()??;
    meta.get_attribute("content").filter(|v| !v.is_empty())
}

fn after_load(run: impl FnOnce() + 'static) {
    if document().ready_state() == "complete" {
        return run();
    }
    let mut run = Some(run);
    listen(&window(), ev::load, move |_| {
        if let Some(run) = run.take() {
            run();
        }
    })
    .keep();
}

fn register(container: &ServiceWorkerContainer, updates: Updates, build: String) {
    let options = RegistrationOptions::new();
    options.set_scope("./");
    let promise = container.register_with_options("sw.js", &options);
    wasm_bindgen_futures::spawn_local(async move {
        let registration = match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(r) => r.unchecked_into::<ServiceWorkerRegistration>(),
            Err(err) => {
                // Offline use is lost, nothing else: the page works as it is.
                web_sys::console::warn_2(&"离线使用不可用：service worker 注册失败".into(), &err);
                return;
            }
        };
        watch(&registration, updates, build);
        check_regularly(registration);
    });
}

/// Follows a worker that is installing now or later, until it waits.
fn watch(registration: &ServiceWorkerRegistration, updates: Updates, build: String) {
    if let Some(waiting) = registration.waiting() {
        consider(waiting, updates, build.clone());
    }
    let follow = {
        let build = build.clone();
        move |worker: ServiceWorker| {
            let build = build.clone();
            let seen = worker.clone();
            listen(&worker, ev::Custom::new("statechange"), move |_: Event| {
                // Waiting only happens while an older worker controls pages; a first worker activates at once.
                if seen.state() == ServiceWorkerState::Installed
                    && container().and_then(|c| c.controller()).is_some()
                {
                    consider(seen.clone(), updates, build.clone());
                }
            })
            .keep();
        }
    };
    if let Some(installing) = registration.installing() {
        follow(installing);
    }
    let registration_ = registration.clone();
    listen(registration, ev::Custom::new("updatefound"), move |_: Event| {
        if let Some(installing) = registration_.installing() {
            follow(installing);
        }
    })
    .keep();
}

/// A waiting worker: let it in silently if it is this page's build, else offer it.
fn consider(worker: ServiceWorker, updates: Updates, build: String) {
    wasm_bindgen_futures::spawn_local(async move {
        if version_of(&worker).await.as_deref() == Some(build.as_str()) {
            let _ = worker.post_message(&message("skip-waiting"));
        } else {
            WAITING.set(Some(worker));
            updates.available.set(true);
        }
    });
}

fn on_controller_change(container: &ServiceWorkerContainer, updates: Updates, build: String) {
    let container_ = container.clone();
    listen(container, ev::Custom::new("controllerchange"), move |_: Event| {
        if SWITCHING.replace(false) {
            return reload();
        }
        let Some(controller) = container_.controller() else { return };
        let build = build.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if version_of(&controller).await.as_deref() != Some(build.as_str()) {
                // Another window let the new version in: nothing waits any more, a reload is enough.
                WAITING.set(None);
                updates.available.set(true);
            }
        });
    })
    .keep();
}

/// The build a worker holds, asked over a fresh channel (`None` if it does not answer).
async fn version_of(worker: &ServiceWorker) -> Option<String> {
    let channel = MessageChannel::new().ok()?;
    let answer = js_sys::Promise::new(&mut |resolve, _| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
    });
    worker.post_message_with_transferable(&message("version"), &Array::of1(&channel.port2())).ok()?;
    // A worker that does not answer (broken, or from before versions were asked) counts as another build.
    let silence = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ANSWER_TIMEOUT_MS);
    });
    let data = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&Array::of2(&answer, &silence)))
        .await
        .ok()?;
    channel.port1().close();
    Reflect::get(&data, &"version".into()).ok()?.as_string()
}

/// Asks the server for a new version every hour and when the network comes back.
fn check_regularly(registration: ServiceWorkerRegistration) {
    let check = move || {
        if let Ok(promise) = registration.update() {
            // Offline or the server is down: try again next time (awaited so the rejection is handled).
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    };
    set_interval(check.clone(), std::time::Duration::from_millis(CHECK_EVERY_MS));
    listen(&window(), ev::online, move |_| check()).keep();
}

fn message(kind: &str) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"type".into(), &kind.into());
    object.into()
}

fn reload() {
    let _ = window().location().reload();
}
