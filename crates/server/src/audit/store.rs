//! The audit trail's SQL: insert only. Nothing here (or anywhere) updates or deletes a row;
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
