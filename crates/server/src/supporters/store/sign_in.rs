//! What a supporter's sign-in reads and writes: who a contact or an invitation reaches,
//! accepting an invitation, the queue of sign-in requests the worker answers.

use crate::platform::db::{query, query_per_engine, Conn, PerEngine};

/// A supporter sign-in can reach: their id, case, victim, where codes go and language.
#[derive(Debug, Clone)]
pub struct SignInTarget {
    pub supporter_id: String,
    pub case_id: String,
    pub victim_id: String,
    pub channel: String,
    pub contact: String,
    pub language: String,
}

type TargetTuple = (String, String, String, String, String, String);

fn target(
    (supporter_id, case_id, victim_id, channel, contact, language): TargetTuple,
) -> SignInTarget {
    SignInTarget {
        supporter_id,
        case_id,
        victim_id,
        channel,
        contact,
        language,
    }
}

/// The columns of a sign-in target, for supporter `s` with live grant `g`.
macro_rules! target_sql {
    ($where:literal) => {
        concat!(
            "SELECT s.id, s.case_id, s.victim_id, s.channel, s.contact, s.language
             FROM supporters s JOIN supporter_grants g ON g.supporter_id = s.id
             WHERE s.removed_at IS NULL AND g.revoked_at IS NULL AND g.expires_at > $2 AND ",
            $where
        )
    };
}

/// A returning supporter: the most recently accepted live one with this contact (someone
/// helping two victims signs in to the newer; see the README).
pub async fn accepted_by_contact(
    conn: &mut Conn<'_>,
    contact_index: &str,
    now: i64,
) -> sqlx::Result<Option<SignInTarget>> {
    let found: Option<TargetTuple> = query(target_sql!(
        "s.contact_index = $1 AND s.accepted_at IS NOT NULL
         ORDER BY s.accepted_at DESC, s.id DESC LIMIT 1"
    ))
    .bind(contact_index)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.map(target))
}

/// The supporter an invitation is for, while it can be used (unused, not replaced, not
/// expired) and the supporter is live; `$3` the contact typed, which must be theirs.
pub async fn invited(
    conn: &mut Conn<'_>,
    token_hash: &str,
    contact_index: &str,
    now: i64,
) -> sqlx::Result<Option<SignInTarget>> {
    let found: Option<TargetTuple> = query(target_sql!(
        "s.contact_index = $3 AND EXISTS (
            SELECT 1 FROM supporter_invitations i
            WHERE i.supporter_id = s.id AND i.token_hash = $1 AND i.used_at IS NULL
              AND i.invalidated_at IS NULL AND i.expires_at > $2)"
    ))
    .bind(token_hash)
    .bind(now)
    .bind(contact_index)
    .fetch_optional(conn)
    .await?;
    Ok(found.map(target))
}

