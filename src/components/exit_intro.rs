//! `ExitIntro`: the first-visit explanation of "Exit this page" and the Shift shortcut, with
//! a link to "Staying safe online". Shown at the top of every page until hidden; hiding it
//! is remembered on the device (local storage `safe-updates:exit-intro-hidden`).
//!
//! Markup contract: a `section` labelled by its `h2` (a region landmark inside `main`), so
//! it is found by landmark navigation and never taken for the page's `h1`. "Hide this
//! message" is a `<button>`; after it, focus moves to the page's `h1` so it is not lost.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::i18n::*;

const HIDDEN_KEY: &str = "safe-updates:exit-intro-hidden";

#[component]
pub fn ExitIntro() -> impl IntoView {
    let i18n = use_i18n();
    let hidden = RwSignal::new(LocalStorage::get::<bool>(HIDDEN_KEY).unwrap_or(false));
    let hide = move |_| {
        hidden.set(true);
        // Storage may be blocked (private browsing): then it shows again next visit.
        _ = LocalStorage::set(HIDDEN_KEY, true);
        focus_page_heading();
    };
    view! {
        <Show when=move || !hidden.get()>
            <section class="app-exit-intro" aria-labelledby="exit-intro-title">
                <h2 class="app-heading-s app-exit-intro__title" id="exit-intro-title">
                    {t!(i18n, safety.intro_heading)}
                </h2>
                <p class="app-body">{t!(i18n, safety.intro_button)}</p>
                <p class="app-body">{t!(i18n, safety.intro_shortcut)}</p>
                <p class="app-body">{t!(i18n, safety.intro_back)}</p>
                <p class="app-body">
                    <A href="/staying-safe-online">{t!(i18n, safety.intro_more)}</A>
                </p>
                <button
                    type="button"
                    class="app-button app-button--secondary app-exit-intro__hide"
                    on:click=hide
                >
                    {t!(i18n, safety.intro_dismiss)}
                </button>
            </section>
        </Show>
    }
}

fn focus_page_heading() {
    if let Ok(Some(heading)) = document().query_selector("main h1") {
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            _ = heading.focus();
        }
    }
}
