//! The officer's statements on `callback_requests`: the queue across a caseload, the
//! number a request will call, booking a call and closing a request. Writers call the
//! updates inside a write transaction.

use shared::api::callbacks::CallbackView;
use shared::api::staff_callbacks::{CallbackOutcome, QueueScope};

use std::collections::HashMap;

use super::store::{to_view, RequestRow, SealedWindow};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::CALLBACK_PHONE;
use crate::platform::stored::enum_text;

/// The cases `$1` (staff id) of kind `$2` works in scope `$3`, as `visible`: the
/// start of `QUEUE_SQL` and `QUEUE_WINDOWS_SQL`.
macro_rules! visible_open_requests {
    () => {
        "WITH me AS (
         SELECT officer_id, team_id, unit_id, role FROM staff
          WHERE id = $1 AND role = $2 AND disabled_at IS NULL),
     visible AS (
         SELECT c.id, c.crime_reference, c.victim_id FROM me
           JOIN cases c ON c.officer_id = me.officer_id
          WHERE me.role = 'officer'
         UNION
         SELECT c.id, c.crime_reference, c.victim_id FROM me
           JOIN cases c ON c.team_id = me.team_id
          WHERE me.role = 'officer' AND $3 = 'unit'
         UNION
         SELECT c.id, c.crime_reference, c.victim_id FROM me
           JOIN teams t ON t.unit_id = me.unit_id
           JOIN cases c ON c.team_id = t.id
          WHERE me.role = 'supervisor') "
    };
}

/// `$1` staff id, `$2` kind, `$3` scope (`mine`/`unit`). The cases are found from the
/// account outwards as in `access::store::CASELOAD_SQL` (an officer's card, and with
/// `unit` their team; a supervisor's unit), then their open requests by
/// `callback_requests_case_id_status`. The windows are sealed, so the order ("unsafe
/// now" first, then soonest window) is made after opening them (`queue::order_key`).
pub(crate) const QUEUE_SQL: &str = concat!(
    visible_open_requests!(),
    "SELECT r.id, r.reason, r.details, r.urgency, r.phone, r.status, r.scheduled_for,
            r.scheduled_until, r.requested_at, visible.crime_reference, visible.id,
            visible.victim_id
       FROM visible JOIN callback_requests r ON r.case_id = visible.id
      WHERE r.status IN ('requested', 'scheduled')"
);

/// The windows of every request `QUEUE_SQL` finds, in one read (same parameters), each
/// request's in order: primary-key ranges of `callback_windows`.
pub(crate) const QUEUE_WINDOWS_SQL: &str = concat!(
    visible_open_requests!(),
    "SELECT w.callback_id, w.window_date, w.start_time, w.end_time
       FROM visible JOIN callback_requests r ON r.case_id = visible.id
       JOIN callback_windows w ON w.callback_id = r.id
      WHERE r.status IN ('requested', 'scheduled')
      ORDER BY w.callback_id, w.position"
);

/// The number a request of a case will call (sealed): a primary-key lookup.
pub(crate) const PHONE_SQL: &str =
    "SELECT phone FROM callback_requests WHERE id = $1 AND case_id = $2";

pub(crate) const SCHEDULE_SQL: &str = "UPDATE callback_requests
     SET status = 'scheduled', scheduled_for = $1, scheduled_until = $2, scheduled_by = $3
     WHERE id = $4 AND case_id = $5 AND status IN ('requested', 'scheduled')";

pub(crate) const COMPLETE_SQL: &str = "UPDATE callback_requests
     SET status = 'done', done_at = $1, outcome = $2
     WHERE id = $3 AND case_id = $4 AND status IN ('requested', 'scheduled')";

/// An open request in the queue, with its case.
#[derive(Debug, Clone)]
pub struct QueuedRequest {
    pub view: CallbackView,
    pub crime_reference: String,
    pub case_id: String,
    pub victim_id: String,
}

/// Every open request of the cases `staff_id` works in `scope`, unordered.
pub async fn queue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    staff_id: &str,
    kind: &str,
    scope: QueueScope,
) -> anyhow::Result<Vec<QueuedRequest>> {
    type Row = (
        String,
        String,
        Option<String>,
        String,
        String,
        String,
        Option<i64>,
        Option<i64>,
        i64,
        String,
        String,
        String,
    );
    let scope = enum_text(&scope)?;
    let rows: Vec<Row> = query(QUEUE_SQL)
        .bind(staff_id)
        .bind(kind)
        .bind(scope.as_str())
        .fetch_all(conn)
        .await?;
    let window_rows: Vec<(String, String, String, String)> = query(QUEUE_WINDOWS_SQL)
        .bind(staff_id)
        .bind(kind)
        .bind(scope.as_str())
        .fetch_all(conn)
        .await?;
    let mut windows: HashMap<String, Vec<SealedWindow>> = HashMap::new();
    for (callback_id, date, start, end) in window_rows {
        windows
            .entry(callback_id)
            .or_default()
            .push((date, start, end));
    }
    rows.into_iter()
        .map(
            |(
                id,
                reason,
                details,
                urgency,
                phone,
                status,
                from,
                until,
                at,
                reference,
                case,
                victim,
            )| {
                let own = windows.remove(&id).unwrap_or_default();
                let row: RequestRow =
                    (id, reason, details, urgency, phone, status, from, until, at);
                Ok(QueuedRequest {
                    view: to_view(keys, row, &own)?,
                    crime_reference: reference,
                    case_id: case,
                    victim_id: victim,
                })
            },
        )
        .collect()
}

/// The number request `id` of `case_id` will call, opened; `None` if the case has no
/// such request.
pub async fn phone(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    id: &str,
) -> anyhow::Result<Option<String>> {
    let row: Option<(String,)> = query(PHONE_SQL)
        .bind(id)
        .bind(case_id)
        .fetch_optional(conn)
        .await?;
    row.map(|(sealed,)| keys.open(CALLBACK_PHONE, &sealed))
        .transpose()
}

/// Books an open request for `starts`..`ends`. False if it is no longer open.
pub async fn schedule(
    conn: &mut Conn<'_>,
    case_id: &str,
    id: &str,
    (starts, ends): (i64, i64),
    staff_id: &str,
) -> anyhow::Result<bool> {
    let changed = query(SCHEDULE_SQL)
        .bind(starts)
        .bind(ends)
        .bind(staff_id)
        .bind(id)
        .bind(case_id)
        .execute(conn)
        .await?;
    Ok(changed == 1)
}

/// Closes an open request with `outcome`. False if it is no longer open.
pub async fn complete(
    conn: &mut Conn<'_>,
    case_id: &str,
    id: &str,
    outcome: CallbackOutcome,
    now: i64,
) -> anyhow::Result<bool> {
    let changed = query(COMPLETE_SQL)
        .bind(now)
        .bind(enum_text(&outcome)?)
        .bind(id)
        .bind(case_id)
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
