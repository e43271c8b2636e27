//! Sign-in in the database: who a reference belongs to; storing and using up codes (only
//! ever their salted hashes); the queue of code requests; and officers' alerts.

use crate::platform::db::{query, query_per_engine, Conn, PerEngine};

/// The case and victim behind a reference typed at sign-in.
pub(crate) const SIGN_IN_TARGET_SQL: &str =
    "SELECT c.id, v.id, v.contact_method, v.phone, v.email, v.language
     FROM cases c JOIN victims v ON v.id = c.victim_id
     WHERE c.crime_reference = $1";

/// A reference's case and victim as stored.
pub struct TargetRow {
    pub case_id: String,
    pub victim_id: String,
    /// `ContactMethod`'s stored name.
    pub contact_method: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    /// IETF tag.
    pub language: String,
}

type TargetTuple = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

pub async fn find_target(conn: &mut Conn<'_>, reference: &str) -> sqlx::Result<Option<TargetRow>> {
    let row: Option<TargetTuple> = query(SIGN_IN_TARGET_SQL)
        .bind(reference)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(
        |(case_id, victim_id, contact_method, phone, email, language)| TargetRow {
            case_id,
            victim_id,
            contact_method,
            phone,
            email,
            language,
        },
    ))
}

/// Where one kind of one-time sign-in code is kept: its table and the column naming whom
/// it is for. Victims' codes are per case, supporters' per supporter; both tables have the
/// same code columns, so one set of statements serves both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeTable {
    pub table: &'static str,
    pub owner: &'static str,
}

/// A victim's codes, one live per case.
pub const CASE_CODES: CodeTable = CodeTable {
    table: "sign_in_codes",
    owner: "case_id",
};
/// A supporter's codes, one live per supporter.
pub const SUPPORTER_CODES: CodeTable = CodeTable {
    table: "supporter_codes",
    owner: "supporter_id",
};

/// Codes issued for `owner` since `since`.
pub async fn count_since(
    conn: &mut Conn<'_>,
    codes: CodeTable,
    owner: &str,
    since: i64,
) -> sqlx::Result<i64> {
    let sql = format!(
        "SELECT COUNT(*) FROM {} WHERE {} = $1 AND created_at > $2",
        codes.table, codes.owner
    );
    let (count,): (i64,) = query(&sql).bind(owner).bind(since).fetch_one(conn).await?;
    Ok(count)
}

/// A new code for `owner` replaces any live one: the live ones are invalidated, then it is
/// stored (salt and hash only). Returns its id.
pub async fn replace_live_code(
    conn: &mut Conn<'_>,
    codes: CodeTable,
    owner: &str,
    (salt, hash): (&str, &str),
    now: i64,
    expires_at: i64,
) -> sqlx::Result<String> {
    let (table, column) = (codes.table, codes.owner);
    query(&format!(
        "UPDATE {table} SET invalidated_at = $1
         WHERE {column} = $2 AND used_at IS NULL AND invalidated_at IS NULL"
    ))
    .bind(now)
    .bind(owner)
    .execute(&mut *conn)
    .await?;
    let code_id = uuid::Uuid::new_v4().to_string();
    query(&format!(
        "INSERT INTO {table} (id, {column}, salt, code_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)"
    ))
    .bind(&code_id)
    .bind(owner)
    .bind(salt)
    .bind(hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(code_id)
}

/// An owner's newest code that is neither used nor replaced (it may have expired).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveCode {
    pub id: String,
    pub salt: String,
    pub hash: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub async fn live_code(
    conn: &mut Conn<'_>,
    codes: CodeTable,
    owner: &str,
) -> sqlx::Result<Option<LiveCode>> {
    let sql = format!(
        "SELECT id, salt, code_hash, created_at, expires_at FROM {}
         WHERE {} = $1 AND used_at IS NULL AND invalidated_at IS NULL
         ORDER BY created_at DESC LIMIT 1",
        codes.table, codes.owner
    );
    let row: Option<(String, String, String, i64, i64)> =
        query(&sql).bind(owner).fetch_optional(conn).await?;
    Ok(
        row.map(|(id, salt, hash, created_at, expires_at)| LiveCode {
            id,
            salt,
            hash,
            created_at,
            expires_at,
        }),
    )
}

/// Marks a code used; `false` if something else used it first.
pub async fn mark_used(
    conn: &mut Conn<'_>,
    codes: CodeTable,
    code_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let sql = format!(
        "UPDATE {} SET used_at = $1 WHERE id = $2 AND used_at IS NULL",
        codes.table
    );
    let marked = query(&sql).bind(now).bind(code_id).execute(conn).await?;
    Ok(marked == 1)
}

/// Queues a "send me a code" request for the sign-in worker.
pub async fn queue_request(conn: &mut Conn<'_>, reference: &str, now: i64) -> sqlx::Result<()> {
    query("INSERT INTO sign_in_requests (id, crime_reference, requested_at) VALUES ($1, $2, $3)")
        .bind(uuid::Uuid::new_v4().to_string())
        .bind(reference)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The oldest queued request: (id, reference). On PostgreSQL it is locked for this
/// transaction and skipped by other servers' workers meanwhile; SQLite's one writer
/// already keeps workers apart.
const NEXT_REQUEST: PerEngine = PerEngine {
    sqlite: "SELECT id, crime_reference FROM sign_in_requests ORDER BY requested_at, id LIMIT 1",
    postgres: "SELECT id, crime_reference FROM sign_in_requests ORDER BY requested_at, id
               LIMIT 1 FOR UPDATE SKIP LOCKED",
};

pub async fn next_request(conn: &mut Conn<'_>) -> sqlx::Result<Option<(String, String)>> {
    query_per_engine(NEXT_REQUEST).fetch_optional(conn).await
}

/// Deletes an answered (or unanswerable) request.
pub async fn delete_request(conn: &mut Conn<'_>, id: &str) -> sqlx::Result<()> {
    query("DELETE FROM sign_in_requests WHERE id = $1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Requests still waiting for the worker.
pub async fn queued_requests(conn: &mut Conn<'_>) -> sqlx::Result<i64> {
    let (count,): (i64,) = query("SELECT COUNT(*) FROM sign_in_requests")
        .fetch_one(conn)
        .await?;
    Ok(count)
}

/// Records that sign-in by code is blocked for a case until `blocked_until`, for its
/// officer to see. `kind` is `"day"` or `"year"` (which cap was reached).
pub async fn raise_alert(
    conn: &mut Conn<'_>,
    case_id: &str,
    kind: &str,
    now: i64,
    blocked_until: i64,
) -> sqlx::Result<()> {
    query(
        "INSERT INTO sign_in_alerts (id, case_id, kind, created_at, blocked_until)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(case_id)
    .bind(kind)
    .bind(now)
    .bind(blocked_until)
    .execute(conn)
    .await?;
    Ok(())
}

/// Invalidates every live code of the victim's cases (when their sign-in channel changes).
pub async fn invalidate_victims_live_codes(
    conn: &mut Conn<'_>,
    victim_id: &str,
    now: i64,
) -> sqlx::Result<u64> {
    query(
        "UPDATE sign_in_codes SET invalidated_at = $1
         WHERE used_at IS NULL AND invalidated_at IS NULL
           AND case_id IN (SELECT id FROM cases WHERE victim_id = $2)",
    )
    .bind(now)
    .bind(victim_id)
    .execute(conn)
    .await
}
