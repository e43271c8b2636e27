//! `/preferences`: "How we contact you". Needs a session. The form starts from the saved
//! version (`GET …/preferences`), is checked here with the same parsers the server uses
//! (`PhoneNumber`, `EmailAddress`, `UkPostcode`, `ClockTime`), and is saved with `PUT`.
//! The server's 422 field errors show exactly like ours: error summary, inline messages,
//! "Error: " in the title. On success a banner (focused) repeats, in sentences, what we
//! will and will not do. "Previous versions" lists the history.

mod checks;
mod choices;
mod field_ids;
mod form;
mod form_state;
mod history;
mod sections;

use leptos::prelude::*;
use shared::api::preferences::PreferencesView;

use crate::api::{self, ApiError};
use crate::components::{ErrorSummary, Loaded, NotificationBanner, PageTitle};
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::session::session_resource;

use form::PreferencesForm;

const SAVED_BANNER_ID: &str = "preferences-saved";

#[component]
pub fn PreferencesPage() -> impl IntoView {
    let i18n = use_i18n();
    let (saved, loading) = session_resource(|reference| async move {
        // No saved version yet: start from an empty form.
        match api::get_preferences(&reference).await {
            Err(ApiError::NotFound) => Ok(None),
            other => other.map(Some),
        }
    });
    let errors = RwSignal::new(FormErrors::default());
    let just_saved = RwSignal::new(false);
    let current = RwSignal::new(None::<PreferencesView>);
    view! {
        <PageTitle title=Signal::derive(move || t_string!(i18n, preferences.title).to_string()) has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty)) />
        <Show when=move || just_saved.get()>
            <NotificationBanner id=SAVED_BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">{t!(i18n, preferences.saved_heading)}</p>
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
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, preferences.title)}</h1>
        <Loaded
            resource=saved
            loading
            loading_message=t_string!(i18n, preferences.loading)
            error_message=t_string!(i18n, preferences.load_failed)
            render=move |saved| {
                current.set(saved.clone());
                view! { <PreferencesForm saved errors just_saved current /> }
            }
        />
    }
}
