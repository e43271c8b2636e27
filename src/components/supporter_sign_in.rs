//! `SupporterSignIn`: a supporter's two steps, shared by accepting an invitation
//! (`/help/accept`, which passes the invitation) and signing in again (`/help/sign-in`):
//! their own mobile number or email address, then the code sent to it. On success the
//! session is kept and they go to the first page they may use.
//!
//! The code step's words are the same whatever was typed: the page never says whether the
//! details belong to a supporter.

use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use leptos_router::hooks::use_navigate;
use shared::api::supporters::SupporterPermission;
use shared::api::SessionView;
use shared::SignInCode;

use crate::api::{self, ApiError};
use crate::components::{Button, ButtonVariant, ErrorSummary, TextInput};
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::state::use_app_state;

const CONTACT_ID: &str = "contact";
const CODE_ID: &str = "code";
/// API field name → element id. An invitation that can no longer be used is shown at the
/// contact field, the only thing on the page.
const FIELDS: &[(&str, &str)] = &[
    ("contact", CONTACT_ID),
    ("invitation", CONTACT_ID),
    ("code", CODE_ID),
];

/// Where a supporter lands: the first page their permissions open (rights otherwise).
pub fn first_page(session: &SessionView) -> &'static str {
    let may = |permission| {
        session
            .helping
            .as_ref()
            .is_none_or(|helping| helping.permissions.contains(&permission))
    };
    if may(SupporterPermission::ReadUpdates) {
        "/case"
    } else if may(SupporterPermission::Callbacks) {
        "/callbacks"
    } else if may(SupporterPermission::Preferences) {
        "/preferences"
    } else {
        "/rights"
    }
}

#[component]
pub fn SupporterSignIn(
    /// The invitation's token, on the first sign-in.
    invitation: Option<String>,
    /// The contact step's heading and its first paragraph.
    title: &'static str,
    intro: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let navigate = use_navigate();
    let contact = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    // The contact a code was asked for, and how long it lasts: `Some` on the code step.
    let sent_to = RwSignal::new(None::<(String, u32)>);
    let errors = RwSignal::new(FormErrors::default());
    let invitation = StoredValue::new(invitation);

    let start = Action::new_local(move |typed: &String| {
        let typed = typed.clone();
        let token = invitation.get_value();
        async move {
            let response = api::start_supporter_sign_in(&typed, token.as_deref()).await?;
            Ok::<_, ApiError>((typed, response.expires_in_minutes))
        }
    });
    let verify = Action::new_local(move |(typed, code): &(String, SignInCode)| {
        let (typed, code) = (typed.clone(), code.clone());
        let token = invitation.get_value();
        async move { api::verify_supporter_sign_in(&typed, &code, token.as_deref()).await }
    });
    Effect::new(move |_| {
        let result = start.value().get();
        untrack(|| match result {
            Some(Ok(sent)) => {
                errors.set(FormErrors::default());
                sent_to.set(Some(sent));
            }
            Some(Err(error)) => errors.set(FormErrors::from_api(&error, FIELDS)),
            None => {}
        });
    });
    Effect::new(move |_| {
        let result = verify.value().get();
        untrack(|| match result {
            Some(Ok(session)) => {
                let page = first_page(&session);
                state.session.set(Some(session));
                navigate(page, Default::default());
            }
            Some(Err(error)) => errors.set(FormErrors::from_api(&error, FIELDS)),
            None => {}
        });
    });

    let on_contact = move |event: SubmitEvent| {
        event.prevent_default();
        let typed = contact.get_untracked().trim().to_owned();
        if typed.is_empty() {
            errors.set(FormErrors::field(
                CONTACT_ID,
                t_string!(i18n, helping.contact_enter),
            ));
        } else if !start.pending().get_untracked() {
            start.dispatch(typed);
        }
    };
    let on_code = move |event: SubmitEvent| {
        event.prevent_default();
        let Some((typed, _)) = sent_to.get_untracked() else {
            return;
        };
        match SignInCode::parse(&code.get_untracked()) {
            Ok(parsed) if !verify.pending().get_untracked() => {
                errors.set(FormErrors::default());
                verify.dispatch((typed, parsed));
            }
            Ok(_) => {}
            Err(problem) => errors.set(FormErrors::field(CODE_ID, parse_error(i18n, &problem))),
        }
    };
    let change_contact = move |_| {
        errors.set(FormErrors::default());
        code.set(String::new());
        sent_to.set(None);
    };
    let error_for = move |id: &'static str| {
        Signal::derive(move || errors.with(|errors| errors.message_for(id)))
    };

    view! {
        <ErrorSummary errors=errors />
        {move || match sent_to.get() {
            None => view! {
                <h1 class="app-heading-xl" tabindex="-1">{title}</h1>
                <p class="app-body">{intro}</p>
                <form novalidate on:submit=on_contact>
                    <TextInput
                        id=CONTACT_ID
                        name="contact"
                        label=t_string!(i18n, helping.contact_label)
                        hint=t_string!(i18n, helping.contact_hint)
                        value=contact
                        error=error_for(CONTACT_ID)
                        autocomplete="username"
                        width_class="app-input--width-20"
                    />
                    <Button submit=true>{t!(i18n, helping.send_code)}</Button>
                </form>
            }
            .into_any(),
            Some((_, minutes)) => view! {
                <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, helping.code_title)}</h1>
                <p class="app-body">{t!(i18n, helping.code_sent, minutes = move || minutes)}</p>
                <form novalidate on:submit=on_code>
                    <TextInput
                        id=CODE_ID
                        name="code"
                        label=t_string!(i18n, helping.code_label)
                        value=code
                        error=error_for(CODE_ID)
                        autocomplete="one-time-code"
                        inputmode="numeric"
                        width_class="app-input--width-10"
                    />
                    <Button submit=true>{t!(i18n, helping.sign_in_button)}</Button>
                </form>
                <Button variant=ButtonVariant::Secondary on:click=change_contact>
                    {t!(i18n, helping.change_contact)}
                </Button>
            }
            .into_any(),
        }}
    }
}
