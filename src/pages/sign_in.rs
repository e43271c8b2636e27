//! `/sign-in`: the crime reference number. Checked here with the same parser the server
//! uses, then `POST /api/sign-in/start`; the normalised reference is kept in memory only
//! (`AppState::pending_sign_in`) for the code page.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::CrimeReference;

use crate::api::{self, ApiError};
use crate::components::{Button, ErrorSummary, NotificationBanner, PageTitle, TextInput};
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::state::{use_app_state, PendingSignIn};

const INPUT_ID: &str = "crime-reference";
/// API field name → element id on this page.
const FIELDS: &[(&str, &str)] = &[("crime_reference", INPUT_ID)];

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let navigate = use_navigate();
    // Shown once: the notice is cleared as soon as this page has taken it.
    let show_signed_out_notice = state.signed_out_notice.get_untracked();
    state.signed_out_notice.set(false);

    // Coming back via "change it" on the code page, start from what was typed.
    let reference = RwSignal::new(state.pending_sign_in.with_untracked(|pending| {
        pending
            .as_ref()
            .map(|pending| pending.crime_reference.to_string())
            .unwrap_or_default()
    }));
    let errors = RwSignal::new(FormErrors::default());

    let start = Action::new_local(|reference: &CrimeReference| {
        let reference = reference.clone();
        async move {
            let response = api::start_sign_in(&reference).await?;
            Ok::<_, ApiError>(PendingSignIn {
                crime_reference: reference,
                expires_in_minutes: response.expires_in_minutes,
            })
        }
    });
    Effect::new(move |_| {
        let result = start.value().get();
        untrack(|| match result {
            Some(Ok(pending)) => {
                state.pending_sign_in.set(Some(pending));
                navigate("/sign-in/code", Default::default());
            }
            Some(Err(error)) => errors.set(FormErrors::from_api(&error, FIELDS)),
            None => {}
        });
    });

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if start.pending().get_untracked() {
            return;
        }
        match CrimeReference::parse(&reference.get_untracked()) {
            Ok(parsed) => {
                errors.set(FormErrors::default());
                start.dispatch(parsed);
            }
            Err(problem) => errors.set(FormErrors::field(INPUT_ID, parse_error(i18n, &problem))),
        }
    };

    view! {
        <PageTitle
            title=t_string!(i18n, sign_in.reference_title)
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        {show_signed_out_notice
            .then(|| {
                view! {
                    <NotificationBanner id="signed-out-notice" autofocus=true>
                        <p class="app-notification-banner__heading">
                            {t!(i18n, sign_in.signed_out_notice)}
                        </p>
                    </NotificationBanner>
                }
            })}
        <ErrorSummary errors=errors />
        <form novalidate on:submit=on_submit>
            <TextInput
                id=INPUT_ID
                name="crime_reference"
                label=t_string!(i18n, sign_in.reference_title)
                label_is_page_heading=true
                hint=t_string!(i18n, sign_in.reference_hint)
                value=reference
                error=Signal::derive(move || errors.with(|errors| errors.message_for(INPUT_ID)))
                autocomplete="off"
                width_class="app-input--width-20"
            />
            <Button submit=true>{t!(i18n, common.continue_button)}</Button>
        </form>
        <p class="app-body"><A href="/help/sign-in">{t!(i18n, helping.sign_in_link)}</A></p>
    }
}
