//! `/preferences`: "How we contact you". Needs a session. The form starts from the saved
//! version (`GET …/preferences`), is checked here with the same parsers the server uses
//! (`PhoneNumber`, `EmailAddress`, `UkPostcode`, `ClockTime`), and is saved with `PUT`.
//! The server's 422 field errors show exactly like ours: error summary, inline messages,
//! "Error: " in the title. On success a banner (focused) repeats, in sentences, what we
//! will and will not do. "Previous versions" lists the history.
//!
//! A save that would move where sign-in codes go comes back with a pending change: the
//! form is hidden (kept, with what was typed) and "Check your phone/email"
//! (`confirm_contact`) asks for the code; once confirmed the success banner says so. A
//! change still waiting when the page opens (a reload) shows the same panel.

mod checks;
mod choices;
mod confirm_contact;
mod field_ids;
mod form;
mod form_state;
mod history;
mod sections;

use leptos::prelude::*;
use shared::api::preferences::{PendingContactChange, PreferencesView};
use shared::api::supporters::SupporterPermission;

use crate::api::{self, ApiError};
use crate::components::{
    after_render, focus_element, ErrorSummary, Loaded, NotificationBanner, PageTitle,
};
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::session::session_resource;
use crate::state::use_app_state;

use confirm_contact::ConfirmContactChange;
use form::PreferencesForm;

const SAVED_BANNER_ID: &str = "preferences-saved";
const HEADING_ID: &str = "preferences-heading";

#[component]
pub fn PreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_app_state();
    let (saved, loading) = session_resource(move |reference| async move {
        // No saved version yet: start from an empty form. Not for a supporter who may not
        // see preferences: the 404 is the server's refusal, and no form is shown. Read
        // untracked: the loader has just set the session, and tracking it here would make
        // every load start the next one.
        let may_see = untrack(|| state.may(SupporterPermission::Preferences));
        match api::get_preferences(&reference).await {
            Err(ApiError::NotFound) if may_see => Ok(None),
            other => other.map(Some),
        }
    });
    let errors = RwSignal::new(FormErrors::default());
    let just_saved = RwSignal::new(false);
    let current = RwSignal::new(None::<PreferencesView>);
    let pending = RwSignal::new(None::<PendingContactChange>);
    let code_errors = RwSignal::new(FormErrors::default());
    // Whether the last success was confirming new contact details (the banner says so).
    let confirmed = RwSignal::new(false);
    // Set when the page opened on a change already waiting (a reload): the form then holds
    // the old contact details, so it is loaded again once the new ones are confirmed.
    let opened_waiting = StoredValue::new(false);
    let on_confirmed = Callback::new(move |view: PreferencesView| {
        if opened_waiting.get_value() {
            opened_waiting.set_value(false);
            saved.refetch();
        }
        current.set(Some(view));
        pending.set(None);
        confirmed.set(true);
        just_saved.set(true);
        after_render(|| focus_element(SAVED_BANNER_ID));
    });
    let title = move || match pending.get() {
        Some(change) => confirm_contact::title(i18n, &change).to_owned(),
        None => t_string!(i18n, preferences.title).to_owned(),
    };
    let has_errors = move || match pending.with(Option::is_some) {
        true => !code_errors.with(FormErrors::is_empty),
        false => !errors.with(FormErrors::is_empty),
    };
    view! {
        <PageTitle title=Signal::derive(title) has_errors=Signal::derive(has_errors) />
        <Show when=move || just_saved.get()>
            <NotificationBanner id=SAVED_BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">
                    {move || if confirmed.get() {
                        t!(i18n, preferences.confirmed_heading).into_any()
                    } else {
                        t!(i18n, preferences.saved_heading).into_any()
                    }}
                </p>
                <Show when=move || confirmed.get()>
                    <p class="app-body">{t!(i18n, preferences.confirmed_signed_out_elsewhere)}</p>
                </Show>
                {move || {
                    current
                        .get()
                        .map(|view| {
                            view.summary
                                .into_iter()
                                .map(|line| view! { <p class="app-body">{line}</p> })
                                .collect_view()
                        })
                }}
            </NotificationBanner>
        </Show>
        {move || pending.get().map(|change| view! {
            <ConfirmContactChange pending=change pending_signal=pending errors=code_errors on_confirmed />
        })}
        // Hidden, not removed, while a code is asked for: the form keeps what was typed.
        <div hidden=move || pending.with(Option::is_some)>
            <ErrorSummary errors=errors />
            <h1 class="app-heading-xl" id=HEADING_ID tabindex="-1">{t!(i18n, preferences.title)}</h1>
            <Loaded
                resource=saved
                loading
                loading_message=t_string!(i18n, preferences.loading)
                error_message=t_string!(i18n, preferences.load_failed)
                render=move |saved| {
                    current.set(saved.clone());
                    let waiting = saved.as_ref().and_then(|view| view.pending_contact_change.clone());
                    opened_waiting.set_value(waiting.is_some());
                    pending.set(waiting);
                    view! { <PreferencesForm saved errors just_saved confirmed current pending /> }
                }
            />
        </div>
    }
}
