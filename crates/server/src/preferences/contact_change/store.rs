//! Pending contact changes in the database (`contact_changes`): storing one with its
//! hashed code, finding the live one, spending tries, and closing it (confirmed or
//! cancelled). A change is live while it is neither confirmed nor cancelled; whether it
//! has expired is checked where a try is spent. What the change sets (phone, email) and
//! where its code went are sealed (`platform::sealed`); the code's hash is keyed.

use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::{CONTACT_CHANGE_RECIPIENT, CONTACT_CHANGE_REQUESTED};

/// A change as `insert` stores it.
pub struct NewChange<'a> {
    pub victim_id: &'a str,
    /// JSON of the `ContactRoute` waiting for confirmation.
    pub requested: &'a str,
    /// `Channel`'s stored name.
    pub code_channel: &'a str,
    pub code_recipient: &'a str,
    pub salt: &'a str,
    pub code_hash: &'a str,
    pub now: i64,
    pub expires_at: i64,
}

/// The victim's live change, opened.
pub struct LiveChange {
    pub id: String,
    pub requested: String,
    pub code_channel: String,
    pub code_recipient: String,
    pub salt: String,
    pub code_hash: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub attempts: i64,
}

type LiveTuple = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
);

/// The victim's newest live change, if any (there is at most one: `insert` callers cancel
/// the others first).
pub async fn live(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
) -> anyhow::Result<Option<LiveChange>> {
    let row: Option<LiveTuple> = query(
        "SELECT id, requested, code_channel, code_recipient, salt, code_hash, created_at,
                expires_at, attempts
         FROM contact_changes
         WHERE victim_id = $1 AND confirmed_at IS NULL AND cancelled_at IS NULL
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(victim_id)
    .fetch_optional(conn)
    .await?;
    row.map(
        |(
            id,
            requested,
            code_channel,
            code_recipient,
            salt,
            code_hash,
            created_at,
            expires_at,
            attempts,
        )| {
            Ok(LiveChange {
                id,
                requested: keys.open(CONTACT_CHANGE_REQUESTED, &requested)?,
                code_channel,
                code_recipient: keys.open(CONTACT_CHANGE_RECIPIENT, &code_recipient)?,
                salt,
                code_hash,
                created_at,
                expires_at,
                attempts,
            })
        },
    )
    .transpose()
}

/// Confirmation codes sent to the victim since `since` (for the hourly limit).
pub async fn count_since(conn: &mut Conn<'_>, victim_id: &str, since: i64) -> sqlx::Result<i64> {
    let (count,): (i64,) =
        query("SELECT COUNT(*) FROM contact_changes WHERE victim_id = $1 AND created_at > $2")
            .bind(victim_id)
            .bind(since)
            .fetch_one(conn)
            .await?;
    Ok(count)
}

/// Cancels every live change of the victim (a later save replaces them).
pub async fn cancel_live(conn: &mut Conn<'_>, victim_id: &str, now: i64) -> sqlx::Result<u64> {
    query(
        "UPDATE contact_changes SET cancelled_at = $1
         WHERE victim_id = $2 AND confirmed_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(victim_id)
    .execute(conn)
    .await
}

/// Stores a new change; returns its id.
pub async fn insert(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    change: NewChange<'_>,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    query(
        "INSERT INTO contact_changes (id, victim_id, requested, code_channel, code_recipient,
                salt, code_hash, created_at, expires_at, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0)",
    )
    .bind(&id)
    .bind(change.victim_id)
    .bind(keys.seal(CONTACT_CHANGE_REQUESTED, change.requested)?)
    .bind(change.code_channel)
    .bind(keys.seal(CONTACT_CHANGE_RECIPIENT, change.code_recipient)?)
    .bind(change.salt)
    .bind(change.code_hash)
    .bind(change.now)
    .bind(change.expires_at)
    .execute(conn)
    .await?;
    Ok(id)
}

/// Replaces what a live change will set (the same code, asked for again within a minute
/// with other choices alongside).
pub async fn update_requested(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    id: &str,
    requested: &str,
) -> anyhow::Result<()> {
    query("UPDATE contact_changes SET requested = $1 WHERE id = $2")
        .bind(keys.seal(CONTACT_CHANGE_REQUESTED, requested)?)
        .bind(id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Spends one try, in one conditional update (as sign-in codes do). `false` when the
/// change has expired or its tries are used up.
pub async fn spend_try(
    conn: &mut Conn<'_>,
    id: &str,
    max_tries: i64,
    now: i64,
) -> sqlx::Result<bool> {
    let spent = query(
        "UPDATE contact_changes SET attempts = attempts + 1
         WHERE id = $1 AND attempts < $2 AND expires_at > $3 AND confirmed_at IS NULL",
    )
    .bind(id)
    .bind(max_tries)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(spent == 1)
}

/// Marks a change confirmed; `false` if something else closed it first.
pub async fn mark_confirmed(conn: &mut Conn<'_>, id: &str, now: i64) -> sqlx::Result<bool> {
    let marked = query(
        "UPDATE contact_changes SET confirmed_at = $1
         WHERE id = $2 AND confirmed_at IS NULL AND cancelled_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .execute(conn)
    .await?;
    Ok(marked == 1)
}
