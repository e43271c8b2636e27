//! Sessions in the database: create, look up (with idle and absolute expiry), end. The
//! cookie carries a random token; the table keeps only its SHA-256.

use sqlx::{SqliteConnection, SqlitePool};

use crate::secrets;

/// A session ends after 30 minutes without a request...
pub const IDLE_TIMEOUT_SECS: i64 = 30 * 60;
/// ...and 12 hours after sign-in whatever happens.
pub const ABSOLUTE_LIMIT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written only when older than this, so most reads write nothing.
const TOUCH_AFTER_SECS: i64 = 60;

/// Every request with a cookie runs this; `token_hash` is unique, so it is one index
/// lookup (checked in `query_plans`).
pub(crate) const FIND_LIVE_SQL: &str =
    "SELECT id, role, subject_id, case_id, created_at, last_seen_at
     FROM sessions WHERE token_hash = $1 AND ended_at IS NULL";

/// A live session as stored.
#[derive(Debug)]
pub struct SessionRow {
    pub id: String,
    pub role: String,
    pub subject_id: String,
    pub case_id: Option<String>,
}

/// Starts a victim's session for the case they signed in with. Returns the token for the
/// cookie; it is not stored.
pub async fn create_for_victim(
    conn: &mut SqliteConnection,
    victim_id: &str,
    case_id: &str,
    now: i64,
) -> anyhow::Result<String> {
    let token = secrets::new_session_token()?;
    let id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO sessions (id, token_hash, role, subject_id, case_id, created_at, last_seen_at)
         VALUES ($1, $2, 'victim', $3, $4, $5, $5)",
    )
    .bind(&id)
    .bind(secrets::token_hash(&token))
    .bind(victim_id)
    .bind(case_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    tracing::info!(session_id = %id, case_id, "session started");
    Ok(token)
}

/// The live session for `token`, refreshing its `last_seen_at`; `None` if there is none or
/// it has expired (an expired session is ended on the way).
pub async fn find_live(db: &SqlitePool, token: &str, now: i64) -> sqlx::Result<Option<SessionRow>> {
    let hash = secrets::token_hash(token);
    let row: Option<(String, String, String, Option<String>, i64, i64)> =
        sqlx::query_as(FIND_LIVE_SQL)
            .bind(&hash)
            .fetch_optional(db)
            .await?;
    let Some((id, role, subject_id, case_id, created_at, last_seen_at)) = row else {
        return Ok(None);
    };
    if now - last_seen_at >= IDLE_TIMEOUT_SECS || now - created_at >= ABSOLUTE_LIMIT_SECS {
        sqlx::query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(&id)
            .execute(db)
            .await?;
        tracing::info!(session_id = %id, "session expired");
        return Ok(None);
    }
    if now - last_seen_at > TOUCH_AFTER_SECS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&id)
            .execute(db)
            .await?;
    }
    Ok(Some(SessionRow {
        id,
        role,
        subject_id,
        case_id,
    }))
}

/// Ends the session for `token`, if any. Returns whether one was live.
pub async fn end(db: &SqlitePool, token: &str, now: i64) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(secrets::token_hash(token))
            .execute(db)
            .await?;
    Ok(done.rows_affected() > 0)
}
