//! "Check your phone" / "Check your email": shown in place of the preferences form when a
//! save would move where sign-in codes go. The server has saved the other choices and
//! sent a code to the new phone or email (or, when the new choice cannot get codes, to the
//! current one); this asks for it and sends it to `…/preferences/confirm-contact`.
//!
//! Focus: the heading when the panel appears (as on a new page), the error summary on a
//! problem, and the success banner the parent shows once confirmed.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::preferences::{ContactMethod, PendingContactChange, PreferencesView};
use shared::SignInCode;

use crate::api;
use crate::components::{
    after_render, focus_element, Button, ButtonVariant, ErrorSummary, TextInput,
};
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::state::use_app_state;

/// The heading's id, focused when the panel appears.
pub(super) const CONFIRM_HEADING_ID: &str = "confirm-contact-heading";
const CODE_ID: &str = "contact-code";
/// API field name → element id on this panel.
const FIELDS: &[(&str, &str)] = &[("code", CODE_ID)];

/// "Check your phone" or "Check your email", by where the code went: the heading, and
/// the page title while the panel shows.
pub(super) fn title(i18n: I18n, pending: &PendingContactChange) -> &'static str {
    match pending.code_sent_by {
        ContactMethod::Email => t_string!(i18n, preferences.check_email_title),
        _ => t_string!(i18n, preferences.check_phone_title),
    }
}

/// Where the code went, in words.
fn code_sent(i18n: I18n, pending: &PendingContactChange) -> &'static str {
    let by_email = pending.code_sent_by == ContactMethod::Email;
    match (pending.sent_to_current, by_email) {
        (false, false) => t_string!(i18n, preferences.code_sent_new_phone),
        (false, true) => t_string!(i18n, preferences.code_sent_new_email),
        (true, false) => t_string!(i18n, preferences.code_sent_current_phone),
        (true, true) => t_string!(i18n, preferences.code_sent_current_email),
    }
}

#[component]
pub(super) fn ConfirmContactChange(
    pending: PendingContactChange,
    /// Set to `None` when the person keeps their current details (the form comes back).
    pending_signal: RwSignal<Option<PendingContactChange>>,
    /// The panel's problems; the parent's page title reads them for its "Error: " prefix.
    errors: RwSignal<FormErrors>,
    /// Called with the new current version once the code is accepted.
    on_confirmed: Callback<PreferencesView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let code = RwSignal::new(String::new());

    let confirm = Action::new_local(move |code: &SignInCode| {
        let code = code.clone();
        let reference = state.crime_reference_untracked().unwrap_or_default();
        async move { api::confirm_contact_change(&reference, &code).await }
    });
    Effect::new(move |_| {
        let result = confirm.value().get();
        untrack(|| match result {
            Some(Ok(view)) => {
                errors.set(FormErrors::default());
                on_confirmed.run(view);
            }
            Some(Err(error)) => errors.set(FormErrors::from_api(&error, FIELDS)),
            None => {}
        });
    });

    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if confirm.pending().get_untracked() {
            return;
        }
        match SignInCode::parse(&code.get_untracked()) {
            Ok(parsed) => {
                errors.set(FormErrors::default());
                confirm.dispatch(parsed);
            }
            Err(problem) => errors.set(FormErrors::field(CODE_ID, parse_error(i18n, &problem))),
        }
    };
    let keep_current = move |_| {
        errors.set(FormErrors::default());
        pending_signal.set(None);
        after_render(|| focus_element(super::HEADING_ID));
    };
    after_render(|| focus_element(CONFIRM_HEADING_ID));

    let heading = title(i18n, &pending);
    view! {
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" id=CONFIRM_HEADING_ID tabindex="-1">{heading}</h1>
        <p class="app-body">{code_sent(i18n, &pending)}</p>
        <p class="app-body">{t!(i18n, preferences.other_choices_saved)}</p>
        <p class="app-body">{t!(i18n, preferences.code_expires)}</p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id=CODE_ID
                name="code"
                label=t_string!(i18n, preferences.confirm_code_label)
                hint=t_string!(i18n, preferences.confirm_code_hint)
                value=code
                error=Signal::derive(move || errors.with(|errors| errors.message_for(CODE_ID)))
                autocomplete="one-time-code"
                inputmode="numeric"
                width_class="app-input--width-10"
            />
            <Button submit=true>{t!(i18n, preferences.confirm_button)}</Button>
        </form>
        <p class="app-body">{t!(i18n, preferences.no_code_body)}</p>
        <Button variant=ButtonVariant::Secondary on:click=keep_current>
            {t!(i18n, preferences.keep_current_button)}
        </Button>
    }
}
