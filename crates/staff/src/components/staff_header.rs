//! `StaffHeader`: the `banner` landmark of every staff page: the service name ("Safe
//! Updates — staff", a link to "My cases"), the language switch and, while signed in, the
//! officer's name and "Sign out".
//!
//! Markup contract: the same header classes as the victim app (shared styles). The account
//! part is a `<div role="group">` labelled "Your account", so the name is read with the
//! button. "Sign out" is a `<button>` (it does something). If signing out fails, a
//! `role="alert"` message says so, because the session may still be open.
//! No "Exit this page": that is a victim safety feature.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use ui::components::LanguageSwitcher;

use crate::api::{self, ApiError};
use crate::i18n::*;
use crate::session::SIGN_IN;
use crate::state::{use_staff_state, SignedOutReason};

#[component]
pub fn StaffHeader() -> impl IntoView {
    let state = use_staff_state();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let sign_out = Action::new_local(|_: &()| api::sign_out());
    let failed = RwSignal::new(false);

    Effect::new(move |_| {
        let result = sign_out.value().get();
        untrack(|| match result {
            // 401: already signed out on the server; the outcome is the same.
            Some(Ok(())) | Some(Err(ApiError::Unauthorized)) => {
                state.session.set(None);
                state.signed_out.set(Some(SignedOutReason::SignedOut));
                navigate(SIGN_IN, Default::default());
            }
            Some(Err(_)) => failed.set(true),
            None => {}
        });
    });

    view! {
        <header class="app-header">
            <div class="app-header__bar">
                <div class="app-width-container app-header__container">
                    <A href="/staff" exact=true attr:class="app-header__service-name">
                        {t!(i18n, common.service_name)}
                    </A>
                    <div class="app-header__actions">
                        <LanguageSwitcher />
                        {move || {
                            state.session.get().map(|session| view! {
                                <div
                                    class="app-staff-account"
                                    role="group"
                                    aria-label=t_string!(i18n, common.header_label)
                                >
                                    <span class="app-staff-account__name">{session.display_name}</span>
                                    <button
                                        type="button"
                                        class="app-header__sign-out"
                                        on:click=move |_| {
                                            if !sign_out.pending().get_untracked() {
                                                failed.set(false);
                                                sign_out.dispatch(());
                                            }
                                        }
                                    >
                                        {t!(i18n, common.sign_out)}
                                    </button>
                                </div>
                            })
                        }}
                    </div>
                </div>
            </div>
            <Show when=move || failed.get()>
                <div class="app-width-container">
                    <p class="app-header__problem" role="alert">{t!(i18n, common.sign_out_failed)}</p>
                </div>
            </Show>
        </header>
    }
}
