//! Storing and reading callback requests: `callback_requests` and their
//! `callback_windows`. Writers call these inside a write transaction. The number to call is
//! sealed (`platform::sealed`), and so are the windows a victim chose: they fall inside
//! their safe times.

use shared::api::callbacks::{CallbackStatus, CallbackView, CallbackWindow};
use shared::api::preferences::ChangedBy;

use crate::platform::stored::{enum_from_text, enum_text, rfc3339};

use super::booking::booked_window;
use super::{ValidRequest, ALREADY_CANCELLED, ALREADY_DONE};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::{CALLBACK_PHONE, WINDOW_DATE, WINDOW_END, WINDOW_START};

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
pub async fn count_open(conn: &mut Conn<'_>, case_id: &str) -> anyhow::Result<u32> {
    let (open,): (i64,) = query(COUNT_OPEN_SQL).bind(case_id).fetch_one(conn).await?;
    Ok(u32::try_from(open).unwrap_or(u32::MAX))
}

/// Stores a request and its windows; returns it as the victim sees it, without reading
/// it back. Its id is a UUID v7, so ids sort by age.
pub async fn insert(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    request: &ValidRequest,
    requested_by: ChangedBy,
    requested_by_id: &str,
    now: i64,
) -> anyhow::Result<CallbackView> {
    let id = uuid::Uuid::now_v7().to_string();
    query(INSERT_REQUEST_SQL)
        .bind(&id)
        .bind(case_id)
        .bind(enum_text(&request.reason)?)
        .bind(request.details.as_deref())
        .bind(enum_text(&request.urgency)?)
        .bind(keys.seal(CALLBACK_PHONE, &request.phone)?)
        .bind(request.phone_is_one_off)
        .bind(now)
        .bind(enum_text(&requested_by)?)
        .bind(requested_by_id)
        .execute(conn)
        .await?;
    for (position, window) in request.windows.iter().enumerate() {
        query(INSERT_WINDOW_SQL)
            .bind(&id)
            .bind(i64::try_from(position)?)
            .bind(keys.seal(WINDOW_DATE, &window.date)?)
            .bind(keys.seal(WINDOW_START, &window.start)?)
            .bind(keys.seal(WINDOW_END, &window.end)?)
            .execute(conn)
            .await?;
    }
    Ok(CallbackView {
        id,
        reason: request.reason,
        details: request.details.clone(),
        urgency: request.urgency,
        windows: request.windows.clone(),
        phone_ending: phone_ending(&request.phone),
        status: CallbackStatus::Requested,
        scheduled_for: None,
        booked: None,
        requested_at: rfc3339(now)?,
    })
}

/// The last 3 digits of a number: all the victim is shown of the number we will call.
pub fn phone_ending(phone: &str) -> String {
    let digits: Vec<char> = phone.chars().filter(char::is_ascii_digit).collect();
    digits[digits.len().saturating_sub(3)..].iter().collect()
}

/// id, reason, details, urgency, phone, status, scheduled_for, scheduled_until,
/// requested_at.
pub(super) type RequestRow = (
    String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    i64,
);

/// The columns of a `RequestRow`, then the rest of the query.
macro_rules! select_request {
    ($rest:literal) => {
        concat!(
            "SELECT id, reason, details, urgency, phone, status, scheduled_for,
                    scheduled_until, requested_at
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

/// A window as stored: sealed date, start and end.
pub(super) type SealedWindow = (String, String, String);

/// The victim's view of each row, windows and booked slot in UK time.
pub(super) async fn to_views(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    rows: Vec<RequestRow>,
) -> anyhow::Result<Vec<CallbackView>> {
    let mut views = Vec::with_capacity(rows.len());
    for row in rows {
        let windows: Vec<SealedWindow> = query(WINDOWS_SQL).bind(&row.0).fetch_all(conn).await?;
        views.push(to_view(keys, row, &windows)?);
    }
    Ok(views)
}

/// The victim's view of one row with its windows (in order).
pub(super) fn to_view(
    keys: &DataKeys,
    row: RequestRow,
    windows: &[SealedWindow],
) -> anyhow::Result<CallbackView> {
    let (id, reason, details, urgency, phone, status, scheduled_for, scheduled_until, requested_at) =
        row;
    Ok(CallbackView {
        id,
        reason: enum_from_text(&reason)?,
        details,
        urgency: enum_from_text(&urgency)?,
        windows: windows
            .iter()
            .map(|(date, start, end)| {
                Ok(CallbackWindow {
                    date: keys.open(WINDOW_DATE, date)?,
                    start: keys.open(WINDOW_START, start)?,
                    end: keys.open(WINDOW_END, end)?,
                })
            })
            .collect::<anyhow::Result<_>>()?,
        phone_ending: phone_ending(&keys.open(CALLBACK_PHONE, &phone)?),
        status: enum_from_text(&status)?,
        scheduled_for: scheduled_for.map(rfc3339).transpose()?,
        booked: scheduled_for
            .zip(scheduled_until)
            .and_then(|(starts, ends)| booked_window(starts, ends)),
        requested_at: rfc3339(requested_at)?,
    })
}

/// A case's requests, newest first.
pub async fn list(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
) -> anyhow::Result<Vec<CallbackView>> {
    let rows: Vec<RequestRow> = query(LIST_SQL).bind(case_id).fetch_all(conn).await?;
    to_views(conn, keys, rows).await
}

/// One request, if it belongs to `case_id`.
pub async fn find(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    id: &str,
) -> anyhow::Result<Option<CallbackView>> {
    let rows: Vec<RequestRow> = query(FIND_SQL)
        .bind(id)
        .bind(case_id)
        .fetch_all(conn)
        .await?;
    Ok(to_views(conn, keys, rows).await?.pop())
}

/// Marks an open request cancelled. Returns false if it was not open (another cancel
/// got there first).
pub async fn cancel(
    conn: &mut Conn<'_>,
    case_id: &str,
    id: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let done = query(
        "UPDATE callback_requests SET status = 'cancelled', cancelled_at = $1
         WHERE id = $2 AND case_id = $3 AND status IN ('requested', 'scheduled')",
    )
    .bind(now)
    .bind(id)
    .bind(case_id)
    .execute(conn)
    .await?;
    Ok(done == 1)
}

/// Why an existing request cannot be cancelled, if it cannot.
pub fn cannot_cancel(status: CallbackStatus) -> Option<&'static str> {
    match status {
        CallbackStatus::Cancelled => Some(ALREADY_CANCELLED),
        CallbackStatus::Done => Some(ALREADY_DONE),
        CallbackStatus::Requested | CallbackStatus::Scheduled => None,
    }
}
