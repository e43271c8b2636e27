//! `FocusOnNavigate`: after a client-side navigation (not on first load), moves focus to
//! the new page's heading, so screen reader users hear where they are and keyboard users
//! continue from the top of the content, as with a full page load.
//!
//! Target: the first element in `<main>` marked `data-autofocus` (a notice the person must
//! read first, e.g. "You've been signed out"), otherwise `main h1`. Both carry
//! `tabindex="-1"`: focusable by script, not a tab stop.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn FocusOnNavigate() -> impl IntoView {
    let pathname = use_location().pathname;
    // Reads the path (rather than only tracking it): a memo that has never been read is
    // not yet subscribed to the URL, so `track()` alone never re-runs this effect.
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            // The new page renders in this tick; focus once it is in the document.
            request_animation_frame(|| {
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
