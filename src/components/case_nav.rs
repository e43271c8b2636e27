//! `CaseNav`: the signed-in navigation ("Your case", "How we contact you", …), shown in
//! the header while there is a session.
//!
//! Markup contract: `<nav aria-label="Your case">` with a list of `<A>` links; `<A>`
//! sets `aria-current="page"` on the current one, which is also shown by a thick
//! underline (not colour alone). Each link is a 44 px tall target.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

/// Each link's text, read when drawn: the header is not rebuilt when the language changes.
type LinkText = fn(I18n) -> &'static str;

const LINKS: [(&str, LinkText); 5] = [
    ("/case", |i18n| t_string!(i18n, common.nav_case)),
    ("/preferences", |i18n| {
        t_string!(i18n, common.nav_preferences)
    }),
    ("/callbacks", |i18n| t_string!(i18n, common.nav_callbacks)),
    ("/rights", |i18n| t_string!(i18n, common.nav_rights)),
    ("/support", |i18n| t_string!(i18n, common.nav_support)),
];

#[component]
pub fn CaseNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="app-case-nav" aria-label=move || t_string!(i18n, common.nav_label)>
            <div class="app-width-container">
                <ul class="app-case-nav__list">
                    {LINKS
                        .into_iter()
                        .map(|(href, text)| {
                            view! {
                                <li class="app-case-nav__item">
                                    <A href=href attr:class="app-case-nav__link">
                                        {move || text(i18n)}
                                    </A>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </nav>
    }
}
