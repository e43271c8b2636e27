//! `/sign-in/code`: the one-time code, then `POST /api/sign-in/verify`.
//!
//! Every sentence here is the same whatever the reference: the page must never reveal
//! whether a reference exists or how the victim chose to be contacted.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::{CrimeReference, SignInCode};

use crate::api;
use crate::components::{
    focus_element, Button, ButtonVariant, ErrorSummary, NotificationBanner, PageTitle, TextInput,
};
use crate::form_errors::FormErrors;
use crate::state::{use_app_state, PendingSignIn};

const TITLE: &str = "Enter the code we sent you";
const CODE_ID: &str = "code";
const CHANGE_REFERENCE_ID: &str = "change-crime-reference";
const NEW_CODE_BANNER_ID: &str = "new-code-sent";
/// API field name → element id on this page. A reference error points at the "change
/// your crime reference number" link, the only place it can be fixed.
const FIELDS: &[(&str, &str)] = &[("crime_reference", CHANGE_REFERENCE_ID), ("code", CODE_ID)];

#[component]
pub fn SignInCodePage() -> impl IntoView {
    // Read once: the reference is cleared on success, and that must not redraw this page
    // on its way out.
    match use_app_state().pending_sign_in.get_untracked() {
        Some(pending) => Either::Left(view! { <CodeForm pending /> }),
        None => Either::Right(view! {
            <PageTitle title=TITLE />
            <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
            <p class="app-body">
                "We need your crime reference number before you can enter a code."
            </p>
            <p class="app-body">
                <A href="/sign-in">"Enter your crime reference number"</A>
            </p>
        }),
    }
}

#[component]
fn CodeForm(pending: PendingSignIn) -> impl IntoView {
    let state = use_app_state();
    let navigate = use_navigate();
    let PendingSignIn {
        crime_reference,
        expires_in_minutes,
    } = pending;
    let expires_in = RwSignal::new(expires_in_minutes);
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let new_code_sent = RwSignal::new(false);

    let verify = Action::new_local(|(reference, code): &(CrimeReference, SignInCode)| {
        let (reference, code) = (reference.clone(), code.clone());
        async move { api::verify_sign_in(&reference, &code).await }
    });
    let resend = Action::new_local(|reference: &CrimeReference| {
        let reference = reference.clone();
        async move { api::start_sign_in(&reference).await }
    });

    Effect::new(move |_| {
        let result = verify.value().get();
        untrack(|| match result {
            Some(Ok(session)) => {
                state.session.set(Some(session));
                state.pending_sign_in.set(None);
                navigate("/case", Default::default());
            }
            Some(Err(error)) => {
                new_code_sent.set(false);
                errors.set(FormErrors::from_api(&error, FIELDS));
            }
            None => {}
        });
    });
    Effect::new(move |_| {
        let result = resend.value().get();
        untrack(|| match result {
            Some(Ok(response)) => {
                expires_in.set(response.expires_in_minutes);
                errors.set(FormErrors::default());
                new_code_sent.set(true);
                // The banner is at the top; take the person there, as GOV.UK does.
                request_animation_frame(|| focus_element(NEW_CODE_BANNER_ID));
            }
            Some(Err(error)) => {
                new_code_sent.set(false);
                errors.set(FormErrors::from_api(&error, FIELDS));
            }
            None => {}
        });
    });

    let on_submit = {
        let crime_reference = crime_reference.clone();
        move |event: SubmitEvent| {
            event.prevent_default();
            if verify.pending().get_untracked() {
                return;
            }
            match SignInCode::parse(&code.get_untracked()) {
                Ok(parsed) => {
                    errors.set(FormErrors::default());
                    verify.dispatch((crime_reference.clone(), parsed));
                }
                Err(problem) => errors.set(FormErrors::field(CODE_ID, problem.0)),
            }
        }
    };
    let on_resend = move |_| {
        if !resend.pending().get_untracked() {
            resend.dispatch(crime_reference.clone());
        }
    };

    view! {
        <PageTitle title=TITLE has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty)) />
        <Show when=move || new_code_sent.get()>
            <NotificationBanner id=NEW_CODE_BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">
                    {move || {
                        format!(
                            "If we have a phone number or email for this crime reference, we've sent a new code. It lasts {}.",
                            minutes(expires_in.get()),
                        )
                    }}
                </p>
            </NotificationBanner>
        </Show>
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
        <p class="app-body">
            {move || {
                format!(
                    "If we have a phone number or email for this crime reference, we've sent a 6-digit code to it. The code lasts {}.",
                    minutes(expires_in.get()),
                )
            }}
        </p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id=CODE_ID
                name="code"
                label="Code"
                value=code
                error=Signal::derive(move || errors.with(|errors| errors.message_for(CODE_ID)))
                autocomplete="one-time-code"
                inputmode="numeric"
                width_class="app-input--width-10"
            />
            <Button submit=true>"Sign in"</Button>
        </form>

        <section class="app-section" aria-labelledby="no-code-heading">
            <h2 class="app-heading-m" id="no-code-heading">"If you did not get a code"</h2>
            <p class="app-body">
                "Codes can take a few minutes to arrive. If yours has not arrived or has run out, we can send a new one."
            </p>
            <Button variant=ButtonVariant::Secondary on:click=on_resend>
                "Send a new code"
            </Button>
            <p class="app-body">
                "Check you typed your crime reference number correctly. "
                <A href="/sign-in" attr:id=CHANGE_REFERENCE_ID>
                    "Change your crime reference number"
                </A>
            </p>
            <p class="app-body">
                "If you asked us to contact you only by letter or by a visit, we cannot send you a code. Call your officer or call "
                <a href="tel:101">"101"</a>
                " and ask for the victims' care team."
            </p>
        </section>
    }
}

/// "10 minutes", "1 minute".
fn minutes(count: u32) -> String {
    if count == 1 {
        "1 minute".to_owned()
    } else {
        format!("{count} minutes")
    }
}
