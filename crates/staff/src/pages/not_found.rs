//! Any address under `/staff/` the app does not know.

use leptos::prelude::*;
use leptos_router::components::A;
use ui::components::PageTitle;

use crate::i18n::*;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=t_string!(i18n, common.not_found_title).to_owned() />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, common.not_found_title)}</h1>
        <p class="app-body">{t!(i18n, common.not_found_body)}</p>
        <p class="app-body"><A href="/staff">{t!(i18n, common.go_to_cases)}</A></p>
    }
}
