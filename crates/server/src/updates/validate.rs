//! Checks a new update: the event date against the case and the UK date, the texts
//! against their limits. Texts are kept exactly as typed (the apps escape them).

use shared::api::updates::{NewUpdate, VcopEvent, MAX_TEXT_CHARS, MAX_TITLE_CHARS};
use shared::{CalendarDate, Lang};

use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;

/// An update that passed every check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidUpdate {
    pub event: VcopEvent,
    pub event_date: CalendarDate,
    pub title: String,
    pub what_happened: String,
    pub what_happens_next: String,
    pub language: Lang,
}

fn text(errors: &mut FieldErrors, field: &str, value: String, max: usize) -> String {
    if value.trim().is_empty() {
        errors.add(field, Message::server(&format!("updates.{field}_missing")));
    } else if value.chars().count() > max {
        errors.add(
            field,
            Message::server(&format!("updates.{field}_too_long")).with("max", max.to_string()),
        );
    }
    value.trim().to_owned()
}

/// Checks `update` for a case reported on `reported_on`, on UK day `today`.
pub fn validate(
    update: NewUpdate,
    reported_on: CalendarDate,
    today: CalendarDate,
) -> Result<ValidUpdate, FieldErrors> {
    let mut errors = FieldErrors::default();
    let event_date = match CalendarDate::parse(update.event_date.trim()) {
        Err(_) => {
            errors.add("event_date", Message::server("updates.event_date_format"));
            None
        }
        Ok(date) if date > today => {
            errors.add("event_date", Message::server("updates.event_date_future"));
            None
        }
        Ok(date) if date < reported_on => {
            errors.add(
                "event_date",
                Message::server("updates.event_date_before_report")
                    .with("reported_on", reported_on.to_string()),
            );
            None
        }
        Ok(date) => Some(date),
    };
    let title = text(&mut errors, "title", update.title, MAX_TITLE_CHARS);
    let what_happened = text(
        &mut errors,
        "what_happened",
        update.what_happened,
        MAX_TEXT_CHARS,
    );
    let what_happens_next = text(
        &mut errors,
        "what_happens_next",
        update.what_happens_next,
        MAX_TEXT_CHARS,
    );
    match event_date {
        Some(event_date) if errors.is_empty() => Ok(ValidUpdate {
            event: update.event,
            event_date,
            title,
            what_happened,
            what_happens_next,
            language: update.language,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn update(event_date: &str, title: &str) -> NewUpdate {
        NewUpdate {
            event: VcopEvent::Charged,
            event_date: event_date.to_owned(),
            title: title.to_owned(),
            what_happened: "He was charged.".to_owned(),
            what_happens_next: "A first hearing.".to_owned(),
            language: Lang::Cy,
        }
    }

    fn fields(result: Result<ValidUpdate, FieldErrors>) -> String {
        format!("{:?}", result.unwrap_err())
    }

    #[test]
    fn event_dates_lie_between_the_report_and_today() {
        let (reported, today) = (date("2026-03-02"), date("2026-03-10"));
        for ok in ["2026-03-02", "2026-03-10", " 2026-03-05 "] {
            assert!(
                validate(update(ok, "Charged"), reported, today).is_ok(),
                "{ok}"
            );
        }
        for (bad, key) in [
            ("2026-03-11", "event_date_future"),
            ("2026-03-01", "event_date_before_report"),
            ("2026-02-30", "event_date_format"),
            ("", "event_date_format"),
        ] {
            assert!(
                fields(validate(update(bad, "Charged"), reported, today)).contains(key),
                "{bad}"
            );
        }
    }

    #[test]
    fn texts_are_required_and_limited() {
        let (reported, today) = (date("2026-03-02"), date("2026-03-10"));
        assert!(
            fields(validate(update("2026-03-05", "  "), reported, today)).contains("title_missing")
        );
        let long = "é".repeat(MAX_TITLE_CHARS + 1);
        assert!(
            fields(validate(update("2026-03-05", &long), reported, today))
                .contains("title_too_long")
        );
        let exact = "é".repeat(MAX_TITLE_CHARS);
        let valid = validate(update("2026-03-05", &exact), reported, today).unwrap();
        assert_eq!(valid.title, exact);
        assert_eq!(valid.language, Lang::Cy);
    }
}
