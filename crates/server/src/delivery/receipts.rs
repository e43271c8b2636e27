//! Delivery receipts, whatever the provider: what became of a message after the provider
//! took it. The Notify callback route calls `record_receipt`; an SMTP relay sends none.

use super::message::DeliveryStatus;
use super::{rules, store};
use crate::platform::db::Db;
use crate::platform::uk_time;

/// Why a message failed for good when the provider's receipt says so.
const PROVIDER_GAVE_UP: &str = "the provider could not deliver it";

/// Applies a receipt for the message the provider knows as `id_or_reference` (its own id,
/// or our reference): delivered; a temporary failure (Notify's `temporary-failure` and
/// `technical-failure`), which queues it for another try after the backoff (a new send
/// under the same reference) unless its tries are used up; or a permanent failure.
/// Idempotent: only a message still `sent` moves, so a repeated or late receipt changes
/// nothing. `Ok(false)` when no message of this provider has that id.
pub async fn record_receipt(
    db: &Db,
    provider: &str,
    id_or_reference: &str,
    status: DeliveryStatus,
    at: i64,
) -> anyhow::Result<bool> {
    let mut conn = db.conn();
    let Some(message) = store::find_for_receipt(&mut conn, provider, id_or_reference).await? else {
        return Ok(false);
    };
    let moved = match status {
        DeliveryStatus::Delivered => {
            store::apply_receipt(&mut conn, &message.id, status, None, None, at).await?
        }
        DeliveryStatus::TemporaryFailure if message.attempts >= rules::MAX_ATTEMPTS => {
            store::apply_receipt(
                &mut conn,
                &message.id,
                DeliveryStatus::PermanentFailure,
                None,
                Some(rules::GAVE_UP),
                at,
            )
            .await?
        }
        DeliveryStatus::TemporaryFailure => {
            let due_at = at + rules::backoff_secs(message.attempts);
            store::apply_receipt(
                &mut conn,
                &message.id,
                DeliveryStatus::TemporaryFailure,
                Some(due_at),
                Some("temporary failure reported by the provider"),
                at,
            )
            .await?
        }
        DeliveryStatus::PermanentFailure => {
            store::apply_receipt(
                &mut conn,
                &message.id,
                DeliveryStatus::PermanentFailure,
                None,
                Some(PROVIDER_GAVE_UP),
                at,
            )
            .await?
        }
        // "created", "sending": nothing new.
        DeliveryStatus::Queued
        | DeliveryStatus::Sending
        | DeliveryStatus::Sent
        | DeliveryStatus::Cancelled => false,
    };
    if moved && status == DeliveryStatus::Delivered {
        if let Some(update) = &message.case_update_id {
            mark_told(db, update, at).await?;
        }
    }
    tracing::info!(outbox_id = %message.id, ?status, moved, was = %message.status, "receipt");
    Ok(true)
}

/// Records the UK day a case update reached the victim as the day they were told of it
/// (its Victims' Code "told" date), unless an officer recorded one already.
pub async fn mark_told(db: &Db, case_update_id: &str, at: i64) -> anyhow::Result<()> {
    let date = uk_time::local(at).date.to_string();
    store::mark_told(&mut db.conn(), case_update_id, &date).await?;
    Ok(())
}
