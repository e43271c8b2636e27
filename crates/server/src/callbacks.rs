//! Callback requests: a victim asks their officer to call them back in windows they
//! choose (UK local time). `validate` checks a request against the victim's safe times
//! and the clock; the rest stores and reads requests in `callback_requests` and
//! `callback_windows`.

use anyhow::Context as _;
use serde::de::DeserializeOwned;
use serde::Serialize;
use shared::api::callbacks::{
    CallbackReason, CallbackStatus, CallbackView, CallbackWindow, NewCallbackRequest, Urgency,
};
use shared::api::preferences::{Day, SafeTimeWindow};
use shared::contact::{ClockTime, PhoneNumber};
use shared::working_days::is_working_day;
use shared::{CalendarDate, DayOfWeek};
use sqlx::SqliteConnection;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::error::FieldErrors;
use crate::i18n::Message;
use crate::preferences::summary::windows_phrase;
use crate::uk_time::UkLocal;

/// Open (requested or scheduled) requests a case may have at once.
pub const MAX_OPEN: u32 = 3;
pub const MAX_WINDOWS: usize = 5;
pub const MAX_DETAILS_CHARS: usize = 1_000;
/// Windows may be on this many working days from today (today counts if it is one).
pub const BOOKABLE_WORKING_DAYS: usize = 10;
/// Shortest window, in minutes.
pub const MIN_WINDOW_MINUTES: u16 = 60;

/// `errors.json` keys of the 409s.
pub const TOO_MANY_OPEN: &str = "callbacks_too_many_open";
pub const ALREADY_CANCELLED: &str = "callback_already_cancelled";
pub const ALREADY_DONE: &str = "callback_already_done";

/// The next `BOOKABLE_WORKING_DAYS` working days, starting with `today` if it is one.
pub fn bookable_dates(today: CalendarDate) -> Vec<CalendarDate> {
    let mut dates = Vec::with_capacity(BOOKABLE_WORKING_DAYS);
    let mut day = today;
    while dates.len() < BOOKABLE_WORKING_DAYS {
        if is_working_day(day) {
            dates.push(day);
        }
        day = day.add_days(1);
    }
    dates
}

/// The safe times used when a victim has given none: working days, 9am to 5pm.
pub fn office_hours() -> Vec<SafeTimeWindow> {
    vec![SafeTimeWindow {
        days: vec![
            Day::Monday,
            Day::Tuesday,
            Day::Wednesday,
            Day::Thursday,
            Day::Friday,
        ],
        start: "09:00".into(),
        end: "17:00".into(),
    }]
}

/// The victim's safe times, or office hours if they have none.
pub fn safe_times_or_office_hours(safe_times: &[SafeTimeWindow]) -> Vec<SafeTimeWindow> {
    if safe_times.is_empty() {
        office_hours()
    } else {
        safe_times.to_vec()
    }
}

fn day_of(date: CalendarDate) -> Day {
    match date.day_of_week() {
        DayOfWeek::Monday => Day::Monday,
        DayOfWeek::Tuesday => Day::Tuesday,
        DayOfWeek::Wednesday => Day::Wednesday,
        DayOfWeek::Thursday => Day::Thursday,
        DayOfWeek::Friday => Day::Friday,
        DayOfWeek::Saturday => Day::Saturday,
        DayOfWeek::Sunday => Day::Sunday,
    }
}

/// True when `start`–`end` on `date` lies inside one of `safe_times`.
fn inside_safe_times(
    safe_times: &[SafeTimeWindow],
    date: CalendarDate,
    start: ClockTime,
    end: ClockTime,
) -> bool {
    let day = day_of(date);
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

    if request.windows.is_empty() {
        errors.add("windows", "windows_needed");
    } else if request.windows.len() > MAX_WINDOWS {
        errors.add("windows", "windows_too_many");
    }
    let bookable = bookable_dates(context.now.date);
    let mut windows = Vec::with_capacity(request.windows.len());
    for (i, window) in request.windows.iter().enumerate() {
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
        (Some(typed), _) => PhoneNumber::parse(typed)
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

/// The snake_case wire name of one of the shared enums, as stored in the database.
fn enum_str<T: Serialize>(value: &T) -> anyhow::Result<String> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(name) => Ok(name),
        other => anyhow::bail!("not a unit enum: {other}"),
    }
}

fn enum_from<T: DeserializeOwned>(stored: &str) -> anyhow::Result<T> {
    serde_json::from_value(serde_json::Value::String(stored.to_owned()))
        .with_context(|| format!("unknown stored value {stored:?}"))
}

fn rfc3339(unix: i64) -> anyhow::Result<String> {
    Ok(OffsetDateTime::from_unix_timestamp(unix)?.format(&Rfc3339)?)
}

/// Open requests for a case: a range of `callback_requests_case_id_status`.
pub(crate) const COUNT_OPEN_SQL: &str = "SELECT COUNT(*) FROM callback_requests
     WHERE case_id = $1 AND status IN ('requested', 'scheduled')";

pub(crate) const INSERT_REQUEST_SQL: &str =
    "INSERT INTO callback_requests (id, case_id, reason, details, urgency, phone,
         phone_is_one_off, status, requested_at, requested_by, requested_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $9, $10)";

pub(crate) const INSERT_WINDOW_SQL: &str =
    "INSERT INTO callback_windows (callback_id, position, window_date, start_time, end_time)
     VALUES ($1, $2, $3, $4, $5)";

