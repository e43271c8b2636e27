//! Working on a flaky connection: the service worker that keeps the app shell and the
//! rights and support content on the device (`/sw.js`, written at build time by
//! `tools/service-worker.mjs`; it never stores an API response), and what the app knows
//! about being offline.

use leptos::prelude::{document, window};
use ui::components::OfflineNotice;

use crate::i18n::*;
use crate::session::is_signed_in_page;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's address. At the root, so it serves every page of the app.
const WORKER_URL: &str = "/sw.js";

/// Registers the service worker once the page has loaded and the browser is idle, so it
/// never competes with first paint, the app's own downloads (it then fetches the same
/// files, mostly from the HTTP cache) or the app's start (registering takes a few
/// milliseconds of the main thread, issue 14). Where service workers are unavailable (an
/// insecure origin, some private browsing modes) or the build has none (`trunk serve`),
/// the app works as before, online only.
pub fn register_service_worker_after_load() {
    if document().ready_state() == "complete" {
        register_when_idle();
        return;
    }
    let on_load = Closure::once_into_js(register_when_idle);
    _ = window().add_event_listener_with_callback("load", on_load.unchecked_ref());
}

/// `requestIdleCallback` where the browser has it (not Safari): then a task of its own.
fn register_when_idle() {
    let register = Closure::once_into_js(register);
    if window()
        .request_idle_callback(register.unchecked_ref())
        .is_err()
    {
        _ = window().set_timeout_with_callback(register.unchecked_ref());
    }
}

fn register() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registration = navigator.service_worker().register(WORKER_URL);
    // A failed registration changes nothing for the visitor; don't leave it unhandled.
    let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
    _ = registration.catch(&ignore);
    ignore.forget();
}

pub use ui::components::is_offline;

/// Offline, the signed-in pages say just that instead of their "could not load" message;
/// other pages keep theirs (`ui::components::Loaded` reads this context).
pub const OFFLINE_NOTICE: OfflineNotice = OfflineNotice(|i18n, path| {
    is_signed_in_page(path).then(|| t_string!(i18n, common.offline_case))
});
