//! Any path without a route.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, common.not_found_title).to_string()) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, common.not_found_title)}</h1>
        <p class="app-body">{t!(i18n, common.not_found_body)}</p>
        <p class="app-body">{t!(i18n, common.not_found_pasted)}</p>
        <p class="app-body">
            <A href="/" exact=true>{t!(i18n, common.not_found_home)}</A>
        </p>
    }
}
