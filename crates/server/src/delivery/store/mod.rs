//! Delivery in the database. Claims and their outcomes are here; what the rules read at
//! send time, receipts and the officer's list have a file each beside it. Every SQL
//! statement of the feature is in this folder.

mod reads;
mod receipts;
mod staff_list;

pub use reads::{
    contact_change_pending, message_cases, sign_in_code_live, supporter_code_live,
    supporter_invitation_live, victim, Victim,
};
pub use receipts::{apply_receipt, find_for_receipt, mark_told};
pub use staff_list::case_messages;
#[cfg(test)]
pub(crate) use staff_list::CASE_MESSAGES_SQL;

use crate::delivery::message::DeliveryStatus;
use crate::outbox::Channel;
use crate::platform::db::{query, query_per_engine, Conn, PerEngine};
use crate::platform::stored::enum_text;

/// A claimed message, as stored (recipient and body still sealed; '' for a case update).
#[derive(Debug, Clone)]
pub struct Claimed {
    pub id: String,
    pub kind: String,
    pub channel: String,
    pub recipient: String,
    pub recipient_index: Option<String>,
    pub body: String,
    pub victim_id: Option<String>,
    pub case_update_id: Option<String>,
    pub sign_in_code_id: Option<String>,
    pub contact_change_id: Option<String>,
    /// The invitation a supporter's invitation carries.
    pub supporter_invitation_id: Option<String>,
    /// The code a supporter's sign-in code message shows.
    pub supporter_code_id: Option<String>,
    /// Tries so far, this one included.
    pub attempts: i64,
    /// The previous claim's lease ran out mid-send: the provider may already have it.
    pub lease_expired: bool,
}

/// `CLAIM` with the lock the engine's inner select takes.
macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE outbox SET status = 'sending', lease_expired = (status = 'sending'),
                    attempts = attempts + 1, lease_until = $1, due_at = $1, claim_token = $2,
                    status_at = $3
             WHERE id IN (SELECT id FROM outbox
                          WHERE status IN ('queued', 'temporary_failure', 'sending')
                            AND due_at <= $3
                          ORDER BY due_at, id LIMIT $4",
            $lock,
            ") RETURNING id, kind, channel, recipient, recipient_index, body, victim_id,
                         case_update_id, sign_in_code_id, contact_change_id, attempts,
                         lease_expired, supporter_invitation_id, supporter_code_id"
        )
    };
}

/// Claims up to `$4` due messages: queued or waiting to retry with `due_at`
/// passed, or `sending` under a lease that ran out (a claim sets `due_at` to the lease's
/// end, so one (status, due_at) index finds all three). `$1` lease end, `$2` claim token,
/// `$3` now, `$4` how many. SQLite has one writer, so the inner select needs no lock;
/// PostgreSQL's skips rows another server is claiming at the same moment.
pub(crate) const CLAIM: PerEngine = PerEngine {
    sqlite: claim_sql!(""),
    postgres: claim_sql!(" FOR UPDATE SKIP LOCKED"),
};

/// Run it in a write transaction (`Db::begin_write`).
pub async fn claim(
    conn: &mut Conn<'_>,
    lease_until: i64,
    token: &str,
    now: i64,
    limit: i64,
) -> sqlx::Result<Vec<Claimed>> {
    let rows: Vec<ClaimedTuple> = query_per_engine(CLAIM)
        .bind(lease_until)
        .bind(token)
        .bind(now)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(claimed).collect())
}

type ClaimedTuple = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    i64,
    bool,
    Option<String>,
    Option<String>,
);

fn claimed(
    (
        id,
        kind,
        channel,
        recipient,
        recipient_index,
        body,
        victim_id,
        case_update_id,
        sign_in_code_id,
        contact_change_id,
        attempts,
        lease_expired,
        supporter_invitation_id,
        supporter_code_id,
    ): ClaimedTuple,
) -> Claimed {
    Claimed {
        id,
        kind,
        channel,
        recipient,
        recipient_index,
        body,
        victim_id,
        case_update_id,
        sign_in_code_id,
        contact_change_id,
        supporter_invitation_id,
        supporter_code_id,
        attempts,
        lease_expired,
    }
}

