//! `ExitLink`: "Exit this page", for someone who needs to hide the portal quickly.
//!
//! Markup: a link (it goes somewhere) styled as a warning button, with a visually hidden
//! "Emergency" before the text so screen readers announce "Emergency Exit this page".
//! `rel="noreferrer"` so the neutral site is not told where the visitor came from.
//! A fuller exit (blanking the page, replacing history, Shift ×3) comes later.

use leptos::prelude::*;

/// Where "Exit this page" goes: a neutral, everyday site.
pub const EXIT_URL: &str = "https://www.bbc.co.uk/weather";

#[component]
pub fn ExitLink() -> impl IntoView {
    view! {
        <a class="app-exit-link" href=EXIT_URL rel="noreferrer">
            <span class="app-visually-hidden">"Emergency "</span>
            "Exit this page"
        </a>
    }
}
