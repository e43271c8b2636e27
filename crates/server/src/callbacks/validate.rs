//! Checks a callback request against the victim's safe times, the bookable dates and
//! the clock, and normalises what passes.

use shared::api::callbacks::{CallbackReason, CallbackWindow, NewCallbackRequest, Urgency};
use shared::api::preferences::SafeTimeWindow;
use shared::contact::{ClockTime, PhoneCountry, PhoneNumber};
use shared::CalendarDate;

use shared::api::callbacks::{MAX_DETAILS_CHARS, MAX_WINDOWS, MIN_WINDOW_MINUTES};

use super::bookable_dates;
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;
use crate::platform::uk_time::UkLocal;
use crate::preferences::summary::windows_phrase;

/// True when `start`–`end` on `date` lies inside one of `safe_times`.
pub(crate) fn inside_safe_times(
    safe_times: &[SafeTimeWindow],
    date: CalendarDate,
    start: ClockTime,
    end: ClockTime,
) -> bool {
    let day = date.day_of_week();
    safe_times.iter().any(|window| {
        let bounds = (
            ClockTime::parse(&window.start),
            ClockTime::parse(&window.end),
        );
        match bounds {
            (Ok(from), Ok(to)) => window.days.contains(&day) && from <= start && end <= to,
            _ => false,
        }
    })
}

/// What a request is checked against.
#[derive(Debug, Clone)]
pub struct Context {
    /// UK local now.
    pub now: UkLocal,
    /// The victim's safe times, or office hours (`safe_times_or_office_hours`).
    pub safe_times: Vec<SafeTimeWindow>,
    /// E.164 number from the current preferences.
    pub phone_on_file: Option<String>,
    /// Whose numbers a one-off number may be (`--phone-countries`).
    pub phone_countries: Vec<PhoneCountry>,
}

/// A request that passed every check, normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequest {
    pub reason: CallbackReason,
    /// Exactly as typed; `None` when empty or only spaces.
    pub details: Option<String>,
    pub urgency: Urgency,
    /// Dates `YYYY-MM-DD`, times `HH:MM`.
    pub windows: Vec<CallbackWindow>,
    /// E.164.
    pub phone: String,
    pub phone_is_one_off: bool,
}

