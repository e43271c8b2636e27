//! The callback form's own checks: the same rules the server uses (a reason, an urgency,
//! times at least an hour long, a valid number), so most mistakes are caught without a
//! round trip. Turns the typed answers into the request body.

use leptos::prelude::*;
use shared::api::callbacks::{CallbackReason, CallbackWindow, NewCallbackRequest};
use shared::contact::PhoneNumber;

use crate::components::check_time;
use crate::form_errors::FormErrors;

use super::choices::{target_id, DETAILS_MAX};
use super::form_state::CallbackFields;

impl CallbackFields {
    /// The request to send, or every problem found (each tied to the field it is about).
    pub fn check(&self) -> Result<NewCallbackRequest, FormErrors> {
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
    }
}
