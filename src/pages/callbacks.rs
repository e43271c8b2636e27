//! `/callbacks`: "Ask for a callback". Needs a session. Lists the victim's requests (status
//! in words) with "Cancel request" (confirmed on the page, not with a browser pop-up),
//! then the request form: why, details (with a character count), how soon, one or more
//! times on the dates we can call (within their safe times, shown as a hint), and which
//! number. Choosing "I feel unsafe now" first shows how to get help at once (999, 55).
//! A 409 (already 3 open requests) shows the server's sentence in the error summary.

use leptos::either::Either;
use leptos::prelude::*;
use leptos::web_sys::SubmitEvent;
use shared::api::callbacks::{
    CallbackReason, CallbackStatus, CallbackView, CallbackWindow, CallbacksView,
    NewCallbackRequest, Urgency,
};
use shared::contact::PhoneNumber;

use crate::api::{self, ApiError};
use crate::components::{
    check_time, first_id, focus_element, Button, ButtonVariant, ErrorSummary, Fieldset, Loaded,
    NotificationBanner, PageTitle, RadioGroup, RadioItem, RepeatList, Select, Tag, TextInput,
    Textarea, TimeRange, WarningText,
};
use crate::form_errors::FormErrors;
use crate::format::{safe_time_words, short_date_time, time_words, weekday_date};
use crate::session::session_resource;
use crate::state::use_app_state;

const TITLE: &str = "Ask for a callback";
const BANNER_ID: &str = "callback-done";
const DETAILS_MAX: usize = 1000;

const REASONS: &[(CallbackReason, &str, &str)] = &[
    (
        CallbackReason::CaseQuestion,
        "case-question",
        "A question about my case",
    ),
    (
        CallbackReason::FeelUnsafe,
        "feel-unsafe",
        "I feel unsafe now",
    ),
    (
        CallbackReason::ChangeDetails,
        "change-details",
        "I need to change my details",
    ),
    (
        CallbackReason::SupportNeeds,
        "support-needs",
        "Support needs",
    ),
    (
        CallbackReason::SomethingElse,
        "something-else",
        "Something else",
    ),
];
const URGENCIES: &[(Urgency, &str, &str)] = &[
    (
        Urgency::Urgent,
        "urgent",
        "As soon as possible in the times I choose",
    ),
    (Urgency::Soon, "soon", "Within the next 2 working days"),
    (Urgency::Routine, "routine", "Any of the times I choose"),
];

fn reason_words(reason: CallbackReason) -> &'static str {
    REASONS
        .iter()
        .find(|r| r.0 == reason)
        .map(|r| r.2)
        .unwrap_or("")
}

/// The list plus what the form needs, and the last digits of the number on file.
#[derive(Debug, Clone, PartialEq)]
struct PageData {
    callbacks: CallbacksView,
    phone_ending: Option<String>,
}

/// One time being chosen.
#[derive(Debug, Clone, Copy)]
struct WindowFields {
    date: RwSignal<String>,
    start: RwSignal<String>,
    end: RwSignal<String>,
}

fn new_window() -> WindowFields {
    WindowFields {
        date: RwSignal::new(String::new()),
        start: RwSignal::new(String::new()),
        end: RwSignal::new(String::new()),
    }
}

/// `windows.0.start` → `windows-0-start`; groups point at their first input.
fn target_id(key: &str) -> String {
    match key {
        "reason" => first_id("reason", REASONS),
        "urgency" => first_id("urgency", URGENCIES),
        "windows" => "windows-0-date".into(),
        other => other.replace(['.', '_'], "-"),
    }
}

