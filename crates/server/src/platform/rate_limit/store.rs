//! The `rate_limits` table: one upsert per hit (the same SQL on SQLite and PostgreSQL:
//! `ON CONFLICT … DO UPDATE … RETURNING`), a read, and pruning windows that have ended.

use crate::platform::db::{query, Conn};

/// Adds one hit to the window's row (creating it) and returns the window's hits.
pub(super) async fn add_hit(
    conn: &mut Conn<'_>,
    scope: &str,
    key_hash: &str,
    window_start: i64,
    expires_at: i64,
) -> sqlx::Result<i64> {
    let (hits,): (i64,) = query(
        "INSERT INTO rate_limits (scope, key, window_start, hits, expires_at)
         VALUES ($1, $2, $3, 1, $4)
         ON CONFLICT (scope, key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
         RETURNING hits",
    )
    .bind(scope)
    .bind(key_hash)
    .bind(window_start)
    .bind(expires_at)
    .fetch_one(conn)
    .await?;
    Ok(hits)
}

/// The window's hits so far (0 if none).
pub(super) async fn hits(
    conn: &mut Conn<'_>,
    scope: &str,
    key_hash: &str,
    window_start: i64,
) -> sqlx::Result<i64> {
    let row: Option<(i64,)> =
        query("SELECT hits FROM rate_limits WHERE scope = $1 AND key = $2 AND window_start = $3")
            .bind(scope)
            .bind(key_hash)
            .bind(window_start)
            .fetch_optional(conn)
            .await?;
    Ok(row.map_or(0, |(hits,)| hits))
}

/// Deletes the rows of windows that ended by `now`; returns how many.
pub async fn prune_expired(conn: &mut Conn<'_>, now: i64) -> sqlx::Result<u64> {
    query("DELETE FROM rate_limits WHERE expires_at <= $1")
        .bind(now)
        .execute(conn)
        .await
}
