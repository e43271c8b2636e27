//! `CaseCallbacks`: "Callbacks" on a case: the victim's requests, newest first, each with
//! its actions (`CallbackItem`). After a booking or closing, a success banner says so and
//! the list reloads.
//!
//! Markup contract: a `<section>` named by its `<h2 id="callbacks-heading">`; the requests
//! are a `<ul>` of `CallbackItem`s (`<h3>` each).

use leptos::prelude::*;
use ui::components::{LoadingStatus, NotificationBanner, RetryableError};

use crate::api;
use crate::components::callback_item::{CallbackItem, OpenForm};
use crate::i18n::*;
use crate::session::staff_resource;

#[component]
pub fn CaseCallbacks(#[prop(into)] reference: String) -> impl IntoView {
    let i18n = use_i18n();
    let (callbacks, loading) = staff_resource(move || {
        let reference = reference.clone();
        async move { api::get_case_callbacks(&reference).await }
    });
    let open = RwSignal::new(None::<OpenForm>);
    let notice = RwSignal::new(None::<&'static str>);
    let on_changed = Callback::new(move |text: &'static str| {
        notice.set(Some(text));
        callbacks.refetch();
    });
    view! {
        <section aria-labelledby="callbacks-heading">
            <h2 class="app-heading-l" id="callbacks-heading">{t!(i18n, callbacks.case_heading)}</h2>
            {move || notice.get().map(|text| view! {
                <NotificationBanner id="callbacks-notice" success=true>
                    <p class="app-notification-banner__heading">{text}</p>
                </NotificationBanner>
            })}
            <p class="app-body">{t!(i18n, callbacks.case_intro)}</p>
            <LoadingStatus message=t_string!(i18n, callbacks.loading) loading=loading />
            {move || {
                if loading.get() {
                    return None;
                }
                Some(match callbacks.get()? {
                    Ok(view) if view.callbacks.is_empty() => {
                        view! { <p class="app-body">{t!(i18n, callbacks.case_empty)}</p> }.into_any()
                    }
                    Ok(view) => view! {
                        <ul class="app-staff-callbacks">
                            {view.callbacks.into_iter().map(|item| view! {
                                <CallbackItem item show_reference=false open on_changed />
                            }).collect_view()}
                        </ul>
                    }
                    .into_any(),
                    Err(_) => view! {
                        <RetryableError
                            message=t_string!(i18n, callbacks.load_failed)
                            on_retry=Callback::new(move |()| callbacks.refetch())
                        />
                    }
                    .into_any(),
                })
            }}
        </section>
    }
}
