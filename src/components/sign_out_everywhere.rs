//! `SignOutEverywhere`: a section of the settings page, shown while signed in, that ends
//! every session of this victim on every device at once (for someone who fears another
//! person has used their phone or seen a code), then shows "/signed-out" as "Sign out" does.
//!
//! Markup contract: an `<h2>` and a paragraph saying what the button does, then a
//! secondary `<button>` whose text says it. If it fails, a `role="alert"` paragraph says
//! so, because sessions may still be open.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::{self, ApiError};
use crate::components::{Button, ButtonVariant};
use crate::i18n::*;
use crate::state::use_app_state;

#[component]
pub fn SignOutEverywhere() -> impl IntoView {
    let state = use_app_state();
    let i18n = use_i18n();
    let navigate = use_navigate();
    let sign_out = Action::new_local(|_: &()| api::sign_out_everywhere());
    let failed = RwSignal::new(false);

    Effect::new(move |_| {
        let result = sign_out.value().get();
        // Untracked: navigating reads router signals, which must not re-run this effect.
        untrack(|| match result {
            Some(Ok(())) => {
                state.forget_session();
                navigate("/signed-out", Default::default());
            }
            // 401: this session had already ended, so the others are unknown: say it did
            // not work (signing in again shows the button again).
            Some(Err(ApiError::Unauthorized | ApiError::AccessEnded)) => {
                state.forget_session();
                failed.set(true);
            }
            Some(Err(_)) => failed.set(true),
            None => {}
        });
    });
    let start = move |_| {
        if !sign_out.pending().get_untracked() {
            failed.set(false);
            sign_out.dispatch(());
        }
    };

    view! {
        <Show when=move || failed.get()>
            <p class="app-body app-error-message" role="alert">
                {t!(i18n, settings.sign_out_everywhere_failed)}
            </p>
        </Show>
        <Show when=move || state.session.with(Option::is_some)>
            <h2 class="app-heading-m">{t!(i18n, settings.sign_out_everywhere_heading)}</h2>
            <p class="app-body">{t!(i18n, settings.sign_out_everywhere_intro)}</p>
            <Button variant=ButtonVariant::Secondary on:click=start>
                {t!(i18n, settings.sign_out_everywhere_button)}
            </Button>
        </Show>
    }
}
