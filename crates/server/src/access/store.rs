//! The access query. One statement for every kind of actor, so there is one place to read
//! (and review) who may see what; each branch is an indexed lookup.

use super::CaseAccess;
use crate::platform::db::{query, Conn};

/// `$1` reference, `$2` actor kind, `$3` actor id, `$4` capability, `$5` the victim's
/// signed-in case (NULL for others), `$6` now (Unix seconds).
///
/// The capability must be one the actor's kind may have at all (`role_capabilities`),
/// and then: a victim owns the case and their session is for it; an officer's account is
/// live and the case is allocated to them or to their team; a supervisor's account is
/// live and the case's team is in their unit; a supporter's session is for the case and
/// they hold a live grant for it that lists the capability. `LIKE` on the comma-wrapped
/// list is portable SQL.
pub(crate) const CASE_ACCESS_SQL: &str = "SELECT c.id, c.victim_id FROM cases c
     WHERE c.crime_reference = $1
       AND EXISTS (SELECT 1 FROM role_capabilities rc WHERE rc.role = $2 AND rc.capability = $4)
       AND (
         ($2 = 'victim' AND c.victim_id = $3 AND c.id = $5)
         OR ($2 = 'officer' AND EXISTS (
               SELECT 1 FROM staff s
               WHERE s.id = $3 AND s.role = 'officer' AND s.disabled_at IS NULL
                 AND (s.officer_id = c.officer_id OR s.team_id = c.team_id)))
         OR ($2 = 'supervisor' AND EXISTS (
               SELECT 1 FROM staff s JOIN teams t ON t.unit_id = s.unit_id
               WHERE s.id = $3 AND s.role = 'supervisor' AND s.disabled_at IS NULL
                 AND t.id = c.team_id))
         OR ($2 = 'supporter' AND c.id = $5 AND EXISTS (
               SELECT 1 FROM supporter_grants g
               WHERE g.case_id = c.id AND g.supporter_id = $3 AND g.revoked_at IS NULL
                 AND g.expires_at > $6
                 AND (',' || g.capabilities || ',') LIKE ('%,' || $4 || ',%')))
       )";

/// The parameters of `CASE_ACCESS_SQL`, named.
pub(super) struct AccessQuery<'a> {
    pub reference: &'a str,
    pub kind: &'a str,
    pub actor_id: &'a str,
    pub capability: &'a str,
    pub signed_in_case_id: Option<&'a str>,
    pub now: i64,
}

pub(super) async fn case_access(
    conn: &mut Conn<'_>,
    params: AccessQuery<'_>,
) -> sqlx::Result<Option<CaseAccess>> {
    let row: Option<(String, String)> = query(CASE_ACCESS_SQL)
        .bind(params.reference)
        .bind(params.kind)
        .bind(params.actor_id)
        .bind(params.capability)
        .bind(params.signed_in_case_id)
        .bind(params.now)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|(case_id, victim_id)| CaseAccess { case_id, victim_id }))
}

/// A caseload line: reference, crime type, stage code, enhanced rights, and the soonest
/// deadline of an event the victim has not been told about yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseloadRow {
    pub crime_reference: String,
    pub crime_type: String,
    pub stage: String,
    pub enhanced_rights: bool,
    pub next_deadline: Option<String>,
    /// Until when sign-in by code is blocked after too many wrong codes, if it ever was
    /// (`sign_in_alerts`; the latest alert's end).
    pub sign_in_blocked_until: Option<i64>,
    /// Messages that could not be delivered since the victim last changed their contact
    /// preferences (`delivery`).
    pub undelivered_messages: i64,
}

