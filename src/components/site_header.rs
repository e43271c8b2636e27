//! `SiteHeader`: the `banner` landmark: service name (home link), "Sign out" and the
//! signed-in navigation (`CaseNav`) while signed in, and the emergency numbers. "Exit this
//! page" sits in its own sticky bar just before it (`ExitLink`).
//!
//! Markup contract: must match the static shell in `index.html` element for element, so
//! nothing moves when the app replaces the shell. "Sign out" is a `<button>` (it does
//! something; it goes nowhere by itself). If signing out fails, a `role="alert"` message
//! says so, because the session may still be open on this device.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::api::{self, ApiError};
use crate::components::{CaseNav, EmergencyBanner, LanguageSwitcher};
use crate::i18n::*;
use crate::session::is_signed_in_page;
use crate::state::use_app_state;

#[component]
pub fn SiteHeader() -> impl IntoView {
    let pathname = use_location().pathname;
    let state = use_app_state();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let sign_out = Action::new_local(|_: &()| api::sign_out());

    Effect::new(move |_| {
        let result = sign_out.value().get();
        // Untracked: navigating reads router signals, which must not re-run this effect.
        untrack(|| match result {
            // 401: already signed out on the server; the outcome is the same.
            Some(Ok(())) | Some(Err(ApiError::Unauthorized | ApiError::AccessEnded)) => {
                state.forget_session();
                navigate("/signed-out", Default::default());
            }
            Some(Err(_)) => state.sign_out_failed.set(true),
            None => {}
        });
    });

    view! {
        <header class="app-header">
            <div class="app-header__bar">
                <div class="app-width-container app-header__container">
                    <A href="/" exact=true attr:class="app-header__service-name">
                        {t!(i18n, common.service_name)}
                    </A>
                    <div class="app-header__actions">
                        <LanguageSwitcher />
                        <A href="/settings" attr:class="app-header__link">
                            {t!(i18n, common.settings_link)}
                        </A>
                        <Show when=move || state.session.with(Option::is_some)>
                            <button
                                type="button"
                                class="app-header__sign-out"
                                on:click=move |_| {
                                    if !sign_out.pending().get_untracked() {
                                        state.sign_out_failed.set(false);
                                        sign_out.dispatch(());
                                    }
                                }
                            >
                                {t!(i18n, common.sign_out)}
                            </button>
                        </Show>
                    </div>
                </div>
            </div>
            <Show when=move || state.sign_out_failed.get()>
                <div class="app-width-container">
                    <p class="app-header__problem" role="alert">
                        {t!(i18n, common.sign_out_failed)}
                    </p>
                </div>
            </Show>
            <EmergencyBanner />
            <Show when=move || {
                // On a signed-in page the navigation shows at once, not when the session
                // check answers, so the page does not jump down (layout shift).
                state.session.with(Option::is_some) || pathname.with(|path| is_signed_in_page(path))
            }>
                <CaseNav />
            </Show>
        </header>
    }
}
