//! "Your requests": each callback request with its status in words, and "Cancel request",
//! confirmed on the page (not with a browser pop-up) before anything is sent. What the
//! victim wrote is shown as it came.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::callbacks::{CallbackStatus, CallbackView};

use crate::api::ApiError;
use crate::components::{after_render, focus_element, Button, ButtonVariant, Tag};
use crate::format::{fill, short_date_time_in, time_words, times_on, weekday_date};
use crate::i18n::*;

use super::choices::reason_words;

#[component]
pub(super) fn CallbackList(
    callbacks: Vec<CallbackView>,
    cancel: Action<String, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    if callbacks.is_empty() {
        return Either::Left(view! {
            <h2 class="app-heading-l">{t!(i18n, callbacks.your_requests)}</h2>
            <p class="app-body">{t!(i18n, callbacks.no_requests)}</p>
        });
    }
    Either::Right(view! {
        <h2 class="app-heading-l">{t!(i18n, callbacks.your_requests)}</h2>
        <ul class="app-callbacks">
            {callbacks.into_iter().map(|callback| view! { <CallbackItem callback cancel /> }).collect_view()}
        </ul>
    })
}

/// The request's status as its tag says it: "Requested", "Booked: Tuesday 2 December,
/// 10am to 11am" (the booked call in UK time, as the officer booked it).
fn status_words(locale: Locale, callback: &CallbackView) -> String {
    match callback.status {
        CallbackStatus::Requested => td_string!(locale, callbacks.status.requested).to_owned(),
        CallbackStatus::Scheduled => match (&callback.booked, &callback.scheduled_for) {
            (Some(call), _) => fill(
                td_string!(locale, callbacks.status.booked),
                &[(
                    "time",
                    &times_on(
                        locale,
                        &weekday_date(locale, &call.date),
                        &time_words(locale, &call.start),
                        &time_words(locale, &call.end),
                    ),
                )],
            ),
            (None, Some(time)) => fill(
                td_string!(locale, callbacks.status.scheduled_for),
                &[("time", &short_date_time_in(locale, time))],
            ),
            (None, None) => td_string!(locale, callbacks.status.scheduled).to_owned(),
        },
        CallbackStatus::Done => td_string!(locale, callbacks.status.done).to_owned(),
        CallbackStatus::Cancelled => td_string!(locale, callbacks.status.cancelled).to_owned(),
    }
}

#[component]
fn CallbackItem(
    callback: CallbackView,
    cancel: Action<String, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    // The page is rebuilt when the language changes, so the language it starts in holds.
    let locale = i18n.get_locale_untracked();
    let reason = reason_words(locale, callback.reason);
    let status = status_words(locale, &callback);
    let open = callback.status.is_open();
    let times: Vec<String> = callback
        .windows
        .iter()
        .map(|w| {
            times_on(
                locale,
                &weekday_date(locale, &w.date),
                &time_words(locale, &w.start),
                &time_words(locale, &w.end),
            )
        })
        .collect();
    let confirming = RwSignal::new(false);
    let confirm_id = format!("cancel-confirm-{}", callback.id);
    let id = callback.id.clone();
    let requested = short_date_time_in(locale, &callback.requested_at);
    let ending = callback.phone_ending;
    view! {
        <li class="app-callbacks__item">
            <h3 class="app-heading-m">{reason}</h3>
            <p class="app-body">
                <span class="app-visually-hidden">{t!(i18n, callbacks.status_prefix)}</span>
                <Tag text=status grey=!open />
            </p>
            <p class="app-body">{t!(i18n, callbacks.asked_on, time = requested)}</p>
            {callback.details.map(|details| view! { <p class="app-body">{details}</p> })}
            <p class="app-body">{t!(i18n, callbacks.times_chosen)}</p>
            <ul class="app-list app-list--bullet">
                {times.into_iter().map(|time| view! { <li>{time}</li> }).collect_view()}
            </ul>
            <p class="app-body">{t!(i18n, callbacks.number_ending, ending)}</p>
            {open.then(|| {
                let confirm_focus = confirm_id.clone();
                view! {
                    <Show
                        when=move || confirming.get()
                        fallback=move || {
                            let focus = confirm_focus.clone();
                            view! {
                                <Button
                                    variant=ButtonVariant::Secondary
                                    on:click=move |_| {
                                        confirming.set(true);
                                        let focus = focus.clone();
                                        after_render(move || focus_element(&focus));
                                    }
                                >
                                    {t!(i18n, callbacks.cancel_button)}
                                    <span class="app-visually-hidden">
                                        {t!(i18n, callbacks.cancel_button_about, reason)}
                                    </span>
                                </Button>
                            }
                        }
                    >
                        <div class="app-inset">
                            <p class="app-body" id=confirm_id.clone() tabindex="-1">
                                {t!(i18n, callbacks.cancel_confirm, reason)}
                            </p>
                            <div class="app-button-group">
                                <Button on:click={
                                    let id = id.clone();
                                    move |_| {
                                        if !cancel.pending().get_untracked() {
                                            cancel.dispatch(id.clone());
                                        }
                                    }
                                }>
                                    {t!(i18n, callbacks.cancel_yes)}
                                </Button>
                                <Button variant=ButtonVariant::Secondary on:click=move |_| confirming.set(false)>
                                    {t!(i18n, callbacks.cancel_no)}
                                </Button>
                            </div>
                        </div>
                    </Show>
                }
            })}
        </li>
    }
}
