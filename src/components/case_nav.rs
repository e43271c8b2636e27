//! `CaseNav`: the signed-in navigation ("Your case", "How we contact you", …), shown in
//! the header while there is a session. A supporter sees only the links their permissions
//! open.
//!
//! Markup contract: `<nav aria-label="Your case">` with a list of `<A>` links; `<A>`
//! sets `aria-current="page"` on the current one, which is also shown by a thick
//! underline (not colour alone). Each link is a 44 px tall target.

use leptos::prelude::*;
use leptos_router::components::A;

use shared::api::supporters::SupporterPermission;

use crate::i18n::*;
use crate::state::use_app_state;

/// Each link's text, read when drawn: the header is not rebuilt when the language changes.
type LinkText = fn(I18n) -> &'static str;

/// (address, text, the permission a supporter needs to see it; none: public pages).
const LINKS: [(&str, LinkText, Option<SupporterPermission>); 5] = [
    (
        "/case",
        |i18n| t_string!(i18n, common.nav_case),
        Some(SupporterPermission::ReadUpdates),
    ),
    (
        "/preferences",
        |i18n| t_string!(i18n, common.nav_preferences),
        Some(SupporterPermission::Preferences),
    ),
    (
        "/callbacks",
        |i18n| t_string!(i18n, common.nav_callbacks),
        Some(SupporterPermission::Callbacks),
    ),
    ("/rights", |i18n| t_string!(i18n, common.nav_rights), None),
    ("/support", |i18n| t_string!(i18n, common.nav_support), None),
];

#[component]
pub fn CaseNav() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    view! {
        <nav class="app-case-nav" aria-label=move || t_string!(i18n, common.nav_label)>
            <div class="app-width-container">
                <ul class="app-case-nav__list">
                    {LINKS
                        .into_iter()
                        .map(|(href, text, needs)| {
                            // A supporter sees only the pages their permissions open.
                            let shown = move || needs.is_none_or(|needed| state.may(needed));
                            view! {
                                <Show when=shown>
                                    <li class="app-case-nav__item">
                                        <A href=href attr:class="app-case-nav__link">
                                            {move || text(i18n)}
                                        </A>
                                    </li>
                                </Show>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        </nav>
    }
}
