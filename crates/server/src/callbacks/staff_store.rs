//! The officer's statements on `callback_requests`: the queue across a caseload, the
//! number a request will call, booking a call and closing a request. Writers call the
//! updates inside a write transaction.

use shared::api::callbacks::CallbackView;
use shared::api::staff_callbacks::{CallbackOutcome, QueueScope};

use super::store::{to_views, RequestRow};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::CALLBACK_PHONE;
use crate::platform::stored::enum_text;

/// `$1` staff id, `$2` kind, `$3` scope (`mine`/`unit`). The cases are found from the
/// account outwards as in `access::store::CASELOAD_SQL` (an officer's card, and with
/// `unit` their team; a supervisor's unit), then their open requests by
/// `callback_requests_case_id_status`. The windows are sealed, so the order ("unsafe
/// now" first, then soonest window) is made after opening them (`queue::order`).
pub(crate) const QUEUE_SQL: &str = "WITH me AS (
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
          WHERE me.role = 'supervisor')
     SELECT r.id, r.reason, r.details, r.urgency, r.phone, r.status, r.scheduled_for,
            r.scheduled_until, r.requested_at, visible.crime_reference, visible.id,
            visible.victim_id
       FROM visible JOIN callback_requests r ON r.case_id = visible.id
      WHERE r.status IN ('requested', 'scheduled')";

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
    let rows: Vec<Row> = query(QUEUE_SQL)
        .bind(staff_id)
        .bind(kind)
        .bind(enum_text(&scope)?)
        .fetch_all(conn)
        .await?;
    let mut cases = Vec::with_capacity(rows.len());
    let mut requests: Vec<RequestRow> = Vec::with_capacity(rows.len());
    for (id, reason, details, urgency, phone, status, from, until, at, reference, case, victim) in
        rows
    {
        cases.push((reference, case, victim));
        requests.push((id, reason, details, urgency, phone, status, from, until, at));
    }
    let views = to_views(conn, keys, requests).await?;
    Ok(views
        .into_iter()
        .zip(cases)
        .map(
            |(view, (crime_reference, case_id, victim_id))| QueuedRequest {
                view,
                crime_reference,
                case_id,
                victim_id,
            },
        )
        .collect())
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
