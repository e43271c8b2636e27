//! `StaffHeader`: the `banner` landmark of every staff page: the service name ("Safe
//! Updates — staff", a link to "My cases"), the language switch and, while signed in, the
//! officer's name, "Sign out" and "Sign out everywhere" (every session of the account, for
//! a computer left signed in elsewhere).
//!
//! Markup contract: the same header classes as the victim app (shared styles). The account
//! part is a `<div role="group">` labelled "Your account", so the name is read with the
//! buttons. Both are `<button>`s (they do something). If signing out fails, a
//! `role="alert"` message says so, because sessions may still be open.
//! While signed in, a `<nav>` under the bar labelled "Staff pages" links them ("My
//! cases", "Due list", "Callbacks"); `<A>` marks the current one `aria-current="page"`.
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
            {move || state.session.with(Option::is_some).then(|| view! { <StaffNav /> })}
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

/// The staff pages, under the header bar (the victim app's navigation classes).
#[component]
fn StaffNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="app-case-nav" aria-label=t_string!(i18n, updates.nav_label)>
            <div class="app-width-container">
                <ul class="app-case-nav__list">
                    <li class="app-case-nav__item">
                        <A href="/staff" exact=true attr:class="app-case-nav__link">{t!(i18n, updates.my_cases_nav)}</A>
                    </li>
                    <li class="app-case-nav__item">
                        <A href="/staff/due" attr:class="app-case-nav__link">{t!(i18n, updates.due_nav)}</A>
                    </li>
                    <li class="app-case-nav__item">
                        <A href="/staff/callbacks" attr:class="app-case-nav__link">{t!(i18n, callbacks.nav_callbacks)}</A>
                    </li>
                </ul>
            </div>
        </nav>
    }
}
