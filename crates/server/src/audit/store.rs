//! The audit trail's SQL: insert, and the two ways the trail is read (a supervisor's page of
//! it, the victim's "who has looked"). Nothing here (or anywhere) updates or deletes a row;
//! the table's triggers refuse it.

use super::AuditEntry;
use crate::platform::db::{query, Conn};
use crate::platform::error::AppError;
use crate::platform::stored::enum_text;

pub(crate) const INSERT_SQL: &str =
    "INSERT INTO audit_events (id, at, actor_kind, actor_id, action, case_id, victim_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

pub(super) async fn insert(conn: &mut Conn<'_>, entry: &AuditEntry) -> Result<(), AppError> {
    let actor_kind = enum_text(&entry.actor.kind).map_err(AppError::internal)?;
    let action = enum_text(&entry.action).map_err(AppError::internal)?;
    query(INSERT_SQL)
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(entry.at)
        .bind(actor_kind)
        .bind(entry.actor.id.as_deref())
        .bind(action)
        .bind(entry.case_id.as_str())
        .bind(entry.victim_id.as_str())
        .execute(conn)
        .await?;
    Ok(())
}

/// A stored entry as the supervisor's trail shows it: id, when, actor kind and action
/// (serde names), and a staff actor's display name.
pub(crate) type TrailRow = (String, i64, String, String, Option<String>);

/// The columns and joins of the trail; a staff actor's name comes from `staff`.
macro_rules! trail_sql {
    ($after:literal) => {
        concat!(
            "SELECT a.id, a.at, a.actor_kind, a.action, s.display_name
             FROM audit_events a
             LEFT JOIN staff s ON s.id = a.actor_id AND a.actor_kind IN ('officer', 'supervisor')
             WHERE a.case_id = $1",
            $after,
            " ORDER BY a.at DESC, a.id DESC LIMIT $2"
        )
    };
}

/// `$1` case, `$2` limit: the newest entries. Two fixed statements rather than `$3 IS
/// NULL OR …`, which PostgreSQL cannot type.
pub(crate) const TRAIL_SQL: &str = trail_sql!("");
/// `$1` case, `$2` limit, `$3` an entry of the case: the entries older than it (by time,
/// then id).
pub(crate) const TRAIL_BEFORE_SQL: &str = trail_sql!(
    " AND (a.at, a.id) < (SELECT b.at, b.id FROM audit_events b
                          WHERE b.id = $3 AND b.case_id = $1)"
);

/// Up to `limit` entries of `case_id`, newest first, older than `before` if given.
pub(crate) async fn trail(
    conn: &mut Conn<'_>,
    case_id: &str,
    before: Option<&str>,
    limit: i64,
) -> sqlx::Result<Vec<TrailRow>> {
    let statement = match before {
        Some(_) => query(TRAIL_BEFORE_SQL),
        None => query(TRAIL_SQL),
    };
    let mut statement = statement.bind(case_id).bind(limit);
    if let Some(before) = before {
        statement = statement.bind(before);
    }
    statement.fetch_all(conn).await
}

/// `$1` case, `$2` since (Unix seconds): who other than the victim and the service looked
/// at the case, one row per actor kind, hour (UK time differs from UTC by whole hours,
/// so an hour falls on one UK day) and whether the actor works the case now (an officer
/// whose card the case is on or who is in its team). At most 24 × 90 × 4 rows for 90 days,
/// however many looks there were.
pub(crate) const LOOKS_SQL: &str = "SELECT DISTINCT a.at / 3600 AS hour, a.actor_kind,
            EXISTS (SELECT 1 FROM staff s
                    WHERE s.id = a.actor_id
                      AND (s.officer_id = c.officer_id OR s.team_id = c.team_id)) AS works_it
     FROM audit_events a JOIN cases c ON c.id = a.case_id
     WHERE a.case_id = $1 AND a.at >= $2
       AND a.actor_kind IN ('officer', 'supervisor', 'supporter')
     ORDER BY hour DESC";

/// (hour since the epoch, actor kind, works the case), newest hour first.
pub(crate) async fn looks(
    conn: &mut Conn<'_>,
    case_id: &str,
    since: i64,
) -> sqlx::Result<Vec<(i64, String, bool)>> {
    query(LOOKS_SQL)
        .bind(case_id)
        .bind(since)
        .fetch_all(conn)
        .await
}
