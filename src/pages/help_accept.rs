//! `/help/accept#<token>`: a supporter accepts an invitation. The token travels in the
//! link's fragment, which browsers never send to a server (so no access log holds it);
//! the page asks whether it can still be used before asking for anything, and says so
//! plainly if not.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::{LoadingStatus, PageTitle, SupporterSignIn};
use crate::i18n::*;

/// The token from the address's fragment, if there is one.
fn token_from_address() -> Option<String> {
    let hash = leptos::prelude::window().location().hash().ok()?;
    let token = hash.trim_start_matches('#').trim().to_owned();
    (!token.is_empty()).then_some(token)
}

#[component]
pub fn AcceptInvitationPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = token_from_address();
    let checked = {
        let token = token.clone();
        LocalResource::new(move || {
            let token = token.clone();
            async move {
                match token {
                    Some(token) => api::check_invitation(&token).await.is_ok(),
                    None => false,
                }
            }
        })
    };
    view! {
        <PageTitle title=t_string!(i18n, helping.accept_title) />
        {move || match checked.get() {
            None => view! {
                <LoadingStatus message=t_string!(i18n, helping.checking) loading=Signal::from(true) />
            }
            .into_any(),
            Some(true) => view! {
                <SupporterSignIn
                    invitation=token.clone()
                    title=t_string!(i18n, helping.accept_title)
                    intro=t_string!(i18n, helping.accept_intro)
                />
            }
            .into_any(),
            Some(false) => view! {
                <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, helping.unusable_title)}</h1>
                <p class="app-body">{t!(i18n, helping.unusable_body)}</p>
                <p class="app-body"><A href="/help/sign-in">{t!(i18n, helping.sign_in_title)}</A></p>
            }
            .into_any(),
        }}
    }
}