/// The columns of a caseload line, for case `c`; the deadline comes from the partial
/// index `case_updates_vcop_due` (untold events only), the undelivered messages from
/// `outbox_case_id_created_at` (the reason is `delivery::rules::NO_SAFE_METHOD`).
macro_rules! caseload_columns {
    () => {
        concat!(
            "SELECT c.crime_reference, c.crime_type, c.stage, c.enhanced_rights,
                (SELECT MIN(u.vcop_deadline) FROM case_updates u
                 WHERE u.case_id = c.id AND u.vcop_event IS NOT NULL
                   AND u.vcop_told_on IS NULL) AS next_deadline,
                (SELECT MAX(a.blocked_until) FROM sign_in_alerts a
                 WHERE a.case_id = c.id) AS sign_in_blocked_until,
                ",
            undelivered_messages!(),
            " AS undelivered_messages
         FROM cases c"
        )
    };
}

/// How many messages to the victim of case `c` could not be delivered since they last
/// changed their contact preferences (`outbox_case_id_created_at`; the reason is
/// `delivery::rules::NO_SAFE_METHOD`).
macro_rules! undelivered_messages {
    () => {
        "(SELECT COUNT(*) FROM outbox o
          WHERE o.case_id = c.id
            AND (o.status = 'permanent_failure'
                 OR (o.status = 'cancelled'
                     AND o.failure_reason = 'no safe written method'))
            AND o.status_at >= COALESCE(
                  (SELECT MAX(p.changed_at) FROM contact_preferences p
                   WHERE p.victim_id = c.victim_id), 0))"
    };
}

/// `undelivered_messages!()` for SQL built elsewhere (the case list's filter and column).
pub(crate) const UNDELIVERED_MESSAGES_SQL: &str = undelivered_messages!();

/// `$1` kind, `$2` staff id, `$3` limit. The same rules as `CASE_ACCESS_SQL` for officers
/// and supervisors (allocated to the officer's card or in their team; in a team of the
/// supervisor's unit), written as index lookups from the account outwards so a caseload
/// never scans the cases table.
pub(crate) const CASELOAD_SQL: &str = concat!(
    "WITH me AS (SELECT officer_id, team_id, unit_id, role FROM staff
                 WHERE id = $2 AND role = $1 AND disabled_at IS NULL),
          visible AS (
            SELECT c.id FROM me JOIN cases c ON c.officer_id = me.officer_id
             WHERE me.role = 'officer'
            UNION
            SELECT c.id FROM me JOIN cases c ON c.team_id = me.team_id
             WHERE me.role = 'officer'
            UNION
            SELECT c.id FROM me JOIN teams t ON t.unit_id = me.unit_id
                 JOIN cases c ON c.team_id = t.id
             WHERE me.role = 'supervisor')
     ",
    caseload_columns!(),
    " WHERE c.id IN (SELECT id FROM visible)
     ORDER BY next_deadline NULLS LAST, c.crime_reference
     LIMIT $3"
);

const CASELOAD_ENTRY_SQL: &str = concat!(caseload_columns!(), " WHERE c.id = $1");

type CaseloadTuple = (
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<i64>,
    i64,
);

fn caseload_row(
    (
        crime_reference,
        crime_type,
        stage,
        enhanced_rights,
        next_deadline,
        blocked_until,
        undelivered_messages,
    ): CaseloadTuple,
) -> CaseloadRow {
    CaseloadRow {
        crime_reference,
        crime_type,
        stage,
        enhanced_rights,
        next_deadline,
        sign_in_blocked_until: blocked_until,
        undelivered_messages,
    }
}

pub(super) async fn caseload(
    conn: &mut Conn<'_>,
    kind: &str,
    staff_id: &str,
    limit: i64,
) -> sqlx::Result<Vec<CaseloadRow>> {
    let rows: Vec<CaseloadTuple> = query(CASELOAD_SQL)
        .bind(kind)
        .bind(staff_id)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(caseload_row).collect())
}

pub(super) async fn caseload_entry(
    conn: &mut Conn<'_>,
    case_id: &str,
) -> sqlx::Result<Option<CaseloadRow>> {
    let row: Option<CaseloadTuple> = query(CASELOAD_ENTRY_SQL)
        .bind(case_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(caseload_row))
}
