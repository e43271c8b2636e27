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
    after_render, focus_element, Button, ButtonVariant, ErrorSummary, NotificationBanner,
    PageTitle, TextInput,
};
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::state::{use_app_state, PendingSignIn};

const CODE_ID: &str = "code";
const CHANGE_REFERENCE_ID: &str = "change-crime-reference";
const NEW_CODE_BANNER_ID: &str = "new-code-sent";
/// API field name → element id on this page. A reference error points at the "change
/// your crime reference number" link, the only place it can be fixed.
const FIELDS: &[(&str, &str)] = &[("crime_reference", CHANGE_REFERENCE_ID), ("code", CODE_ID)];

#[component]
pub fn SignInCodePage() -> impl IntoView {
    let i18n = use_i18n();
    // Read once: the reference is cleared on success, and that must not redraw this page
    // on its way out.
    match use_app_state().pending_sign_in.get_untracked() {
        Some(pending) => Either::Left(view! { <CodeForm pending /> }),
        None => Either::Right(view! {
            <PageTitle title=t_string!(i18n, sign_in.code_title) />
            <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, sign_in.code_title)}</h1>
            <p class="app-body">{t!(i18n, sign_in.code_needs_reference)}</p>
            <p class="app-body">
                <A href="/sign-in">{t!(i18n, sign_in.reference_title)}</A>
            </p>
        }),
    }
}

#[component]
fn CodeForm(pending: PendingSignIn) -> impl IntoView {
    let i18n = use_i18n();
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
                after_render(|| focus_element(NEW_CODE_BANNER_ID));
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
                Err(problem) => errors.set(FormErrors::field(CODE_ID, parse_error(i18n, &problem))),
            }
        }
    };
    let help_line = || view! { <a href="tel:101">"101"</a> };
    let on_resend = move |_| {
        if !resend.pending().get_untracked() {
            resend.dispatch(crime_reference.clone());
        }
    };

    view! {
        <PageTitle
            title=t_string!(i18n, sign_in.code_title)
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        <Show when=move || new_code_sent.get()>
            <NotificationBanner id=NEW_CODE_BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">
                    {t!(
                        i18n,
                        sign_in.new_code_sent,
                        duration = move || minutes(i18n, expires_in.get())
                    )}
                </p>
            </NotificationBanner>
        </Show>
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, sign_in.code_title)}</h1>
        <p class="app-body">
            {t!(i18n, sign_in.code_sent, duration = move || minutes(i18n, expires_in.get()))}
        </p>
        <form novalidate on:submit=on_submit>
            <TextInput
                id=CODE_ID
                name="code"
                label=t_string!(i18n, sign_in.code_label)
                value=code
                error=Signal::derive(move || errors.with(|errors| errors.message_for(CODE_ID)))
                autocomplete="one-time-code"
                inputmode="numeric"
                width_class="app-input--width-10"
            />
            <Button submit=true>{t!(i18n, sign_in.sign_in_button)}</Button>
        </form>

        <section class="app-section" aria-labelledby="no-code-heading">
            <h2 class="app-heading-m" id="no-code-heading">{t!(i18n, sign_in.no_code_heading)}</h2>
            <p class="app-body">{t!(i18n, sign_in.no_code_body)}</p>
            <Button variant=ButtonVariant::Secondary on:click=on_resend>
                {t!(i18n, sign_in.send_new_code)}
            </Button>
            <p class="app-body">
                {t!(i18n, sign_in.check_reference)}
                " "
                <A href="/sign-in" attr:id=CHANGE_REFERENCE_ID>
                    {t!(i18n, sign_in.change_reference)}
                </A>
            </p>
            <p class="app-body">{t!(i18n, sign_in.no_code_by_letter, number = help_line)}</p>
        </section>
    }
}

/// "10 minutes", "1 minute".
fn minutes(i18n: I18n, count: u32) -> AnyView {
    if count == 1 {
        t!(i18n, sign_in.one_minute).into_any()
    } else {
        t!(i18n, sign_in.minutes, count = move || count).into_any()
    }
}
