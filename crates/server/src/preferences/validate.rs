//! Parsing contact preferences as the app sends them, field by field, into the form they
//! are stored in, and the limits that apply.

use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, LanguageChoice, SafeTimeWindow,
};
use shared::contact::{ClockTime, EmailAddress, PhoneCountry, PhoneNumber, UkPostcode};

use crate::platform::error::FieldErrors;

pub use shared::api::preferences::{
    MAX_ADDRESS_CHARS, MAX_COMMUNICATION_NEEDS, MAX_DAYS, MAX_OTHER_LANGUAGE_CHARS,
    MAX_OTHER_NEEDS_CHARS, MAX_SAFE_TIMES,
};

/// `errors.json` keys the app also shows before sending.
pub const LETTERS_NOT_SAFE: &str = "letters_not_safe";
pub const NEED_A_SAFE_TIME: &str = "safe_times_needed";

/// `Some(trimmed)` when `value` has text in it.
fn present(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// Parses preferences as the app sent them. Returns them normalised (phone in E.164,
/// email domain in lower case, postcode in capitals, times `HH:MM`, days in week order,
/// free text trimmed) or a message for each wrong field, keyed as documented on
/// `ContactPreferences`. The phone number must be one of `phone_countries`.
pub fn validate(
    input: ContactPreferences,
    phone_countries: &[PhoneCountry],
) -> Result<ContactPreferences, FieldErrors> {
    let mut errors = FieldErrors::default();
    let chosen = |method| input.preferred_method == method || input.second_method == Some(method);
    let calls = chosen(ContactMethod::PhoneCall);
    let needs_phone = calls || chosen(ContactMethod::TextMessage);
    let letters = chosen(ContactMethod::Letter);

    if input.second_method == Some(input.preferred_method) {
        errors.add("second_method", "second_method_same");
    }

    let phone = match present(&input.phone) {
        Some(typed) => PhoneNumber::parse_in(typed, phone_countries)
            .map(|p| Some(p.to_string()))
            .unwrap_or_else(|e| {
                errors.add("phone", e);
                None
            }),
        None if needs_phone => {
            errors.add("phone", "phone_format");
            None
        }
        None => None,
    };
    let email = match present(&input.email) {
        Some(typed) => EmailAddress::parse(typed)
            .map(|e| Some(e.to_string()))
            .unwrap_or_else(|e| {
                errors.add("email", e);
                None
            }),
        None if chosen(ContactMethod::Email) => {
            errors.add("email", "email_enter_example");
            None
        }
        None => None,
    };

    let address = match present(&input.address) {
        Some(typed) if typed.chars().count() > MAX_ADDRESS_CHARS => {
            errors.add("address", "address_too_long");
            None
        }
        Some(typed) => Some(typed.to_owned()),
        None if letters => {
            errors.add("address", "address_enter");
            None
        }
        None => None,
    };
    let postcode = match present(&input.postcode) {
        Some(typed) => UkPostcode::parse(typed)
            .map(|p| Some(p.to_string()))
            .unwrap_or_else(|e| {
                errors.add("postcode", e);
                None
            }),
        None if letters => {
            errors.add("postcode", "postcode_enter");
            None
        }
        None => None,
    };
    if letters && !input.letters_safe {
        errors.add("letters_safe", LETTERS_NOT_SAFE);
    }

    // A list over its limit is one error, and its items are not looked at: a long list
    // must not make a long answer.
    let windows_to_check = if input.safe_times.len() > MAX_SAFE_TIMES {
        errors.add("safe_times", "safe_times_too_many");
        &[][..]
    } else {
        if calls && input.safe_times.is_empty() {
            errors.add("safe_times", NEED_A_SAFE_TIME);
        }
        &input.safe_times[..]
    };
    let mut safe_times = Vec::with_capacity(windows_to_check.len());
    for (i, window) in windows_to_check.iter().enumerate() {
        let mut days = window.days.clone();
        days.sort();
        days.dedup();
        if window.days.len() > MAX_DAYS {
            errors.add(&format!("safe_times.{i}.days"), "safe_time_days_too_many");
        } else if days.is_empty() {
            errors.add(&format!("safe_times.{i}.days"), "safe_time_days");
        }
        let start = ClockTime::parse(&window.start)
            .map_err(|e| errors.add(&format!("safe_times.{i}.start"), e))
            .ok();
        let end = ClockTime::parse(&window.end)
            .map_err(|e| errors.add(&format!("safe_times.{i}.end"), e))
            .ok();
        if let (Some(start), Some(end)) = (start, end) {
            if end <= start {
                errors.add(&format!("safe_times.{i}.end"), "safe_time_end_after_start");
            }
            safe_times.push(SafeTimeWindow {
                days,
                start: start.to_string(),
                end: end.to_string(),
            });
        }
    }

    let other_language = match (input.language, present(&input.other_language)) {
        (LanguageChoice::Other, None) => {
            errors.add("other_language", "other_language_enter");
            None
        }
        (LanguageChoice::Other, Some(typed))
            if typed.chars().count() > MAX_OTHER_LANGUAGE_CHARS =>
        {
            errors.add("other_language", "other_language_too_long");
            None
        }
        (LanguageChoice::Other, Some(typed)) => Some(typed.to_owned()),
        _ => None,
    };

    let mut communication_needs: Vec<CommunicationNeed> = Vec::new();
    if input.communication_needs.len() > MAX_COMMUNICATION_NEEDS {
        errors.add("communication_needs", "communication_needs_too_many");
    }
    for need in &input.communication_needs {
        if !communication_needs.contains(need) {
            communication_needs.push(*need);
        }
    }
    let other_needs = match (
        communication_needs.contains(&CommunicationNeed::Other),
        present(&input.other_needs),
    ) {
        (true, None) => {
            errors.add("other_needs", "other_needs_enter");
            None
        }
        (true, Some(typed)) if typed.chars().count() > MAX_OTHER_NEEDS_CHARS => {
            errors.add("other_needs", "other_needs_too_long");
            None
        }
        (true, Some(typed)) => Some(typed.to_owned()),
        (false, _) => None,
    };

    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ContactPreferences {
        phone,
        email,
        address,
        postcode,
        safe_times,
        other_language,
        communication_needs,
        other_needs,
        ..input
    })
}
