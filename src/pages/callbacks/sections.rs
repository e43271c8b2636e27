//! Parts of the callback form with more than one control each: the warning for "I feel
//! unsafe now", the times we can call, and which number to call.

use leptos::either::Either;
use leptos::prelude::*;
use shared::api::preferences::SafeTimeWindow;

use crate::components::{
    Fieldset, PhoneInput, RadioItem, RepeatList, Select, TimeRange, WarningText,
};
use crate::form_errors::{field_message, FormErrors};
use crate::format::{fill, safe_time_words, weekday_date};
use crate::i18n::*;

use super::form_state::WindowFields;

/// How to get help at once, shown (and announced) when "I feel unsafe now" is chosen.
#[component]
pub(super) fn UnsafeNowWarning() -> impl IntoView {
    let i18n = use_i18n();
    let emergency = || view! { <a href="tel:999">"999"</a> };
    view! {
        <div role="alert" class="app-urgent">
            <WarningText>{t!(i18n, callbacks.danger_now, emergency)}</WarningText>
            <p class="app-body">{t!(i18n, callbacks.safe_to_wait)}</p>
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
    let i18n = use_i18n();
    // The page is rebuilt when the language changes, so the language it starts in holds.
    let locale = i18n.get_locale_untracked();
    let first_date = bookable_dates.first().cloned().unwrap_or_default();
    let date_options: Vec<(String, String)> = bookable_dates
        .iter()
        .map(|date| (date.clone(), weekday_date(locale, date)))
        .collect();
    let date_options = StoredValue::new(date_options);
    let safe_hint = if safe_times.is_empty() {
        Either::Left(t!(i18n, callbacks.office_hours_hint))
    } else {
        let words: Vec<String> = safe_times
            .iter()
            .map(|window| safe_time_words(locale, window))
            .collect();
        let times = words.join("; ");
        Either::Right(t!(i18n, callbacks.safe_times_hint, times))
    };
    view! {
        <h3 class="app-heading-m">{t!(i18n, callbacks.when_heading)}</h3>
        <p class="app-hint">{safe_hint}</p>
        <RepeatList
            items=windows
            id_prefix="windows"
            legend=t_string!(i18n, callbacks.time_legend)
            add_label=t_string!(i18n, callbacks.add_time)
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
                        label=t_string!(i18n, callbacks.date_label)
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
    let i18n = use_i18n();
    let on_file_label = match &phone_ending {
        Some(ending) => fill(
            t_string!(i18n, callbacks.number_on_file_ending),
            &[("ending", ending)],
        ),
        None => t_string!(i18n, callbacks.number_on_file).to_owned(),
    };
    let phone_error = field_message(errors, "one-off-phone");
    let label = t_string!(i18n, callbacks.phone_label);
    view! {
        <h3 class="app-heading-m">{t!(i18n, callbacks.number_heading)}</h3>
        {if has_phone_on_file {
            Either::Left(view! {
                <Fieldset id="phone-choice" legend=t_string!(i18n, callbacks.number_legend) error=field_message(errors, "phone-choice-on-file")>
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
                        label=t_string!(i18n, callbacks.number_different)
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
                    hint=t_string!(i18n, callbacks.no_phone_hint)
                    value=one_off_phone
                    error=phone_error
                />
            })
        }}
    }
}
