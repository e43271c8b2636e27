//! `TimeRange`: "From" and "To" times for one window (a safe time, a callback time),
//! placed inside that window's `Fieldset` so each is read as "Safe time 1, From".
//!
//! Markup contract: two `TextInput`s with `type="time"` and ids `<prefix>-start` and
//! `<prefix>-end` (the API's `….{i}.start` / `….{i}.end` error keys map onto them), side
//! by side when there is room, stacked at 320 px.

use leptos::prelude::*;

use shared::contact::ClockTime;

use crate::components::TextInput;
use crate::error_text::parse_error_words;
use crate::form_errors::FormErrors;
use crate::i18n::*;

#[component]
pub fn TimeRange(
    /// e.g. `safe-times-0`.
    prefix: String,
    start: RwSignal<String>,
    end: RwSignal<String>,
    #[prop(into)] errors: Signal<FormErrors>,
) -> impl IntoView {
    let i18n = use_i18n();
    let start_id = format!("{prefix}-start");
    let end_id = format!("{prefix}-end");
    let start_error = {
        let id = start_id.clone();
        Signal::derive(move || errors.with(|errors| errors.message_for(&id)))
    };
    let end_error = {
        let id = end_id.clone();
        Signal::derive(move || errors.with(|errors| errors.message_for(&id)))
    };
    view! {
        <div class="app-time-range">
            <TextInput
                id=start_id
                name="start"
                label=t_string!(i18n, common.time_from)
                value=start
                error=start_error
                input_type="time"
                width_class="app-input--width-10"
            />
            <TextInput
                id=end_id
                name="end"
                label=t_string!(i18n, common.time_to)
                value=end
                error=end_error
                input_type="time"
                width_class="app-input--width-10"
            />
        </div>
    }
}

/// Checks a typed "From" or "To" as the server does (`ClockTime::parse`); an empty field
/// gets a plainer message than the format one. The message is in the current language.
pub fn check_time(i18n: I18n, value: &str, is_start: bool) -> Result<ClockTime, &'static str> {
    if value.trim().is_empty() {
        return Err(if is_start {
            t_string!(i18n, common.time_start_enter)
        } else {
            t_string!(i18n, common.time_end_enter)
        });
    }
    ClockTime::parse(value).map_err(|problem| parse_error_words(i18n, &problem))
}
