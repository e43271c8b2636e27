//! Recording what became of a claimed message. The outcome and its audit rows (the
//! delivery worker used the victim's contact details: `SendMessage`, one row per case the
//! message is about) commit in one transaction, so neither is ever on record without the
//! other.

use super::store;
use crate::audit::{self, AuditAction, AuditActor, AuditEntry};
use crate::platform::db::Db;

/// What became of a claimed message.
pub enum Outcome<'a> {
    /// The provider took it.
    Sent(store::SentRecord<'a>),
    /// A failed try, or it will not be sent.
    Failed(store::Failure<'a>),
}

/// Records `outcome` against the claim `token` holds on message `id`, with its audit rows.
/// Returns false (and records nothing) when the claim is no longer this worker's.
pub async fn record(db: &Db, id: &str, token: &str, outcome: Outcome<'_>) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let (recorded, at) = match outcome {
        Outcome::Sent(sent) => {
            let at = sent.now;
            (
                store::record_sent(&mut tx.conn(), id, token, sent).await?,
                at,
            )
        }
        Outcome::Failed(failure) => {
            let at = failure.now;
            (
                store::record_failure(&mut tx.conn(), id, token, failure).await?,
                at,
            )
        }
    };
    if recorded {
        for case in store::message_cases(&mut tx.conn(), id).await? {
            let entry = AuditEntry::new(
                AuditActor::DELIVERY_WORKER,
                AuditAction::SendMessage,
                &case,
                at,
            );
            audit::record(&mut tx.conn(), &entry).await?;
        }
    }
    tx.commit().await?;
    Ok(recorded)
}
