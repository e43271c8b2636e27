//! "Your requests": each callback request with its status in words, and "Cancel request",
//! confirmed on the page (not with a browser pop-up) before anything is sent.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::callbacks::{CallbackStatus, CallbackView};

use crate::api::ApiError;
use crate::components::{focus_element, Button, ButtonVariant, Tag};
use crate::format::{short_date_time, time_words, weekday_date};

use super::choices::reason_words;

#[component]
pub(super) fn CallbackList(
    callbacks: Vec<CallbackView>,
    cancel: Action<String, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    if callbacks.is_empty() {
        return Either::Left(view! {
            <h2 class="app-heading-l">"Your requests"</h2>
            <p class="app-body">"You have not asked for a callback yet."</p>
        });
    }
    Either::Right(view! {
        <h2 class="app-heading-l">"Your requests"</h2>
        <ul class="app-callbacks">
            {callbacks.into_iter().map(|callback| view! { <CallbackItem callback cancel /> }).collect_view()}
        </ul>
    })
}

#[component]
fn CallbackItem(
    callback: CallbackView,
    cancel: Action<String, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let reason = reason_words(callback.reason);
    let status = match callback.status {
        CallbackStatus::Requested => "Requested".to_owned(),
        CallbackStatus::Scheduled => match &callback.scheduled_for {
            Some(time) => format!("Scheduled for {}", short_date_time(time)),
            None => "Scheduled".to_owned(),
        },
        CallbackStatus::Done => "Done".to_owned(),
        CallbackStatus::Cancelled => "Cancelled".to_owned(),
    };
    let open = callback.status.is_open();
    let times: Vec<String> = callback
        .windows
        .iter()
        .map(|w| {
            format!(
                "{}, {} to {}",
                weekday_date(&w.date),
                time_words(&w.start),
                time_words(&w.end)
            )
        })
        .collect();
    let confirming = RwSignal::new(false);
    let confirm_id = format!("cancel-confirm-{}", callback.id);
    let id = callback.id.clone();
    let requested = format!("Asked for on {}", short_date_time(&callback.requested_at));
    let ending = format!("We will call the number ending {}.", callback.phone_ending);
    view! {
        <li class="app-callbacks__item">
            <h3 class="app-heading-m">{reason}</h3>
            <p class="app-body">
                <span class="app-visually-hidden">"Status: "</span>
                <Tag text=status grey=!open />
            </p>
            <p class="app-body">{requested}</p>
            {callback.details.map(|details| view! { <p class="app-body">{details}</p> })}
            <p class="app-body">"Times you chose:"</p>
            <ul class="app-list app-list--bullet">
                {times.into_iter().map(|time| view! { <li>{time}</li> }).collect_view()}
            </ul>
            <p class="app-body">{ending}</p>
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
                                        request_animation_frame(move || focus_element(&focus));
                                    }
                                >
                                    "Cancel request"
                                    <span class="app-visually-hidden">{format!(" ({reason})")}</span>
                                </Button>
                            }
                        }
                    >
                        <div class="app-inset">
                            <p class="app-body" id=confirm_id.clone() tabindex="-1">
                                {format!("Are you sure you want to cancel your request about \"{reason}\"? We will not call you about it.")}
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
                                    "Yes, cancel this request"
                                </Button>
                                <Button variant=ButtonVariant::Secondary on:click=move |_| confirming.set(false)>
                                    "No, keep it"
                                </Button>
                            </div>
                        </div>
                    </Show>
                }
            })}
        </li>
    }
}
