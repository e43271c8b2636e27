//! `EmergencyBanner`: the emergency numbers, on every page (inside the header, so it sits
//! in the banner landmark).
//!
//! Markup: a plain paragraph; each number is a `tel:` link whose name is the number as
//! written, so it can be dialled with one tap. No live region: it never changes.

use leptos::prelude::*;

use crate::i18n::*;

#[component]
pub fn EmergencyBanner() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="app-emergency-banner">
            <div class="app-width-container">
                <p class="app-emergency-banner__text">
                    {t!(i18n, common.banner_emergency, number = phone_link("tel:999", "999"))}
                    " "
                    {t!(i18n, common.banner_silent)}
                    " "
                    {t!(i18n, common.banner_non_emergency, number = phone_link("tel:101", "101"))}
                    " "
                    {t!(
                        i18n,
                        common.banner_victim_support,
                        number = phone_link("tel:08081689111", "08 08 16 89 111")
                    )}
                </p>
            </div>
        </div>
    }
}

/// A `tel:` link for a number inside a translated sentence.
fn phone_link(href: &'static str, number: &'static str) -> impl Fn() -> AnyView + Clone {
    move || view! { <a class="app-emergency-banner__link" href=href>{number}</a> }.into_any()
}
