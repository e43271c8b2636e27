//! What the rules read at send time: is the code still live, is the change still pending,
//! who is the victim; and which cases a message is about (for its audit rows).

use crate::access::CaseAccess;
use crate::platform::db::{query, Conn};

/// Whether a sign-in code can still be used (not used, replaced or expired).
pub async fn sign_in_code_live(conn: &mut Conn<'_>, code_id: &str, now: i64) -> sqlx::Result<bool> {
    finds_a_row(
        conn,
        "SELECT id FROM sign_in_codes
         WHERE id = $1 AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > $2",
        code_id,
        now,
    )
    .await
}

/// Whether a supporter's sign-in code can still be used.
pub async fn supporter_code_live(
    conn: &mut Conn<'_>,
    code_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    finds_a_row(
        conn,
        "SELECT id FROM supporter_codes
         WHERE id = $1 AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > $2",
        code_id,
        now,
    )
    .await
}

/// Whether an invitation can still be accepted (unused, not replaced or withdrawn, not
/// expired).
pub async fn supporter_invitation_live(
    conn: &mut Conn<'_>,
    invitation_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    finds_a_row(
        conn,
        "SELECT id FROM supporter_invitations
         WHERE id = $1 AND used_at IS NULL AND invalidated_at IS NULL AND expires_at > $2",
        invitation_id,
        now,
    )
    .await
}

/// Whether a contact change still waits for its code (not confirmed, cancelled or expired).
pub async fn contact_change_pending(
    conn: &mut Conn<'_>,
    change_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    finds_a_row(
        conn,
        "SELECT id FROM contact_changes
         WHERE id = $1 AND confirmed_at IS NULL AND cancelled_at IS NULL AND expires_at > $2",
        change_id,
        now,
    )
    .await
}

/// Whether `sql`, given an id (`$1`) and the time (`$2`), finds a row.
async fn finds_a_row(conn: &mut Conn<'_>, sql: &str, id: &str, now: i64) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(sql).bind(id).bind(now).fetch_optional(conn).await?;
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

/// The cases a message is about, with their victim: its own case, or, for a message about
/// the victim rather than a case (a contact change's code or notice), each of the victim's
/// cases. None for a message that names no victim.
pub async fn message_cases(conn: &mut Conn<'_>, outbox_id: &str) -> sqlx::Result<Vec<CaseAccess>> {
    let rows: Vec<(String, String)> = query(
        "SELECT c.id, c.victim_id FROM outbox o JOIN cases c ON c.id = o.case_id
         WHERE o.id = $1
         UNION
         SELECT c.id, c.victim_id FROM outbox o JOIN cases c ON c.victim_id = o.victim_id
         WHERE o.id = $1 AND o.case_id IS NULL",
    )
    .bind(outbox_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(case_id, victim_id)| CaseAccess { case_id, victim_id })
        .collect())
}
