//! `StaffHeader`: the `banner` landmark of every staff page: the service name ("Safe
//! Updates — staff", a link to "My cases"), the language switch and, while signed in, the
//! officer's name, "Sign out" and "Sign out everywhere" (every session of the account, for
//! a computer left signed in elsewhere), and the menu: "My cases" and "Callbacks" (`<nav>`
//! labelled "Menu"; the current page's link has `aria-current="page"`).
//!
//! Markup contract: the same header classes as the victim app (shared styles). The account
//! part is a `<div role="group">` labelled "Your account", so the name is read with the
//! buttons. Both are `<button>`s (they do something). If signing out fails, a
//! `role="alert"` message says so, because sessions may still be open.
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
    // Which sign-out was asked for travels with its answer.
    let sign_out = Action::new_local(|everywhere: &bool| {
        let everywhere = *everywhere;
        async move {
            let result = if everywhere {
                api::sign_out_everywhere().await
            } else {
                api::sign_out().await
            };
            (everywhere, result)
        }
    });
    let failed = RwSignal::new(None::<bool>);

    Effect::new(move |_| {
        let answer = sign_out.value().get();
        untrack(|| match answer {
            Some((everywhere, Ok(()))) => {
                state.session.set(None);
                state.signed_out.set(Some(if everywhere {
                    SignedOutReason::SignedOutEverywhere
                } else {
                    SignedOutReason::SignedOut
                }));
                navigate(SIGN_IN, Default::default());
            }
            // 401: this session had already ended. For "Sign out" the outcome is the
            // same; for "everywhere" the other sessions are unknown, so sign in again.
            Some((_, Err(ApiError::Unauthorized))) => {
                state.session.set(None);
                state.signed_out.set(Some(SignedOutReason::TimedOut));
                navigate(SIGN_IN, Default::default());
            }
            Some((everywhere, Err(_))) => failed.set(Some(everywhere)),
            None => {}
        });
    });
    let start = move |everywhere: bool| {
        if !sign_out.pending().get_untracked() {
            failed.set(None);
            sign_out.dispatch(everywhere);
        }
    };

    view! {
        <header class="app-header">
            <div class="app-header__bar">
                <div class="app-width-container app-header__container">
                    <A href="/staff" exact=true attr:class="app-header__service-name">
                        {t!(i18n, common.service_name)}
                    </A>
                    <div class="app-header__actions">
                        {move || state.session.get().map(|_| view! {
                            <nav class="app-staff-nav" aria-label=t_string!(i18n, callbacks.nav_label)>
                                <ul class="app-staff-nav__list">
                                    <li>
                                        <A href="/staff" exact=true attr:class="app-header__link app-staff-nav__link">
                                            {t!(i18n, callbacks.nav_cases)}
                                        </A>
                                    </li>
                                    <li>
                                        <A href="/staff/callbacks" attr:class="app-header__link app-staff-nav__link">
                                            {t!(i18n, callbacks.nav_callbacks)}
                                        </A>
                                    </li>
                                </ul>
                            </nav>
                        })}
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
                                        on:click=move |_| start(false)
                                    >
                                        {t!(i18n, common.sign_out)}
                                    </button>
                                    <button
                                        type="button"
                                        class="app-header__sign-out"
                                        on:click=move |_| start(true)
                                    >
                                        {t!(i18n, common.sign_out_everywhere)}
                                    </button>
                                </div>
                            })
                        }}
                    </div>
                </div>
            </div>
            {move || failed.get().map(|everywhere| view! {
                <div class="app-width-container">
                    <p class="app-header__problem" role="alert">
                        {if everywhere {
                            t_string!(i18n, common.sign_out_everywhere_failed)
                        } else {
                            t_string!(i18n, common.sign_out_failed)
                        }}
                    </p>
                </div>
            })}
        </header>
    }
}
