//! `/callbacks`: "Ask for a callback". Needs a session. Lists the victim's requests (status
//! in words) with "Cancel request" (confirmed on the page, not with a browser pop-up),
//! then the request form: why, details (with a character count), how soon, one or more
//! times on the dates we can call (within their safe times, shown as a hint), and which
//! number. Choosing "I feel unsafe now" first shows how to get help at once (999, 55).
//! A 409 (already 3 open requests) shows the server's sentence in the error summary.

mod checks;
mod choices;
mod form;
mod form_state;
mod list;
mod sections;

use leptos::prelude::*;
use shared::api::callbacks::{CallbackView, CallbacksView, NewCallbackRequest};

use crate::api::{self, ApiError};
use crate::components::{
    after_render, focus_element, DrawnNext, ErrorSummary, Loaded, NotificationBanner, PageTitle,
};
use crate::form_errors::FormErrors;
use crate::i18n::*;
use crate::session::session_resource;
use crate::state::use_app_state;

use choices::{keys_in_page_order, target_id};
use form::CallbackForm;
use list::CallbackList;

const BANNER_ID: &str = "callback-done";

/// The list plus what the form needs, and the last digits of the number on file.
#[derive(Debug, Clone, PartialEq)]
struct PageData {
    callbacks: CallbacksView,
    phone_ending: Option<String>,
}

/// The last three characters of a phone number, for the words "ending 982".
fn last_three(phone: String) -> String {
    phone
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

#[component]
pub fn CallbacksPage() -> impl IntoView {
    let i18n = use_i18n();
    let (data, loading) = session_resource(|reference| async move {
        let callbacks = api::get_callbacks(&reference).await?;
        // Only for the words "ending 982"; the form works without it.
        let phone_ending = api::get_preferences(&reference)
            .await
            .ok()
            .and_then(|view| view.preferences.phone)
            .map(last_three);
        Ok(PageData {
            callbacks,
            phone_ending,
        })
    });
    let errors = RwSignal::new(FormErrors::default());
    let banner = RwSignal::new(None::<&'static str>);
    let state = use_app_state();
    let reference = move || state.crime_reference_untracked().unwrap_or_default();

    let request = Action::new_local(move |body: &NewCallbackRequest| {
        let (body, reference) = (body.clone(), reference());
        async move { api::request_callback(&reference, &body).await }
    });
    let cancel = Action::new_local(move |id: &String| {
        let (id, reference) = (id.clone(), reference());
        async move { api::cancel_callback(&reference, &id).await }
    });
    // After either write: reload the list, say what happened, and take focus there.
    let done =
        move |result: Option<Result<CallbackView, ApiError>>, message: &'static str| match result {
            Some(Ok(_)) => {
                errors.set(FormErrors::default());
                banner.set(Some(message));
                data.refetch();
                after_render(|| focus_element(BANNER_ID));
            }
            Some(Err(error)) => {
                banner.set(None);
                errors.set(FormErrors::from_api_keys(
                    &error,
                    &keys_in_page_order(),
                    target_id,
                ));
            }
            None => {}
        };
    Effect::new(move |_| {
        let result = request.value().get();
        untrack(|| done(result, t_string!(i18n, callbacks.request_sent)));
    });
    Effect::new(move |_| {
        let result = cancel.value().get();
        untrack(|| done(result, t_string!(i18n, callbacks.request_cancelled)));
    });

    view! {
        <PageTitle
            title=Signal::derive(move || t_string!(i18n, callbacks.title).to_string())
            has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty))
        />
        {move || banner.get().map(|message| view! {
            <NotificationBanner id=BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">{message}</p>
            </NotificationBanner>
        })}
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{t!(i18n, callbacks.title)}</h1>
        <p class="app-body-l">{t!(i18n, callbacks.intro)}</p>
        <Loaded
            resource=data
            loading
            loading_message=t_string!(i18n, callbacks.loading)
            error_message=t_string!(i18n, callbacks.load_failed)
            render=move |data: PageData| {
                view! {
                    <CallbackList callbacks=data.callbacks.callbacks.clone() cancel />
                    // Drawn a task after the list (issue 14).
                    <DrawnNext>
                        <CallbackForm data errors request />
                    </DrawnNext>
                }
            }
        />
    }
}
