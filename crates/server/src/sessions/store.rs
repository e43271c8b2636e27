//! Sessions in the database: create, look up (with idle and absolute expiry), end. The
//! cookie carries a random token; the table keeps only its SHA-256.

use crate::access::{Actor, ActorKind, SignedInCase};
use crate::platform::db::{query, Conn, Db};
use crate::platform::secrets;
use crate::platform::stored::{enum_from_text, enum_text};

/// A victim's session ends after 30 minutes without a request...
pub const IDLE_TIMEOUT_SECS: i64 = 30 * 60;
/// ...a staff session after 15 (staff screens are shared and left unattended)...
pub const STAFF_IDLE_TIMEOUT_SECS: i64 = 15 * 60;
/// ...and 12 hours after sign-in whatever happens.
pub const ABSOLUTE_LIMIT_SECS: i64 = 12 * 60 * 60;
/// `last_seen_at` is written only when older than this, so most reads write nothing.
const TOUCH_AFTER_SECS: i64 = 60;

/// Every request with a cookie runs this, so it also fetches the case the session covers
/// (saving the extractor a second round trip): a victim's while that case is still theirs
/// (it guards against a case being reassigned), a supporter's while their grant for it is
/// live (not revoked, not run out). `token_hash` and `cases.id` are unique and grants are
/// found by supporter, so it is three index lookups (checked in `query_plans`).
pub(crate) const FIND_LIVE_SQL: &str =
    "SELECT s.id, s.role, s.subject_id, s.created_at, s.last_seen_at, c.id, c.crime_reference
     FROM sessions s
     LEFT JOIN cases c ON c.id = s.case_id
       AND (c.victim_id = s.subject_id
            OR (s.role = 'supporter' AND EXISTS (
                  SELECT 1 FROM supporter_grants g
                  WHERE g.supporter_id = s.subject_id AND g.case_id = c.id
                    AND g.revoked_at IS NULL AND g.expires_at > $2)))
     WHERE s.token_hash = $1 AND s.ended_at IS NULL";

/// Why a session was ended for someone: a supporter removed, or whose access ran out.
/// Their next request is told "This access is no longer active".
pub const ACCESS_ENDED: &str = "access_ended";

/// A live session as stored.
#[derive(Debug)]
pub struct SessionRow {
    pub id: String,
    /// The session's kind of actor, read once here; `None` for a role this code does not
    /// know (the extractor refuses it).
    pub kind: Option<ActorKind>,
    pub subject_id: String,
    /// The case the session covers, while it is still the victim's own case or the
    /// supporter's grant for it is live.
    pub signed_in_case: Option<SignedInCase>,
}

/// The idle timeout of a staff session, or of a victim's.
pub fn idle_timeout_secs(staff: bool) -> i64 {
    if staff {
        STAFF_IDLE_TIMEOUT_SECS
    } else {
        IDLE_TIMEOUT_SECS
    }
}

