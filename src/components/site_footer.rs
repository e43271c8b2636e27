//! `SiteFooter`: the `contentinfo` landmark, with where to get help by phone.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

#[component]
pub fn SiteFooter() -> impl IntoView {
    let i18n = use_i18n();
    let help_line = || view! { <a class="app-footer__link" href="tel:101">"101"</a> };
    view! {
        <footer class="app-footer">
            <div class="app-width-container">
                <ul class="app-footer__links">
                    <li>
                        <A href="/staying-safe-online" attr:class="app-footer__link">
                            {t!(i18n, common.footer_staying_safe)}
                        </A>
                    </li>
                    <li>
                        <A href="/settings" attr:class="app-footer__link">
                            {t!(i18n, common.footer_settings)}
                        </A>
                    </li>
                </ul>
                <p class="app-footer__text">{t!(i18n, common.footer_about)}</p>
                <p class="app-footer__text">{t!(i18n, common.footer_help, number = help_line)}</p>
            </div>
        </footer>
    }
}
