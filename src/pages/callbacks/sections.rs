//! Parts of the callback form with more than one control each: the warning for "I feel
//! unsafe now", the times we can call, and which number to call.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::preferences::SafeTimeWindow;

use crate::components::{
    Fieldset, PhoneInput, RadioItem, RepeatList, Select, TimeRange, WarningText,
};
use crate::form_errors::{field_message, FormErrors};
use crate::format::{safe_time_words, weekday_date};

use super::form_state::WindowFields;

/// How to get help at once, shown (and announced) when "I feel unsafe now" is chosen.
#[component]
pub(super) fn UnsafeNowWarning() -> impl IntoView {
    view! {
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
    }
}

/// "When we can call you": the victim's safe times as a hint, then one or more times, each
/// a date (from `bookable_dates`; the first is chosen to start with) and From/To.
#[component]
pub(super) fn WhenWeCanCall(
    windows: RwSignal<Vec<WindowFields>>,
    safe_times: Vec<SafeTimeWindow>,
    bookable_dates: Vec<String>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let first_date = bookable_dates.first().cloned().unwrap_or_default();
    let date_options: Vec<(String, String)> = bookable_dates
        .iter()
        .map(|date| (date.clone(), weekday_date(date)))
        .collect();
    let date_options = StoredValue::new(date_options);
    let safe_hint = if safe_times.is_empty() {
        "We can call you on working days between 9am and 5pm.".to_owned()
    } else {
        let words: Vec<String> = safe_times.iter().map(safe_time_words).collect();
        format!(
            "Your safe times: {}. Choose times inside these, at least 1 hour long.",
            words.join("; ")
        )
    };
    view! {
        <h3 class="app-heading-m">"When we can call you"</h3>
        <p class="app-hint">{safe_hint}</p>
        <RepeatList
            items=windows
            id_prefix="windows"
            legend="Time"
            add_label="Add another time"
            first_field="date"
            new_item=WindowFields::empty
            render=move |prefix, window: WindowFields| {
                if window.date.with_untracked(String::is_empty) {
                    window.date.set(first_date.clone());
                }
                let date_id = format!("{prefix}-date");
                let date_error = field_message(errors, date_id.clone());
                view! {
                    <Select
                        id=date_id
                        name="date"
                        label="Date"
                        options=date_options.get_value()
                        value=window.date
                        error=date_error
                    />
                    <TimeRange prefix start=window.start end=window.end errors />
                }
            }
        />
    }
}

/// "Which number": with a number on file, a choice between it (named by its last digits)
/// and a different number for this call; without one, just the number to call.
#[component]
pub(super) fn WhichNumber(
    has_phone_on_file: bool,
    phone_ending: Option<String>,
    other_number: RwSignal<Option<bool>>,
    one_off_phone: RwSignal<String>,
    errors: Signal<FormErrors>,
) -> impl IntoView {
    let on_file_label = match &phone_ending {
        Some(ending) => format!("Call me on the number you have for me (ending {ending})"),
        None => "Call me on the number you have for me".to_owned(),
    };
    let phone_error = field_message(errors, "one-off-phone");
    let label = "Safe phone number for this call";
    view! {
        <h3 class="app-heading-m">"Which number"</h3>
        {if has_phone_on_file {
            Either::Left(view! {
                <Fieldset id="phone-choice" legend="Which number should we call?" error=field_message(errors, "phone-choice-on-file")>
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
                        <PhoneInput id="one-off-phone" name="one_off_phone" label value=one_off_phone error=phone_error />
                    </RadioItem>
                </Fieldset>
            })
        } else {
            Either::Right(view! {
                <PhoneInput
                    id="one-off-phone"
                    name="one_off_phone"
                    label
                    hint="We do not have a phone number for you. For example, 07700 900 982."
                    value=one_off_phone
                    error=phone_error
                />
            })
        }}
    }
}
