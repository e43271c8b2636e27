//! The callback form's own checks: the same rules the server uses (a reason, an urgency,
//! times at least an hour long, a valid number), so most mistakes are caught without a
//! round trip. Turns the typed answers into the request body.

use leptos::prelude::*;
use shared::api::callbacks::{
    CallbackReason, CallbackWindow, NewCallbackRequest, MAX_DETAILS_CHARS, MIN_WINDOW_MINUTES,
};
use shared::contact::PhoneNumber;

use crate::components::check_time;
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::i18n::*;

use super::choices::target_id;
use super::form_state::CallbackFields;

impl CallbackFields {
    /// The request to send, or every problem found (each tied to the field it is about),
    /// in the page's language.
    pub fn check(&self, i18n: I18n) -> Result<NewCallbackRequest, FormErrors> {
        let locale = i18n.get_locale_untracked();
        let CallbackFields {
            reason,
            details,
            urgency,
            windows,
            other_number,
            one_off_phone,
        } = *self;
        let mut found = FormErrors::default();
        let reason_value = reason.get_untracked();
        if reason_value.is_none() {
            found.push(
                target_id("reason"),
                td_string!(locale, callbacks.error_reason),
            );
        }
        let details_value = details.get_untracked().trim().to_owned();
        if details_value.chars().count() > MAX_DETAILS_CHARS {
            found.push("details", td_string!(locale, errors.details_too_long));
        } else if details_value.is_empty() && reason_value == Some(CallbackReason::SomethingElse) {
            found.push("details", td_string!(locale, callbacks.error_details));
        }
        let urgency_value = urgency.get_untracked();
        if urgency_value.is_none() {
            found.push(
                target_id("urgency"),
                td_string!(locale, callbacks.error_urgency),
            );
        }
        let mut chosen = Vec::new();
        for (index, window) in windows.get_untracked().iter().enumerate() {
            let date = window.date.get_untracked();
            let start = check_time(i18n, &window.start.get_untracked(), true);
            let end = check_time(i18n, &window.end.get_untracked(), false);
            if let Err(problem) = start {
                found.push(format!("windows-{index}-start"), problem);
            }
            if let Err(problem) = end {
                found.push(format!("windows-{index}-end"), problem);
            }
            if let (Ok(start), Ok(end)) = (start, end) {
                if end.minutes() < start.minutes() + MIN_WINDOW_MINUTES {
                    found.push(
                        format!("windows-{index}-end"),
                        td_string!(locale, errors.window_too_short),
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
                found.push(
                    "phone-choice-on-file",
                    td_string!(locale, callbacks.error_number),
                );
                None
            }
            Some(false) => None,
            Some(true) => match PhoneNumber::parse(&one_off_phone.get_untracked()) {
                Ok(phone) => Some(phone.to_string()),
                Err(problem) => {
                    found.push("one-off-phone", parse_error(i18n, &problem));
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
    }
}
