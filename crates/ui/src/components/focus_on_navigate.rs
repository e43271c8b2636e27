//! `FocusOnNavigate`: after a client-side navigation (not on first load), moves focus to
//! the new page's heading, so screen reader users hear where they are and keyboard users
//! continue from the top of the content, as with a full page load.
//!
//! Target: the first element in `<main>` marked `data-autofocus` (a notice the person must
//! read first, e.g. "You've been signed out"), otherwise `main h1`. Both carry
//! `tabindex="-1"`: focusable by script, not a tab stop.

//!
//! A lazy page (the victim app's pages are split out of its main wasm) is not there when
//! the address changes: its code is fetched first. An app with lazy pages provides
//! [`PageLoading`] (the router's `set_is_routing`), and focus waits until it is false.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Whether the router is still fetching the page it is going to (`<Router set_is_routing>`).
#[derive(Clone, Copy)]
pub struct PageLoading(pub Signal<bool>);

#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    let loading = use_context::<PageLoading>().map(|loading| loading.0);
    let is_loading = move || loading.is_some_and(|loading| loading.get());
    // A navigation whose page has not had focus yet.
    let pending = StoredValue::new(false);
    // Where the app was when this was set up: the effect's first run comes a little later
    // (a task, in an app that starts in steps), after a quick first click perhaps, and
    // that click is a navigation too.
    let first_path = pathname.get_untracked();
    // Reads the path (rather than only tracking it): a memo that has never been read is
    // not yet subscribed to the URL, so `track()` alone never re-runs this effect. Runs
    // again when loading ends, to focus the page that has just arrived.
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        let previous = previous.as_deref().unwrap_or(&first_path);
        if previous != path {
            pending.set_value(true);
        }
        if pending.get_value() && !is_loading() {
            // The router starts fetching a lazy page after this effect: look again once
            // the new page has rendered, and wait if it is still coming.
            after_render(move || {
                if !pending.get_value() || loading.is_some_and(|loading| loading.get_untracked()) {
                    return;
                }
                pending.set_value(false);
                if let Ok(Some(target)) =
                    document().query_selector("main [data-autofocus], main h1")
                {
                    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                        _ = target.focus();
                    }
                }
            });
        }
        path
    });
}

/// Runs `f` once what is being drawn now is on the page: in the browser's next frame, and
/// after any drawing the executor had no time for before it (`crate::executor`). For
/// moving focus to something just drawn.
pub fn after_render(f: impl FnOnce() + 'static) {
    request_animation_frame(move || crate::executor::after_pending_work(f));
}

/// Moves focus to the element with this id, first scrolling its form group (label, hint,
/// error) into view when it has one.
pub fn focus_element(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    if let Ok(Some(group)) = element.closest(".app-form-group") {
        group.scroll_into_view();
    }
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        _ = element.focus();
    }
}
