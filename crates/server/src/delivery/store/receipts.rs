//! Receipts in the database: finding the message a receipt names and moving it on, and
//! recording a delivered case update's "told" date.

use shared::api::updates::TellingMethod;

use crate::delivery::message::DeliveryStatus;
use crate::platform::db::{query, Conn};
use crate::platform::stored::enum_text;

/// A message a receipt names: found by the provider's id for it, or by our reference.
#[derive(Debug, Clone)]
pub struct Receipted {
    pub id: String,
    pub status: String,
    pub attempts: i64,
    pub case_update_id: Option<String>,
}

pub async fn find_for_receipt(
    conn: &mut Conn<'_>,
    provider: &str,
    id_or_reference: &str,
) -> sqlx::Result<Option<Receipted>> {
    let row: Option<(String, String, i64, Option<String>)> = query(
        "SELECT id, status, attempts, case_update_id FROM outbox
         WHERE provider = $1 AND (provider_id = $2 OR id = $2)",
    )
    .bind(provider)
    .bind(id_or_reference)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id, status, attempts, case_update_id)| Receipted {
        id,
        status,
        attempts,
        case_update_id,
    }))
}

/// Moves a sent message on after a receipt: to `status` (with `due_at` for another try,
/// `delivered_at` for a delivery), only from `sent`, so a repeated or late receipt
/// changes nothing.
pub async fn apply_receipt(
    conn: &mut Conn<'_>,
    id: &str,
    status: DeliveryStatus,
    due_at: Option<i64>,
    reason: Option<&str>,
    at: i64,
) -> anyhow::Result<bool> {
    let changed = query(
        "UPDATE outbox SET status = $1, due_at = COALESCE($2, due_at), failure_reason = $3,
                delivered_at = CASE WHEN $1 = 'delivered' THEN $4 ELSE delivered_at END,
                status_at = $4
         WHERE id = $5 AND status = 'sent'",
    )
    .bind(enum_text(&status)?)
    .bind(due_at)
    .bind(reason)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// Records the day the victim was told of a case update (its Victims' Code "told" date)
/// by a delivered message, unless they were told already (`cases::told`).
pub async fn mark_told(
    conn: &mut Conn<'_>,
    case_update_id: &str,
    date: &str,
) -> anyhow::Result<()> {
    query(
        "UPDATE case_updates SET vcop_told_on = $1, told_by = $2
         WHERE id = $3 AND vcop_told_on IS NULL",
    )
    .bind(date)
    .bind(enum_text(&TellingMethod::Message)?)
    .bind(case_update_id)
    .execute(conn)
    .await?;
    Ok(())
}
