//! Every statement of the retention purge: plain DELETEs and one UPDATE, each safe to run
//! twice or on several servers at once, plus the row that says when the purge last ran.

use crate::platform::db::{query, Conn};

/// Takes this interval's turn at `job`: true (and the time is recorded) when no server
/// ran it after `due_before`. Inside the purge's transaction, so a second server waits on
/// the row and then finds it taken.
pub async fn take_turn(
    conn: &mut Conn<'_>,
    job: &str,
    now: i64,
    due_before: i64,
) -> sqlx::Result<bool> {
    let taken =
        query("UPDATE retention_runs SET last_run_at = $1 WHERE job = $2 AND last_run_at <= $3")
            .bind(now)
            .bind(job)
            .bind(due_before)
            .execute(conn)
            .await?;
    Ok(taken == 1)
}

/// The secrets a message can carry: (outbox column linking it, the table it is in). A
/// victim's sign-in code, a supporter's, and a supporter's invitation link.
const CARRIED_SECRETS: [(&str, &str); 3] = [
    ("sign_in_code_id", "sign_in_codes"),
    ("supporter_code_id", "supporter_codes"),
    ("supporter_invitation_id", "supporter_invitations"),
];

/// Blanks the body of up to `limit` messages (per kind of secret) whose code or
/// invitation can no longer be used (used, replaced, expired or already purged), and
/// forgets the link. A code whose tries ran out (counted in `rate_limits`) is blanked
/// when it expires, at most 10 minutes on.
pub async fn blank_spent_code_messages(
    conn: &mut Conn<'_>,
    blanked_body: &str,
    now: i64,
    limit: i64,
) -> sqlx::Result<u64> {
    let mut blanked = 0;
    for (link, table) in CARRIED_SECRETS {
        blanked += query(&format!(
            "UPDATE outbox SET body = $1, {link} = NULL
             WHERE id IN (
                 SELECT o.id FROM outbox o
                 WHERE o.{link} IS NOT NULL
                   AND NOT EXISTS (
                       SELECT 1 FROM {table} c
                       WHERE c.id = o.{link} AND c.used_at IS NULL
                         AND c.invalidated_at IS NULL AND c.expires_at > $2)
                 LIMIT $3)"
        ))
        .bind(blanked_body)
        .bind(now)
        .bind(limit)
        .execute(&mut *conn)
        .await?;
    }
    Ok(blanked)
}

/// Up to `limit` sessions last used (or ended) before `before`. A session dies after at
/// most 30 idle minutes, so every one of these ended long ago.
pub async fn delete_sessions(conn: &mut Conn<'_>, before: i64, limit: i64) -> sqlx::Result<u64> {
    query(
        "DELETE FROM sessions WHERE id IN (
             SELECT id FROM sessions WHERE last_seen_at < $1 OR ended_at < $1 LIMIT $2)",
    )
    .bind(before)
    .bind(limit)
    .execute(conn)
    .await
}

/// Up to `limit` sign-in codes (victims' and, as many again, supporters') that expired
/// before `before` (a used or replaced code expired too, at most 10 minutes after it was
/// made).
pub async fn delete_codes(conn: &mut Conn<'_>, before: i64, limit: i64) -> sqlx::Result<u64> {
    let mut deleted = 0;
    for table in ["sign_in_codes", "supporter_codes"] {
        deleted += query(&format!(
            "DELETE FROM {table} WHERE id IN (
                 SELECT id FROM {table} WHERE expires_at < $1 LIMIT $2)"
        ))
        .bind(before)
        .bind(limit)
        .execute(&mut *conn)
        .await?;
    }
    Ok(deleted)
}

/// Up to `limit` messages queued before `before`, sent or not (`outbox_created_at`).
pub async fn delete_messages(conn: &mut Conn<'_>, before: i64, limit: i64) -> sqlx::Result<u64> {
    query(
        "DELETE FROM outbox WHERE id IN (
             SELECT id FROM outbox WHERE created_at < $1 LIMIT $2)",
    )
    .bind(before)
    .bind(limit)
    .execute(conn)
    .await
}
