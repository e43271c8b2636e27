//! Delivery in the database: claiming due messages (with a lease), what the rules need to
//! know at send time (is the code still live, is the change still pending, who is the
//! victim), recording each outcome under the claim that made it, receipts, and the
//! officer's list of a case's messages.

use crate::platform::db::{query, query_per_engine, Conn, PerEngine};

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
                          ORDER BY due_at LIMIT $4",
            $lock,
            ") RETURNING id, kind, channel, recipient, recipient_index, body, victim_id,
                         case_update_id, sign_in_code_id, contact_change_id, attempts,
                         lease_expired"
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
        attempts,
        lease_expired,
    }
}

/// Whether a sign-in code can still be used (not used, replaced or expired).
pub async fn sign_in_code_live(conn: &mut Conn<'_>, code_id: &str, now: i64) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(
        "SELECT id FROM sign_in_codes
         WHERE id = $1 AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > $2",
    )
    .bind(code_id)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Whether a contact change still waits for its code (not confirmed, cancelled or expired).
pub async fn contact_change_pending(
    conn: &mut Conn<'_>,
    change_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(
        "SELECT id FROM contact_changes
         WHERE id = $1 AND confirmed_at IS NULL AND cancelled_at IS NULL AND expires_at > $2",
    )
    .bind(change_id)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The victim as sending needs them: name (letters), sign-in method and its sealed phone
/// and email (is a code still going to the right place), language (IETF tag).
#[derive(Debug, Clone)]
pub struct Victim {
    pub full_name: String,
    pub contact_method: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub language: String,
}

pub async fn victim(conn: &mut Conn<'_>, victim_id: &str) -> sqlx::Result<Option<Victim>> {
    type Row = (String, String, Option<String>, Option<String>, String);
    let row: Option<Row> = query(
        "SELECT full_name, contact_method, phone, email, language FROM victims WHERE id = $1",
    )
    .bind(victim_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(full_name, contact_method, phone, email, language)| Victim {
            full_name,
            contact_method,
            phone,
            email,
            language,
        },
    ))
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
    /// `sent` or `delivered`.
    pub status: &'a str,
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
) -> sqlx::Result<bool> {
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
    .bind(sent.status)
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
    pub status: &'a str,
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
) -> sqlx::Result<bool> {
    let changed = query(
        "UPDATE outbox SET status = $1, failure_reason = $2, due_at = COALESCE($3, due_at),
                channel = COALESCE($4, channel), status_at = $5,
                lease_until = NULL, claim_token = NULL, lease_expired = FALSE
         WHERE id = $6 AND claim_token = $7 AND status = 'sending'",
    )
    .bind(failure.status)
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
    status: &str,
    due_at: Option<i64>,
    reason: Option<&str>,
    at: i64,
) -> sqlx::Result<bool> {
    let changed = query(
        "UPDATE outbox SET status = $1, due_at = COALESCE($2, due_at), failure_reason = $3,
                delivered_at = CASE WHEN $1 = 'delivered' THEN $4 ELSE delivered_at END,
                status_at = $4
         WHERE id = $5 AND status = 'sent'",
    )
    .bind(status)
    .bind(due_at)
    .bind(reason)
    .bind(at)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// Records the day the victim was told of a case update (its Victims' Code "told" date),
/// unless one is recorded already.
pub async fn mark_told(conn: &mut Conn<'_>, case_update_id: &str, date: &str) -> sqlx::Result<()> {
    query("UPDATE case_updates SET vcop_told_on = $1 WHERE id = $2 AND vcop_told_on IS NULL")
        .bind(date)
        .bind(case_update_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// One line of the officer's list: no recipient, no body.
#[derive(Debug, Clone)]
pub struct CaseMessage {
    pub id: String,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub provider: Option<String>,
    pub failure_reason: Option<String>,
    pub case_update_id: Option<String>,
}

/// A case's messages, newest first: `$1` case id, `$2` limit.
pub(crate) const CASE_MESSAGES_SQL: &str =
    "SELECT id, kind, channel, status, created_at, sent_at, delivered_at, provider,
            failure_reason, case_update_id
     FROM outbox WHERE case_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";

/// A case's messages, newest first, at most `limit`.
pub async fn case_messages(
    conn: &mut Conn<'_>,
    case_id: &str,
    limit: i64,
) -> sqlx::Result<Vec<CaseMessage>> {
    type Row = (
        String,
        String,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = query(CASE_MESSAGES_SQL)
        .bind(case_id)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                channel,
                status,
                created_at,
                sent_at,
                delivered_at,
                provider,
                failure_reason,
                case_update_id,
            )| {
                CaseMessage {
                    id,
                    kind,
                    channel,
                    status,
                    created_at,
                    sent_at,
                    delivered_at,
                    provider,
                    failure_reason,
                    case_update_id,
                }
            },
        )
        .collect())
}
