//! `/signed-out`: confirms sign-out and how to get back in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageTitle;
use crate::i18n::*;

#[component]
pub fn SignedOutPage() -> impl IntoView {
    let i18n = use_i18n();
    let sign_in_link = move || view! { <A href="/sign-in">{t!(i18n, sign_in.signed_out_link)}</A> };
    view! {
        <PageTitle title=t_string!(i18n, sign_in.signed_out_title) />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, sign_in.signed_out_title)}</h1>
        <p class="app-body">{t!(i18n, sign_in.signed_out_shared_device)}</p>
        <p class="app-body">{t!(i18n, sign_in.signed_out_again, link = sign_in_link)}</p>
    }
}
