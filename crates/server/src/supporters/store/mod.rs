//! Supporters in the database: the people, their grants and invitations, and the reads
//! the victim's list needs (`sign_in`: what a supporter's sign-in reads and writes).
//! Names, contacts and reasons arrive here sealed.

mod sign_in;

pub use sign_in::*;

use crate::platform::db::{query, Conn};

/// A supporter to store (name, contact and reason already sealed).
pub struct NewSupporter<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub victim_id: &'a str,
    pub name: &'a str,
    pub channel: &'a str,
    pub contact: &'a str,
    pub contact_index: &'a str,
    pub relationship: &'a str,
    pub language: &'a str,
    pub added_by_kind: &'a str,
    pub added_by_id: &'a str,
    pub reason: Option<&'a str>,
    /// The grant: capabilities (comma separated) until when.
    pub capabilities: &'a str,
    pub expires_at: i64,
    pub now: i64,
}

/// Stores the supporter and their grant.
pub async fn insert(conn: &mut Conn<'_>, new: &NewSupporter<'_>) -> sqlx::Result<()> {
    query(
        "INSERT INTO supporters (id, case_id, victim_id, name, channel, contact, contact_index,
                                 relationship, language, added_by_kind, added_by_id, reason,
                                 created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(new.id)
    .bind(new.case_id)
    .bind(new.victim_id)
    .bind(new.name)
    .bind(new.channel)
    .bind(new.contact)
    .bind(new.contact_index)
    .bind(new.relationship)
    .bind(new.language)
    .bind(new.added_by_kind)
    .bind(new.added_by_id)
    .bind(new.reason)
    .bind(new.now)
    .execute(&mut *conn)
    .await?;
    query(
        "INSERT INTO supporter_grants (id, case_id, supporter_id, capabilities, expires_at,
                                       created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(new.case_id)
    .bind(new.id)
    .bind(new.capabilities)
    .bind(new.expires_at)
    .bind(new.now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Stores an invitation (its token's hash) for `supporter_id`; returns its id.
pub async fn insert_invitation(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    token_hash: &str,
    now: i64,
    expires_at: i64,
) -> sqlx::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    query(
        "INSERT INTO supporter_invitations (id, supporter_id, token_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(supporter_id)
    .bind(token_hash)
    .bind(now)
    .bind(expires_at)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Whether someone with this contact already helps (not removed) on the case.
pub async fn helps_with_contact(
    conn: &mut Conn<'_>,
    case_id: &str,
    contact_index: &str,
) -> sqlx::Result<bool> {
    let found: Option<(String,)> = query(
        "SELECT id FROM supporters
         WHERE case_id = $1 AND contact_index = $2 AND removed_at IS NULL",
    )
    .bind(case_id)
    .bind(contact_index)
    .fetch_optional(conn)
    .await?;
    Ok(found.is_some())
}

/// A current supporter of a case as stored (sealed parts still sealed).
pub struct SupporterRow {
    pub id: String,
    pub name: String,
    pub relationship: String,
    pub channel: String,
    pub contact: String,
    pub capabilities: String,
    pub expires_at: i64,
    pub accepted_at: Option<i64>,
    pub last_signed_in_at: Option<i64>,
    pub added_by_kind: String,
    pub invitation_live: bool,
}

type SupporterTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    String,
    i64,
);

/// The case's supporters not removed, oldest first; `$2` now, for live invitations.
const LIST_SQL: &str = "SELECT s.id, s.name, s.relationship, s.channel, s.contact,
        g.capabilities, g.expires_at, s.accepted_at, s.last_signed_in_at, s.added_by_kind,
        (SELECT COUNT(*) FROM supporter_invitations i
         WHERE i.supporter_id = s.id AND i.used_at IS NULL AND i.invalidated_at IS NULL
           AND i.expires_at > $2)
     FROM supporters s JOIN supporter_grants g ON g.supporter_id = s.id
     WHERE s.case_id = $1 AND s.removed_at IS NULL
     ORDER BY s.created_at, s.id";

fn row(tuple: SupporterTuple) -> SupporterRow {
    let (
        id,
        name,
        relationship,
        channel,
        contact,
        capabilities,
        expires_at,
        accepted_at,
        last_signed_in_at,
        added_by_kind,
        live_invitations,
    ) = tuple;
    SupporterRow {
        id,
        name,
        relationship,
        channel,
        contact,
        capabilities,
        expires_at,
        accepted_at,
        last_signed_in_at,
        added_by_kind,
        invitation_live: live_invitations > 0,
    }
}

pub async fn list(conn: &mut Conn<'_>, case_id: &str, now: i64) -> sqlx::Result<Vec<SupporterRow>> {
    let rows: Vec<SupporterTuple> = query(LIST_SQL)
        .bind(case_id)
        .bind(now)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(row).collect())
}

/// What supporters of a case did, newest first: (supporter id, at, action), at most
/// `limit` rows (`audit_events_case_id_at`).
pub async fn activity(
    conn: &mut Conn<'_>,
    case_id: &str,
    limit: i64,
) -> sqlx::Result<Vec<(String, i64, String)>> {
    query(
        "SELECT actor_id, at, action FROM audit_events
         WHERE case_id = $1 AND actor_kind = 'supporter' AND actor_id IS NOT NULL
         ORDER BY at DESC, id DESC LIMIT $2",
    )
    .bind(case_id)
    .bind(limit)
    .fetch_all(conn)
    .await
}

/// A supporter of a case as a change finds them: who added them (`ActorKind`'s serde
/// name) and whether they were removed.
pub struct OnCase {
    pub added_by_kind: String,
    pub removed: bool,
}

impl OnCase {
    pub fn added_by_victim(&self) -> bool {
        self.added_by_kind == "victim"
    }
}

/// Supporter `supporter_id` if they are (or were) one of `case_id`'s.
pub async fn on_case(
    conn: &mut Conn<'_>,
    case_id: &str,
    supporter_id: &str,
) -> sqlx::Result<Option<OnCase>> {
    let found: Option<(String, Option<i64>)> =
        query("SELECT added_by_kind, removed_at FROM supporters WHERE id = $1 AND case_id = $2")
            .bind(supporter_id)
            .bind(case_id)
            .fetch_optional(conn)
            .await?;
    Ok(found.map(|(added_by_kind, removed_at)| OnCase {
        added_by_kind,
        removed: removed_at.is_some(),
    }))
}

/// Replaces what a supporter may do.
pub async fn set_capabilities(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    capabilities: &str,
) -> sqlx::Result<()> {
    query("UPDATE supporter_grants SET capabilities = $1 WHERE supporter_id = $2")
        .bind(capabilities)
        .bind(supporter_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Who removed a supporter, and why (an officer's reason, sealed).
pub struct Removal<'a> {
    pub by_kind: &'a str,
    pub by_id: &'a str,
    pub reason: Option<&'a str>,
    pub now: i64,
}

/// Removes a supporter: marks them removed, revokes their grant and invalidates their
/// invitations and codes. (Their sessions are ended by the caller, in the same
/// transaction.) `false` if they were already removed.
pub async fn remove(
    conn: &mut Conn<'_>,
    supporter_id: &str,
    removal: &Removal<'_>,
) -> sqlx::Result<bool> {
    let done = query(
        "UPDATE supporters SET removed_at = $1, removed_by_kind = $2, removed_by_id = $3,
                               removal_reason = $4
         WHERE id = $5 AND removed_at IS NULL",
    )
    .bind(removal.now)
    .bind(removal.by_kind)
    .bind(removal.by_id)
    .bind(removal.reason)
    .bind(supporter_id)
    .execute(&mut *conn)
    .await?;
    query("UPDATE supporter_grants SET revoked_at = $1 WHERE supporter_id = $2 AND revoked_at IS NULL")
        .bind(removal.now)
        .bind(supporter_id)
        .execute(&mut *conn)
        .await?;
    for table in ["supporter_invitations", "supporter_codes"] {
        query(&format!(
            "UPDATE {table} SET invalidated_at = $1
             WHERE supporter_id = $2 AND used_at IS NULL AND invalidated_at IS NULL"
        ))
        .bind(removal.now)
        .bind(supporter_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(done == 1)
}
