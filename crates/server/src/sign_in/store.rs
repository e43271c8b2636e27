//! Sign-in codes in the database: who a reference belongs to, and storing, spending and
//! using up codes (only ever their salted hashes).

use crate::platform::db::{query, Conn};

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

/// Codes issued for a case since `since`.
pub async fn count_since(conn: &mut Conn<'_>, case_id: &str, since: i64) -> sqlx::Result<i64> {
    let (count,): (i64,) =
        query("SELECT COUNT(*) FROM sign_in_codes WHERE case_id = $1 AND created_at > $2")
            .bind(case_id)
            .bind(since)
            .fetch_one(conn)
            .await?;
    Ok(count)
}

/// A new code for a case replaces any live one: the live ones are invalidated, then it is
/// stored (salt and hash only). Returns its id.
pub async fn replace_live_code(
    conn: &mut Conn<'_>,
    case_id: &str,
    salt: &str,
    hash: &str,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<String> {
    query(
        "UPDATE sign_in_codes SET invalidated_at = $1
         WHERE case_id = $2 AND used_at IS NULL AND invalidated_at IS NULL",
    )
    .bind(now)
    .bind(case_id)
    .execute(conn)
    .await?;
    let code_id = uuid::Uuid::new_v4().to_string();
    query(
        "INSERT INTO sign_in_codes (id, case_id, salt, code_hash, created_at, expires_at, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(&code_id)
    .bind(case_id)
    .bind(salt)
    .bind(hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(code_id)
}

/// The case's newest live code: (id, salt, hash).
pub async fn live_code(
    conn: &mut Conn<'_>,
    case_id: &str,
) -> sqlx::Result<Option<(String, String, String)>> {
    query(
        "SELECT id, salt, code_hash FROM sign_in_codes
         WHERE case_id = $1 AND used_at IS NULL AND invalidated_at IS NULL
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(case_id)
    .fetch_optional(conn)
    .await
}

/// Spends one try of a code, in one conditional update so parallel guesses cannot share a
/// try even where the database does not serialise these transactions. `false` when the
/// code has expired or its tries are used up.
pub async fn spend_try(
    conn: &mut Conn<'_>,
    code_id: &str,
    max_tries: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let spent = query(
        "UPDATE sign_in_codes SET attempts = attempts + 1
         WHERE id = $1 AND attempts < $2 AND expires_at > $3",
    )
    .bind(code_id)
    .bind(max_tries)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(spent == 1)
}

/// Marks a code used; `false` if something else used it first.
pub async fn mark_used(conn: &mut Conn<'_>, code_id: &str, now: i64) -> sqlx::Result<bool> {
    let marked = query("UPDATE sign_in_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
        .bind(now)
        .bind(code_id)
        .execute(conn)
        .await?;
    Ok(marked == 1)
}
