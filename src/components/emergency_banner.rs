//! `EmergencyBanner`: the emergency numbers, on every page (inside the header, so it sits
//! in the banner landmark).
//!
//! Markup: a plain paragraph; each number is a `tel:` link whose name is the number as
//! written, so it can be dialled with one tap. No live region: it never changes.

use leptos::prelude::*;

#[component]
pub fn EmergencyBanner() -> impl IntoView {
    view! {
        <div class="app-emergency-banner">
            <div class="app-width-container">
                <p class="app-emergency-banner__text">
                    "In an emergency, call "
                    <a class="app-emergency-banner__link" href="tel:999">"999"</a>
                    ". If you cannot speak, call 999 from a mobile and press 55 when asked. For non-emergencies call "
                    <a class="app-emergency-banner__link" href="tel:101">"101"</a>
                    ". Victim Support (free, 24 hours): "
                    <a class="app-emergency-banner__link" href="tel:08081689111">"08 08 16 89 111"</a>
                    "."
                </p>
            </div>
        </div>
    }
}