/// Starts a session for `actor` (a victim's covers `case_id`, the case they signed in
/// with; staff sessions cover none). Returns the token for the cookie; it is not stored.
pub async fn create(
    conn: &mut Conn<'_>,
    actor: &Actor,
    case_id: Option<&str>,
    now: i64,
) -> anyhow::Result<String> {
    let token = secrets::new_session_token()?;
    let id = uuid::Uuid::new_v4().to_string();
    query(
        "INSERT INTO sessions (id, token_hash, role, subject_id, case_id, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(&id)
    .bind(secrets::token_hash(&token))
    .bind(enum_text(&actor.kind)?)
    .bind(&actor.id)
    .bind(case_id)
    .bind(now)
    .execute(conn)
    .await?;
    tracing::info!(session_id = %id, case_id, "session started");
    Ok(token)
}

/// The live session for `token`, refreshing its `last_seen_at`; `None` if there is none or
/// it has expired (an expired session is ended on the way).
pub async fn find_live(
    conn: &mut Conn<'_>,
    token: &str,
    now: i64,
) -> sqlx::Result<Option<SessionRow>> {
    let hash = secrets::token_hash(token);
    type Row = (
        String,
        String,
        String,
        i64,
        i64,
        Option<String>,
        Option<String>,
    );
    let row: Option<Row> = query(FIND_LIVE_SQL)
        .bind(&hash)
        .bind(now)
        .fetch_optional(conn)
        .await?;
    let Some((id, role, subject_id, created_at, last_seen_at, case_id, crime_reference)) = row
    else {
        return Ok(None);
    };
    let kind = enum_from_text::<ActorKind>(&role).ok();
    // A role the code does not know gets the shorter timeout.
    let staff = kind.is_none_or(ActorKind::is_staff);
    if now - last_seen_at >= idle_timeout_secs(staff) || now - created_at >= ABSOLUTE_LIMIT_SECS {
        query("UPDATE sessions SET ended_at = $1 WHERE id = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(&id)
            .execute(conn)
            .await?;
        tracing::info!(session_id = %id, "session expired");
        return Ok(None);
    }
    if now - last_seen_at > TOUCH_AFTER_SECS {
        query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2")
            .bind(now)
            .bind(&id)
            .execute(conn)
            .await?;
    }
    let signed_in_case = case_id
        .zip(crime_reference)
        .map(|(case_id, crime_reference)| SignedInCase {
            case_id,
            crime_reference,
        });
    Ok(Some(SessionRow {
        id,
        kind,
        subject_id,
        signed_in_case,
    }))
}

/// Ends the session for `token`, if any. Returns whether one was live.
pub async fn end(db: &Db, token: &str, now: i64) -> sqlx::Result<bool> {
    end_in(&mut db.conn(), token, now).await
}

/// `end`, on a connection (e.g. inside the transaction that signs someone in).
pub async fn end_in(conn: &mut Conn<'_>, token: &str, now: i64) -> sqlx::Result<bool> {
    let done =
        query("UPDATE sessions SET ended_at = $1 WHERE token_hash = $2 AND ended_at IS NULL")
            .bind(now)
            .bind(secrets::token_hash(token))
            .execute(conn)
            .await?;
    Ok(done > 0)
}

/// Ends every live session of `actor`'s kind and id (e.g. when a staff account is
/// disabled, so nobody stays signed in on it). An index lookup on `(role, subject_id)`.
/// Returns how many were live.
pub async fn end_all_for(conn: &mut Conn<'_>, actor: &Actor, now: i64) -> anyhow::Result<u64> {
    let done = query(
        "UPDATE sessions SET ended_at = $1
         WHERE role = $2 AND subject_id = $3 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(enum_text(&actor.kind)?)
    .bind(&actor.id)
    .execute(conn)
    .await?;
    Ok(done)
}

/// Ends every live session of the victim `victim_id` except the one whose cookie token is
/// `keep_token` (the caller's, when it is one of them), e.g. when the place their sign-in
/// codes go changes: whoever was signed in elsewhere must prove themselves again.
/// Returns how many ended.
pub async fn end_victim_sessions_except(
    conn: &mut Conn<'_>,
    victim_id: &str,
    keep_token: Option<&str>,
    now: i64,
) -> anyhow::Result<u64> {
    // A hash no token has when there is none to keep, so one statement serves both.
    let keep_hash = keep_token.map(secrets::token_hash).unwrap_or_default();
    let done = query(
        "UPDATE sessions SET ended_at = $1
         WHERE role = $2 AND subject_id = $3 AND ended_at IS NULL AND token_hash <> $4",
    )
    .bind(now)
    .bind(enum_text(&ActorKind::Victim)?)
    .bind(victim_id)
    .bind(keep_hash)
    .execute(conn)
    .await?;
    Ok(done)
}

/// Ends every live session of supporter `supporter_id` because their access ended, so
/// their next request says so. Returns how many ended.
pub async fn end_supporter_sessions(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    now: i64,
) -> anyhow::Result<u64> {
    let done = query(
        "UPDATE sessions SET ended_at = $1, ended_because = $2
         WHERE role = $3 AND subject_id = $4 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(ACCESS_ENDED)
    .bind(enum_text(&ActorKind::Supporter)?)
    .bind(supporter_id)
    .execute(conn)
    .await?;
    Ok(done)
}

/// Whether the session for `token` was ended because its supporter's access ended.
pub async fn ended_for_access(conn: &mut Conn<'_>, token: &str) -> sqlx::Result<bool> {
    let found: Option<(String,)> =
        query("SELECT id FROM sessions WHERE token_hash = $1 AND ended_because = $2")
            .bind(secrets::token_hash(token))
            .bind(ACCESS_ENDED)
            .fetch_optional(conn)
            .await?;
    Ok(found.is_some())
}