/// Puts a claimed message back, due at `due_at` (its next safe window, or a provider to
/// appear), without counting the claim as a try.
pub async fn release(
    conn: &mut Conn<'_>,
    id: &str,
    token: &str,
    due_at: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let changed = query(
        "UPDATE outbox SET status = 'queued', due_at = $1, attempts = attempts - 1,
                lease_until = NULL, claim_token = NULL, lease_expired = FALSE, status_at = $2
         WHERE id = $3 AND claim_token = $4 AND status = 'sending'",
    )
    .bind(due_at)
    .bind(now)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// What a provider took, to record against a claim.
pub struct SentRecord<'a> {
    /// `Sent` or `Delivered`.
    pub status: DeliveryStatus,
    pub provider: &'a str,
    pub provider_id: Option<&'a str>,
    /// For a case update: the channel, sealed recipient, its blind index and sealed body
    /// it was sent with. `None` keeps what the row holds.
    pub resolved: Option<(&'a str, String, String, String)>,
    pub now: i64,
}

/// Records that the provider took a claimed message.
pub async fn record_sent(
    conn: &mut Conn<'_>,
    id: &str,
    token: &str,
    sent: SentRecord<'_>,
) -> anyhow::Result<bool> {
    let (channel, recipient, index, body) = match sent.resolved {
        Some((channel, recipient, index, body)) => {
            (Some(channel), Some(recipient), Some(index), Some(body))
        }
        None => (None, None, None, None),
    };
    let changed = query(
        "UPDATE outbox SET status = $1, provider = $2, provider_id = $3, sent_at = $4,
                delivered_at = CASE WHEN $1 = 'delivered' THEN $4 END, status_at = $4,
                channel = COALESCE($5, channel), recipient = COALESCE($6, recipient),
                recipient_index = COALESCE($7, recipient_index), body = COALESCE($8, body),
                lease_until = NULL, claim_token = NULL, lease_expired = FALSE,
                failure_reason = NULL
         WHERE id = $9 AND claim_token = $10 AND status = 'sending'",
    )
    .bind(enum_text(&sent.status)?)
    .bind(sent.provider)
    .bind(sent.provider_id)
    .bind(sent.now)
    .bind(channel)
    .bind(recipient)
    .bind(index)
    .bind(body)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// A failed try to record against a claim: `temporary_failure` (with `due_at`, the next
/// try), `permanent_failure` or `cancelled`.
pub struct Failure<'a> {
    pub status: DeliveryStatus,
    pub reason: &'a str,
    pub due_at: Option<i64>,
    /// The channel a case update was to go by, so the officer sees which failed.
    pub channel: Option<&'a str>,
    pub now: i64,
}

/// Records a failed try, or that a claimed message will not be sent.
pub async fn record_failure(
    conn: &mut Conn<'_>,
    id: &str,
    token: &str,
    failure: Failure<'_>,
) -> anyhow::Result<bool> {
    let changed = query(
        "UPDATE outbox SET status = $1, failure_reason = $2, due_at = COALESCE($3, due_at),
                channel = COALESCE($4, channel), status_at = $5,
                lease_until = NULL, claim_token = NULL, lease_expired = FALSE
         WHERE id = $6 AND claim_token = $7 AND status = 'sending'",
    )
    .bind(enum_text(&failure.status)?)
    .bind(failure.reason)
    .bind(failure.due_at)
    .bind(failure.channel)
    .bind(failure.now)
    .bind(id)
    .bind(token)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// Records, outside any claim, that a message could not be delivered by `channel`: demo
/// mode uses it so an officer can see what a failed message looks like.
pub async fn mark_undelivered(
    conn: &mut Conn<'_>,
    id: &str,
    channel: Channel,
    reason: &str,
    at: i64,
) -> anyhow::Result<()> {
    query(
        "UPDATE outbox SET status = $1, channel = $2, failure_reason = $3, status_at = $4,
                attempts = attempts + 1
         WHERE id = $5",
    )
    .bind(enum_text(&DeliveryStatus::PermanentFailure)?)
    .bind(enum_text(&channel)?)
    .bind(reason)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}