#[component]
pub fn CallbacksPage() -> impl IntoView {
    let (data, loading) = session_resource(|reference| async move {
        let callbacks = api::get_callbacks(&reference).await?;
        // Only for the words "ending 982"; the form works without it.
        let phone_ending = api::get_preferences(&reference)
            .await
            .ok()
            .and_then(|view| view.preferences.phone)
            .map(|phone| {
                phone
                    .chars()
                    .rev()
                    .take(3)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect()
            });
        Ok(PageData {
            callbacks,
            phone_ending,
        })
    });
    let errors = RwSignal::new(FormErrors::default());
    let banner = RwSignal::new(None::<&'static str>);
    let state = use_app_state();
    let reference = move || {
        state
            .session
            .with_untracked(|session| session.as_ref().map(|s| s.crime_reference.clone()))
            .unwrap_or_default()
    };

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
                request_animation_frame(|| focus_element(BANNER_ID));
            }
            Some(Err(error)) => {
                banner.set(None);
                let keys = ["reason", "details", "urgency", "windows"];
                let mut pairs: Vec<(String, String)> = keys
                    .iter()
                    .map(|key| (key.to_string(), target_id(key)))
                    .collect();
                for index in 0..10 {
                    for part in ["date", "start", "end"] {
                        let key = format!("windows.{index}.{part}");
                        let id = target_id(&key);
                        pairs.push((key, id));
                    }
                }
                pairs.push(("one_off_phone".into(), "one-off-phone".into()));
                let pairs: Vec<(&str, &str)> = pairs
                    .iter()
                    .map(|(key, id)| (key.as_str(), id.as_str()))
                    .collect();
                errors.set(FormErrors::from_api(&error, &pairs));
            }
            None => {}
        };
    Effect::new(move |_| {
        let result = request.value().get();
        untrack(|| {
            done(result, "Your callback request has been sent. We will call you in one of the times you chose.")
        });
    });
    Effect::new(move |_| {
        let result = cancel.value().get();
        untrack(|| done(result, "Your callback request has been cancelled."));
    });

    view! {
        <PageTitle title=TITLE has_errors=Signal::derive(move || !errors.with(FormErrors::is_empty)) />
        {move || banner.get().map(|message| view! {
            <NotificationBanner id=BANNER_ID success=true autofocus=true>
                <p class="app-notification-banner__heading">{message}</p>
            </NotificationBanner>
        })}
        <ErrorSummary errors=errors />
        <h1 class="app-heading-xl" tabindex="-1">{TITLE}</h1>
        <p class="app-body-l">"Ask your officer to call you back at a time that is safe for you."</p>
        <Loaded
            resource=data
            loading
            loading_message="Loading your callback requests…"
            error_message="Sorry, we could not load your callback requests right now. Check your internet connection and try again."
            render=move |data: PageData| {
                view! {
                    <CallbackList callbacks=data.callbacks.callbacks.clone() cancel />
                    <CallbackForm data errors request />
                }
            }
        />
    }
}

