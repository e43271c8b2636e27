//! `/help/ended`: what a supporter sees once their access was removed or ran out. It says
//! only that: nothing about the person they helped or the case.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::*;

#[component]
pub fn AccessEndedPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <PageTitle title=t_string!(i18n, helping.ended_title) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, helping.ended_title)}</h1>
        <p class="app-body">{t!(i18n, helping.ended_body)}</p>
        <p class="app-body"><A href="/">{t!(i18n, helping.ended_home)}</A></p>
    }
}