/// Checks a request; field keys as documented on `NewCallbackRequest`.
pub fn validate(
    request: NewCallbackRequest,
    context: &Context,
) -> Result<ValidRequest, FieldErrors> {
    let mut errors = FieldErrors::default();

    let details = request.details.filter(|d| !d.trim().is_empty());
    match &details {
        Some(text) if text.chars().count() > MAX_DETAILS_CHARS => {
            errors.add("details", "details_too_long");
        }
        None if request.reason == CallbackReason::SomethingElse => {
            errors.add("details", "details_enter");
        }
        _ => {}
    }

    // A list over its limit is one error, and its items are not looked at: a long list
    // must not make a long answer.
    let windows_to_check = if request.windows.len() > MAX_WINDOWS {
        errors.add("windows", "windows_too_many");
        &[][..]
    } else {
        if request.windows.is_empty() {
            errors.add("windows", "windows_needed");
        }
        &request.windows[..]
    };
    let bookable = bookable_dates(context.now.date);
    let mut windows = Vec::with_capacity(windows_to_check.len());
    for (i, window) in windows_to_check.iter().enumerate() {
        let key = |part: &str| format!("windows.{i}.{part}");
        let mut ok = true;
        let date = match CalendarDate::parse(&window.date) {
            Ok(date) if bookable.contains(&date) => Some(date),
            Ok(_) => {
                errors.add(&key("date"), "window_date_not_bookable");
                None
            }
            Err(e) => {
                errors.add(&key("date"), e);
                None
            }
        };
        let start = ClockTime::parse(&window.start)
            .map_err(|e| errors.add(&key("start"), e))
            .ok();
        let end = ClockTime::parse(&window.end)
            .map_err(|e| errors.add(&key("end"), e))
            .ok();
        if let (Some(start), Some(end)) = (start, end) {
            if end.minutes() < start.minutes() + MIN_WINDOW_MINUTES {
                errors.add(&key("end"), "window_too_short");
                ok = false;
            }
        }
        if let (Some(date), Some(start)) = (date, start) {
            if date == context.now.date && start.minutes() <= context.now.minutes {
                errors.add(&key("start"), "window_start_past");
                ok = false;
            }
        }
        let (Some(date), Some(start), Some(end)) = (date, start, end) else {
            continue;
        };
        if ok && !inside_safe_times(&context.safe_times, date, start, end) {
            errors.add(
                &key("start"),
                Message::error("window_outside_safe_times").with_per_lang("safe_times", |lang| {
                    windows_phrase(lang, &context.safe_times)
                }),
            );
        }
        windows.push(CallbackWindow {
            date: date.to_string(),
            start: start.to_string(),
            end: end.to_string(),
        });
    }

    let one_off = request
        .one_off_phone
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty());
    let phone = match (one_off, &context.phone_on_file) {
        (Some(typed), _) => PhoneNumber::parse_in(typed, &context.phone_countries)
            .map(|p| Some((p.to_string(), true)))
            .unwrap_or_else(|e| {
                errors.add("one_off_phone", e);
                None
            }),
        (None, Some(on_file)) => Some((on_file.clone(), false)),
        (None, None) => {
            errors.add("one_off_phone", "one_off_phone_enter");
            None
        }
    };

    match phone {
        Some((phone, phone_is_one_off)) if errors.is_empty() => Ok(ValidRequest {
            reason: request.reason,
            details,
            urgency: request.urgency,
            windows,
            phone,
            phone_is_one_off,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preferences::safe_times::office_hours;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    /// Tuesday 10 March 2026, 08:00.
    fn context() -> Context {
        Context {
            now: UkLocal {
                date: date("2026-03-10"),
                minutes: 8 * 60,
            },
            safe_times: office_hours(),
            phone_on_file: Some("+447700900001".into()),
            phone_countries: PhoneCountry::DEFAULT.to_vec(),
        }
    }

    fn request(windows: &[(&str, &str, &str)]) -> NewCallbackRequest {
        NewCallbackRequest {
            reason: CallbackReason::CaseQuestion,
            details: None,
            urgency: Urgency::Routine,
            windows: windows
                .iter()
                .map(|(d, s, e)| CallbackWindow {
                    date: (*d).into(),
                    start: (*s).into(),
                    end: (*e).into(),
                })
                .collect(),
            one_off_phone: None,
        }
    }

    fn error_keys(result: Result<ValidRequest, FieldErrors>) -> String {
        format!("{:?}", result.unwrap_err())
    }

    #[test]
    fn a_good_request_is_normalised() {
        let valid = validate(request(&[("2026-03-10", "9:00", "10:30")]), &context()).unwrap();
        assert_eq!(valid.windows[0].start, "09:00");
        assert_eq!(valid.phone, "+447700900001");
        assert!(!valid.phone_is_one_off);
    }

    #[test]
    fn windows_are_checked() {
        let c = context();
        assert!(error_keys(validate(request(&[]), &c)).contains("\"windows\""));
        assert!(
            error_keys(validate(request(&[("2026-03-11", "08:00", "09:00")]), &c))
                .contains("window_outside_safe_times")
        );
        assert!(
            error_keys(validate(request(&[("2026-03-10", "10:00", "10:59")]), &c))
                .contains("windows.0.end")
        );
        assert!(
            error_keys(validate(request(&[("2026-03-24", "10:00", "11:00")]), &c))
                .contains("windows.0.date")
        );
        assert!(
            error_keys(validate(request(&[("2026-03-14", "10:00", "11:00")]), &c))
                .contains("windows.0.date")
        );
        let mut late = c.clone();
        late.now.minutes = 10 * 60;
        assert!(error_keys(validate(
            request(&[("2026-03-10", "10:00", "11:00")]),
            &late
        ))
        .contains("window_start_past"));
        assert!(validate(request(&[("2026-03-10", "10:01", "11:01")]), &late).is_ok());
    }

    #[test]
    fn details_are_counted_in_characters() {
        let mut r = request(&[("2026-03-11", "10:00", "11:00")]);
        r.details = Some("é".repeat(1_000));
        assert!(validate(r.clone(), &context()).is_ok());
        r.details = Some("é".repeat(1_001));
        assert!(error_keys(validate(r.clone(), &context())).contains("details"));
        r.details = None;
        r.reason = CallbackReason::SomethingElse;
        assert!(error_keys(validate(r, &context())).contains("details"));
    }

    #[test]
    fn a_phone_number_is_needed() {
        let mut c = context();
        c.phone_on_file = None;
        let r = request(&[("2026-03-11", "10:00", "11:00")]);
        assert!(error_keys(validate(r.clone(), &c)).contains("one_off_phone"));
        let mut with_phone = r;
        with_phone.one_off_phone = Some("07700 900 982".into());
        let valid = validate(with_phone, &c).unwrap();
        assert_eq!(valid.phone, "+447700900982");
        assert!(valid.phone_is_one_off);
    }
}