#[component]
fn CallbackList(
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

#[component]
fn CallbackForm(
    data: PageData,
    errors: RwSignal<FormErrors>,
    request: Action<NewCallbackRequest, Result<CallbackView, ApiError>>,
) -> impl IntoView {
    let PageData {
        callbacks,
        phone_ending,
    } = data;
    let CallbacksView {
        callbacks: list,
        max_open,
        safe_times,
        bookable_dates,
        has_phone_on_file,
    } = callbacks;
    let open_count = list.iter().filter(|c| c.status.is_open()).count();
    let reason = RwSignal::new(None::<CallbackReason>);
    let details = RwSignal::new(String::new());
    let urgency = RwSignal::new(None::<Urgency>);
    let windows = RwSignal::new(vec![new_window()]);
    // `Some(false)`: the number on file; `Some(true)`: a different one for this call.
    let other_number = RwSignal::new(if has_phone_on_file { None } else { Some(true) });
    let one_off_phone = RwSignal::new(String::new());
    let first_date = bookable_dates.first().cloned().unwrap_or_default();
    let date_options: Vec<(String, String)> = bookable_dates
        .iter()
        .map(|date| (date.clone(), weekday_date(date)))
        .collect();
    let date_options = StoredValue::new(date_options);

    let check = move || -> Result<NewCallbackRequest, FormErrors> {
        let mut found = FormErrors::default();
        let reason_value = reason.get_untracked();
        if reason_value.is_none() {
            found.push(target_id("reason"), "Select why you would like a callback");
        }
        let details_value = details.get_untracked().trim().to_owned();
        if details_value.chars().count() > DETAILS_MAX {
            found.push("details", "Details must be 1,000 characters or fewer");
        } else if details_value.is_empty() && reason_value == Some(CallbackReason::SomethingElse) {
            found.push("details", "Tell us what you would like to talk about");
        }
        let urgency_value = urgency.get_untracked();
        if urgency_value.is_none() {
            found.push(target_id("urgency"), "Select how soon you need us to call");
        }
        let mut chosen = Vec::new();
        for (index, window) in windows.get_untracked().iter().enumerate() {
            let date = window.date.get_untracked();
            let start = check_time(&window.start.get_untracked(), true);
            let end = check_time(&window.end.get_untracked(), false);
            if let Err(problem) = start {
                found.push(format!("windows-{index}-start"), problem);
            }
            if let Err(problem) = end {
                found.push(format!("windows-{index}-end"), problem);
            }
            if let (Ok(start), Ok(end)) = (start, end) {
                if end.minutes() < start.minutes() + 60 {
                    found.push(
                        format!("windows-{index}-end"),
                        "The end time must be at least 1 hour after the start time",
                    );
                }
                chosen.push(CallbackWindow {
                    date,
                    start: start.to_string(),
                    end: end.to_string(),
                });
            }
        }
        let phone = match other_number.get_untracked() {
            None => {
                found.push("phone-choice-on-file", "Select which number we should call");
                None
            }
            Some(false) => None,
            Some(true) => match PhoneNumber::parse(&one_off_phone.get_untracked()) {
                Ok(phone) => Some(phone.to_string()),
                Err(problem) => {
                    found.push("one-off-phone", problem.0);
                    None
                }
            },
        };
        match (reason_value, urgency_value, found.is_empty()) {
            (Some(reason), Some(urgency), true) => Ok(NewCallbackRequest {
                reason,
                details: (!details_value.is_empty()).then_some(details_value),
                urgency,
                windows: chosen,
                one_off_phone: phone,
            }),
            _ => Err(found),
        }
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if request.pending().get_untracked() {
            return;
        }
        match check() {
            Ok(body) => {
                errors.set(FormErrors::default());
                request.dispatch(body);
            }
            Err(found) => errors.set(found),
        }
    };
    let error_for =
        move |id: &'static str| Signal::derive(move || errors.with(|e| e.message_for(id)));
    let errors_signal: Signal<FormErrors> = errors.into();
    let safe_hint = if safe_times.is_empty() {
        "We can call you on working days between 9am and 5pm.".to_owned()
    } else {
        let words: Vec<String> = safe_times.iter().map(safe_time_words).collect();
        format!(
            "Your safe times: {}. Choose times inside these, at least 1 hour long.",
            words.join("; ")
        )
    };
    let on_file_label = match &phone_ending {
        Some(ending) => format!("Call me on the number you have for me (ending {ending})"),
        None => "Call me on the number you have for me".to_owned(),
    };

    view! {
        <h2 class="app-heading-l">"Ask for a new callback"</h2>
        {(open_count >= max_open as usize).then(|| view! {
            <p class="app-body">
                {format!("You already have {open_count} open requests, the most you can have at once. Cancel one, or wait for us to call, before asking again.")}
            </p>
        })}
        <form novalidate on:submit=on_submit>
            <RadioGroup
                id_prefix="reason"
                name="reason"
                legend="Why would you like us to call you?"
                options=REASONS
                value=reason
                errors=errors_signal
            />
            <Show when=move || reason.get() == Some(CallbackReason::FeelUnsafe)>
                <div role="alert" class="app-urgent">
                    <WarningText>
                        "If you are in danger now, call "
                        <a href="tel:999">"999"</a>
                        ". If you cannot speak, call 999 from a mobile and press 55."
                    </WarningText>
                    <p class="app-body">
                        "If you are safe to wait, you can carry on and ask us to call you back."
                    </p>
                </div>
            </Show>
            <Textarea
                id="details"
                name="details"
                label="Tell us more (optional)"
                hint="You must fill this in if you chose \u{201c}Something else\u{201d}. Only write what you are happy for your officer to read."
                value=details
                error=error_for("details")
                max_chars=DETAILS_MAX
            />
            <RadioGroup
                id_prefix="urgency"
                name="urgency"
                legend="How soon do you need us to call?"
                options=URGENCIES
                value=urgency
                errors=errors_signal
            />
            <h3 class="app-heading-m">"When we can call you"</h3>
            <p class="app-hint">{safe_hint}</p>
            <RepeatList
                items=windows
                id_prefix="windows"
                legend="Time"
                add_label="Add another time"
                first_field="date"
                new_item=new_window
                render=move |prefix, window: WindowFields| {
                    if window.date.with_untracked(String::is_empty) {
                        window.date.set(first_date.clone());
                    }
                    let date_id = format!("{prefix}-date");
                    let date_error = {
                        let id = date_id.clone();
                        Signal::derive(move || errors.with(|e| e.message_for(&id)))
                    };
                    view! {
                        <Select
                            id=date_id
                            name="date"
                            label="Date"
                            options=date_options.get_value()
                            value=window.date
                            error=date_error
                        />
                        <TimeRange prefix start=window.start end=window.end errors=errors_signal />
                    }
                }
            />
            <h3 class="app-heading-m">"Which number"</h3>
            {if has_phone_on_file {
                Either::Left(view! {
                    <Fieldset id="phone-choice" legend="Which number should we call?" error=error_for("phone-choice-on-file")>
                        <RadioItem
                            id="phone-choice-on-file"
                            name="phone_choice"
                            label=on_file_label
                            checked=Signal::derive(move || other_number.get() == Some(false))
                            on_select=Callback::new(move |()| other_number.set(Some(false)))
                        />
                        <RadioItem
                            id="phone-choice-different"
                            name="phone_choice"
                            label="Use a different safe number for this call"
                            checked=Signal::derive(move || other_number.get() == Some(true))
                            on_select=Callback::new(move |()| other_number.set(Some(true)))
                        >
                            <TextInput
                                id="one-off-phone"
                                name="one_off_phone"
                                label="Safe phone number for this call"
                                value=one_off_phone
                                error=error_for("one-off-phone")
                                autocomplete="tel"
                                inputmode="tel"
                                input_type="tel"
                                width_class="app-input--width-20"
                            />
                        </RadioItem>
                    </Fieldset>
                })
            } else {
                Either::Right(view! {
                    <TextInput
                        id="one-off-phone"
                        name="one_off_phone"
                        label="Safe phone number for this call"
                        hint="We do not have a phone number for you. For example, 07700 900 982."
                        value=one_off_phone
                        error=error_for("one-off-phone")
                        autocomplete="tel"
                        inputmode="tel"
                        input_type="tel"
                        width_class="app-input--width-20"
                    />
                })
            }}
            <Button submit=true>"Request callback"</Button>
        </form>
    }
}