/// Open requests for a case. Call inside the write transaction that inserts, so the count
/// cannot go stale before the insert.
pub async fn count_open(conn: &mut SqliteConnection, case_id: &str) -> anyhow::Result<u32> {
    let (open,): (i64,) = sqlx::query_as(COUNT_OPEN_SQL)
        .bind(case_id)
        .fetch_one(conn)
        .await?;
    Ok(u32::try_from(open).unwrap_or(u32::MAX))
}

/// Stores a request and its windows. Returns its id (a UUID v7, so ids sort by age).
pub async fn insert(
    conn: &mut SqliteConnection,
    case_id: &str,
    request: &ValidRequest,
    requested_by: &str,
    requested_by_id: &str,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(INSERT_REQUEST_SQL)
        .bind(&id)
        .bind(case_id)
        .bind(enum_str(&request.reason)?)
        .bind(request.details.as_deref())
        .bind(enum_str(&request.urgency)?)
        .bind(&request.phone)
        .bind(request.phone_is_one_off)
        .bind(now)
        .bind(requested_by)
        .bind(requested_by_id)
        .execute(&mut *conn)
        .await?;
    for (position, window) in request.windows.iter().enumerate() {
        sqlx::query(INSERT_WINDOW_SQL)
            .bind(&id)
            .bind(i64::try_from(position)?)
            .bind(&window.date)
            .bind(&window.start)
            .bind(&window.end)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// id, reason, details, urgency, phone, status, scheduled_for, requested_at.
type RequestRow = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<i64>,
    i64,
);

/// The columns of a `RequestRow`, then the rest of the query.
macro_rules! select_request {
    ($rest:literal) => {
        concat!(
            "SELECT id, reason, details, urgency, phone, status, scheduled_for, requested_at
             FROM callback_requests ",
            $rest
        )
    };
}

/// A case's requests, newest first.
pub(crate) const LIST_SQL: &str =
    select_request!("WHERE case_id = $1 ORDER BY requested_at DESC, id DESC");
pub(crate) const FIND_SQL: &str = select_request!("WHERE id = $1 AND case_id = $2");
/// A request's windows: a range of the primary key.
pub(crate) const WINDOWS_SQL: &str =
    "SELECT window_date, start_time, end_time FROM callback_windows
     WHERE callback_id = $1 ORDER BY position";

async fn to_views(
    conn: &mut SqliteConnection,
    rows: Vec<RequestRow>,
) -> anyhow::Result<Vec<CallbackView>> {
    let mut views = Vec::with_capacity(rows.len());
    for (id, reason, details, urgency, phone, status, scheduled_for, requested_at) in rows {
        let windows: Vec<(String, String, String)> = sqlx::query_as(WINDOWS_SQL)
            .bind(&id)
            .fetch_all(&mut *conn)
            .await?;
        let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
        let phone_ending: String = digits[digits.len().saturating_sub(3)..].iter().collect();
        views.push(CallbackView {
            id,
            reason: enum_from(&reason)?,
            details,
            urgency: enum_from(&urgency)?,
            windows: windows
                .into_iter()
                .map(|(date, start, end)| CallbackWindow { date, start, end })
                .collect(),
            phone_ending,
            status: enum_from(&status)?,
            scheduled_for: scheduled_for.map(rfc3339).transpose()?,
            requested_at: rfc3339(requested_at)?,
        });
    }
    Ok(views)
}

/// A case's requests, newest first.
pub async fn list(conn: &mut SqliteConnection, case_id: &str) -> anyhow::Result<Vec<CallbackView>> {
    let rows: Vec<RequestRow> = sqlx::query_as(LIST_SQL)
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
    to_views(conn, rows).await
}

/// One request, if it belongs to `case_id`.
pub async fn find(
    conn: &mut SqliteConnection,
    case_id: &str,
    id: &str,
) -> anyhow::Result<Option<CallbackView>> {
    let rows: Vec<RequestRow> = sqlx::query_as(FIND_SQL)
        .bind(id)
        .bind(case_id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(to_views(conn, rows).await?.pop())
}

/// Marks an open request cancelled. Returns false if it was not open (another cancel
/// got there first).
pub async fn cancel(
    conn: &mut SqliteConnection,
    case_id: &str,
    id: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = sqlx::query(
        "UPDATE callback_requests SET status = 'cancelled', cancelled_at = $1
         WHERE id = $2 AND case_id = $3 AND status IN ('requested', 'scheduled')",
    )
    .bind(now)
    .bind(id)
    .bind(case_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Why an existing request cannot be cancelled, if it cannot.
pub fn cannot_cancel(status: CallbackStatus) -> Option<&'static str> {
    match status {
        CallbackStatus::Cancelled => Some(ALREADY_CANCELLED),
        CallbackStatus::Done => Some(ALREADY_DONE),
        CallbackStatus::Requested | CallbackStatus::Scheduled => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn bookable_dates_skip_weekends_and_bank_holidays() {
        let dates: Vec<String> = bookable_dates(date("2026-03-10"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(dates.first().map(String::as_str), Some("2026-03-10"));
        assert_eq!(dates.last().map(String::as_str), Some("2026-03-23"));
        // From Saturday 19 December 2026: Christmas and Boxing Day (moved to the 28th).
        let dates = bookable_dates(date("2026-12-19"));
        assert_eq!(dates[0], date("2026-12-21"));
        assert!(!dates.contains(&date("2026-12-25")) && !dates.contains(&date("2026-12-28")));
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
