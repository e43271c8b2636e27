//! `SiteFooter`: the `contentinfo` landmark, with where to get help by phone.

use leptos::prelude::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="app-footer">
            <div class="app-width-container">
                <p class="app-footer__text">
                    "Safe Updates helps victims of crime in England and Wales keep up to date with their case."
                </p>
                <p class="app-footer__text">
                    "If you need help using this service, call "
                    <a class="app-footer__link" href="tel:101">"101"</a>
                    " and ask for the victims' care team."
                </p>
            </div>
        </footer>
    }
}
