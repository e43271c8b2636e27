//! `/staying-safe-online`: how to use the portal without leaving traces someone could find
//! (private browsing, no bookmarks, why clearing all history can raise suspicion, a trusted
//! device). Public, linked from the first-visit message and every page's footer.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::*;

#[component]
pub fn StayingSafePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, safety.page_title).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, safety.page_title)}</h1>
        <p class="app-body-l">{t!(i18n, safety.page_lead)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.exit_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.exit_body)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.private_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.private_body)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.bookmark_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.bookmark_body)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.history_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.history_body)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.device_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.device_body)}</p>
        <h2 class="app-heading-m">{t!(i18n, safety.messages_heading)}</h2>
        <p class="app-body">
            <A href="/preferences">{t!(i18n, safety.messages_body)}</A>
        </p>
        <h2 class="app-heading-m">{t!(i18n, safety.help_heading)}</h2>
        <p class="app-body">{t!(i18n, safety.help_body)}</p>
    }
}
