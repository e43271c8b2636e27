//! `SkipLink`: "Skip to main content", the first tab stop on every page.
//!
//! Markup: `<a href="#main-content">`, visually hidden until focused. Activating it focuses
//! `<main id="main-content" tabindex="-1">` directly: the router would otherwise treat the
//! fragment as a navigation and focus would not move.

use leptos::prelude::*;

use crate::components::focus_element;
use crate::i18n::*;

#[component]
pub fn SkipLink() -> impl IntoView {
    view! {
        <a
            class="app-skip-link"
            href="#main-content"
            on:click=|event| {
                event.prevent_default();
                focus_element("main-content");
            }
        >
            {t!(use_i18n(), ui.skip_link)}
        </a>
    }
}
