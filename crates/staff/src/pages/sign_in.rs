//! `/staff/sign-in`: work email, password and the 6-digit authenticator code, sent together
//! (`POST /api/staff/sign-in`), then "My cases".
//!
//! The API answers missing or malformed fields, and every refused sign-in, with a 422 and
//! field errors (a refusal is one message on `email` that also explains the lockout); they
//! go to the error summary and beside each field. A 401 or 429 (not sent today, but
//! possible from a proxy or a later API) get "the email address, password or code is
//! wrong" and "the account is locked". After a timeout or "Sign out" the page says why,
//! once, in a banner that takes focus.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::hooks::use_navigate;
use shared::api::staff::StaffSignInRequest;
use ui::components::{Button, ErrorSummary, NotificationBanner, PageTitle, TextInput};
use ui::form_errors::{field_message, FormErrors, GeneralError};

use crate::api::{self, ApiError};
use crate::i18n::*;
use crate::state::{use_staff_state, SignedOutReason};

/// API field name → element id on this page, in page order.
const FIELDS: &[(&str, &str)] = &[
    ("email", "email"),
    ("password", "password"),
    ("code", "code"),
];

#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_staff_state();
    let navigate = use_navigate();
    // Shown once: the reason is cleared as soon as this page has taken it.
    let reason = state.signed_out.get_untracked();
    state.signed_out.set(None);

    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FormErrors::default());
    let sign_in = Action::new_local(|request: &StaffSignInRequest| api::sign_in(request.clone()));
    Effect::new(move |_| {
        let result = sign_in.value().get();
        untrack(|| match result {
            Some(Ok(session)) => {
                state.session.set(Some(session));
                navigate("/staff", Default::default());
            }
            Some(Err(error)) => {
                password.set(String::new());
                code.set(String::new());
                errors.set(form_errors(i18n, &error));
            }
            None => {}
        });
    });

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if !sign_in.pending().get_untracked() {
            sign_in.dispatch(StaffSignInRequest {
                email: email.get_untracked(),
                password: password.get_untracked(),
                code: code.get_untracked(),
            });
        }
    };

    let notice = reason.map(|reason| {
        let text = match reason {
            SignedOutReason::SignedOut => t_string!(i18n, sign_in.signed_out),
            SignedOutReason::SignedOutEverywhere => t_string!(i18n, sign_in.signed_out_everywhere),
            SignedOutReason::TimedOut => t_string!(i18n, sign_in.timed_out),
        };
        view! {
            <NotificationBanner id="signed-out-notice" autofocus=true>
                <p class="app-notification-banner__heading">{text}</p>
            </NotificationBanner>
        }
    });
    view! {
        <PageTitle
            title=t_string!(i18n, sign_in.title).to_owned()
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        {notice}
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, sign_in.title)}</h1>
        <p class="app-body">{t!(i18n, sign_in.intro)}</p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id="email"
                name="email"
                label=t_string!(i18n, sign_in.email_label)
                value=email
                error=field_message(errors.into(), "email")
                autocomplete="username"
                input_type="email"
            />
            <TextInput
                id="password"
                name="password"
                label=t_string!(i18n, sign_in.password_label)
                value=password
                error=field_message(errors.into(), "password")
                autocomplete="current-password"
                input_type="password"
                width_class="app-input--width-20"
            />
            <TextInput
                id="code"
                name="code"
                label=t_string!(i18n, sign_in.code_label)
                hint=t_string!(i18n, sign_in.code_hint)
                value=code
                error=field_message(errors.into(), "code")
                autocomplete="one-time-code"
                inputmode="numeric"
                width_class="app-input--width-10"
            />
            <Button submit=true>{t!(i18n, sign_in.button)}</Button>
        </form>
    }
}

/// The form's errors for a failed sign-in: field errors as the API gave them, and the
/// staff app's own sentence for a refusal the API sent as a status.
fn form_errors(i18n: I18n, error: &ApiError) -> FormErrors {
    let sentence = match error {
        ApiError::Unauthorized => t_string!(i18n, sign_in.wrong),
        // The server's own sentence says how long to wait.
        ApiError::TooManyRequests(message) if !message.is_empty() => message.as_str(),
        ApiError::TooManyRequests(_) => t_string!(i18n, sign_in.locked),
        other => return FormErrors::from_api(other, FIELDS),
    };
    FormErrors {
        fields: Vec::new(),
        general: Some(GeneralError::Sentence(sentence.to_owned())),
    }
}