/// Whether an invitation link can still be used (the same test as `invited`, without the
/// contact).
pub async fn invitation_usable(
    conn: &mut Conn<'_>,
    token_hash: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(
        "SELECT i.id FROM supporter_invitations i
         JOIN supporters s ON s.id = i.supporter_id
         JOIN supporter_grants g ON g.supporter_id = s.id
         WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.invalidated_at IS NULL
           AND i.expires_at > $2 AND s.removed_at IS NULL AND g.revoked_at IS NULL
           AND g.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// Uses up the invitation and marks the supporter accepted; `false` if it was used first.
pub async fn accept(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    token_hash: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let used = query(
        "UPDATE supporter_invitations SET used_at = $1
         WHERE token_hash = $2 AND supporter_id = $3 AND used_at IS NULL",
    )
    .bind(now)
    .bind(token_hash)
    .bind(supporter_id)
    .execute(&mut *conn)
    .await?;
    if used != 1 {
        return Ok(false);
    }
    query("UPDATE supporters SET accepted_at = COALESCE(accepted_at, $1) WHERE id = $2")
        .bind(now)
        .bind(supporter_id)
        .execute(conn)
        .await?;
    Ok(true)
}

/// Records a sign-in.
pub async fn signed_in(conn: &mut Conn<'_>, supporter_id: &str, now: i64) -> sqlx::Result<()> {
    query("UPDATE supporters SET last_signed_in_at = $1 WHERE id = $2")
        .bind(now)
        .bind(supporter_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The victim's full name (for "You are helping Sam"), the supporter's grant and the
/// case's reference.
pub async fn helping(
    conn: &mut Conn<'_>,
    supporter_id: &str,
) -> sqlx::Result<Option<(String, String, String)>> {
    query(
        "SELECT v.full_name, g.capabilities, c.crime_reference
         FROM supporters s JOIN victims v ON v.id = s.victim_id
         JOIN supporter_grants g ON g.supporter_id = s.id
         JOIN cases c ON c.id = s.case_id
         WHERE s.id = $1",
    )
    .bind(supporter_id)
    .fetch_optional(conn)
    .await
}

/// Queues a supporter's "send me a code" for the sign-in worker.
pub async fn queue_request(
    conn: &mut Conn<'_>,
    contact_index: &str,
    invitation_hash: Option<&str>,
    now: i64,
) -> sqlx::Result<()> {
    query(
        "INSERT INTO supporter_sign_in_requests (id, contact_index, invitation_hash, requested_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(contact_index)
    .bind(invitation_hash)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A queued request: (id, contact index, invitation hash).
pub type QueuedRequest = (String, String, Option<String>);

/// The oldest queued request: (id, contact index, invitation hash). On PostgreSQL it is
/// locked for this transaction and skipped by other servers' workers meanwhile; SQLite's
/// one writer already keeps workers apart.
const NEXT_REQUEST: PerEngine = PerEngine {
    sqlite: "SELECT id, contact_index, invitation_hash FROM supporter_sign_in_requests
             ORDER BY requested_at, id LIMIT 1",
    postgres: "SELECT id, contact_index, invitation_hash FROM supporter_sign_in_requests
               ORDER BY requested_at, id LIMIT 1 FOR UPDATE SKIP LOCKED",
};

/// The oldest queued request, taken off the queue (deleted in the worker's transaction).
pub async fn take_request(conn: &mut Conn<'_>) -> sqlx::Result<Option<QueuedRequest>> {
    let next: Option<QueuedRequest> = query_per_engine(NEXT_REQUEST)
        .fetch_optional(&mut *conn)
        .await?;
    if let Some((id, _, _)) = &next {
        delete_request(conn, id).await?;
    }
    Ok(next)
}

/// Deletes a request (answered, or dropped when its answer failed).
pub async fn delete_request(conn: &mut Conn<'_>, id: &str) -> sqlx::Result<()> {
    query("DELETE FROM supporter_sign_in_requests WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Requests still waiting for the worker.
pub async fn queued_requests(conn: &mut Conn<'_>) -> sqlx::Result<i64> {
    let (count,): (i64,) = query("SELECT COUNT(*) FROM supporter_sign_in_requests")
        .fetch_one(conn)
        .await?;
    Ok(count)
}

/// Whether an invitation message can still be of use: the supporter is live and has a
/// usable invitation.
pub async fn invitation_pending(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(
        "SELECT i.id FROM supporter_invitations i JOIN supporters s ON s.id = i.supporter_id
         WHERE i.supporter_id = $1 AND i.used_at IS NULL AND i.invalidated_at IS NULL
           AND i.expires_at > $2 AND s.removed_at IS NULL",
    )
    .bind(supporter_id)
    .bind(now)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// The victim's language (IETF tag), for what is written to their family.
pub async fn victim_language(conn: &mut Conn<'_>, victim_id: &str) -> sqlx::Result<Option<String>> {
    let found: Option<(String,)> = query("SELECT language FROM victims WHERE id = $1")
        .bind(victim_id)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(|(tag,)| tag))
}
