//! Working on a flaky connection: the service worker that keeps the app shell and the
//! rights and support content on the device (`/sw.js`, written at build time by
//! `tools/service-worker.mjs`; it never stores an API response), and what the app knows
//! about being offline.

use leptos::prelude::{document, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's address. At the root, so it serves every page of the app.
const WORKER_URL: &str = "/sw.js";

/// Pages whose content comes only from the API, with the victim's session: offline they
/// say so plainly ("You're offline — your case updates will show…"). The same pages load
/// their data with `session::session_resource`; the rights and support pages work offline
/// from the worker's cache and keep their own messages.
const SIGNED_IN_PAGES: [&str; 3] = ["/case", "/preferences", "/callbacks"];

/// Registers the service worker once the page has loaded, so it never competes with first
/// paint or the app's own downloads (it then fetches the same files, mostly from the HTTP
/// cache). Where service workers are unavailable (an insecure origin, some private
/// browsing modes) or the build has none (`trunk serve`), the app works as before, online
/// only.
pub fn register_service_worker_after_load() {
    if document().ready_state() == "complete" {
        register();
        return;
    }
    let on_load = Closure::once_into_js(register);
    _ = window().add_event_listener_with_callback("load", on_load.unchecked_ref());
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

/// True when the browser knows it has no connection. (When it thinks it is online a request
/// can still fail, on poor signal or with the server down: pages then say they could not
/// load.)
pub fn is_offline() -> bool {
    !window().navigator().on_line()
}

/// True for the pages that show the signed-in victim's case data (see `SIGNED_IN_PAGES`).
pub fn is_signed_in_page(path: &str) -> bool {
    SIGNED_IN_PAGES.contains(&path.trim_end_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_the_signed_in_pages() {
        for path in ["/case", "/preferences", "/callbacks", "/case/"] {
            assert!(is_signed_in_page(path), "{path}");
        }
        for path in ["/", "/rights", "/support", "/casework", "/case/1"] {
            assert!(!is_signed_in_page(path), "{path}");
        }
    }
}
