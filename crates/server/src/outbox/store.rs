//! The outbox table: queueing a message, and the newest ones for demo mode (a case
//! update not yet sent has no recipient or body, so demo mode leaves it out). The recipient
//! and the body (which may carry a sign-in code) are sealed; `recipient_index` is the
//! recipient's blind index, so demo mode can still find messages by recipient.

use shared::api::OutboxMessage;

use super::{Channel, Kind, BLANKED_BODY};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn, Db};
use crate::platform::sealed::{OUTBOX_BODY, OUTBOX_RECIPIENT};
use crate::platform::stored::{enum_from_text, enum_text, rfc3339};

/// A message to queue: what it is for, where it goes and what it says (sealed when
/// stored), and whose it is.
pub struct NewMessage<'a> {
    pub kind: Kind,
    pub channel: Channel,
    pub recipient: &'a str,
    pub body: &'a str,
    pub victim_id: &'a str,
    pub case_id: Option<&'a str>,
    /// The code a `sign_in_code` message shows, so retention can blank the body once the
    /// code is no use and the worker can drop it unsent.
    pub sign_in_code_id: Option<&'a str>,
    /// The change a `contact_change_code` message confirms.
    pub contact_change_id: Option<&'a str>,
    /// The invitation a `supporter_invitation` message carries.
    pub supporter_invitation_id: Option<&'a str>,
    /// The code a `supporter_sign_in_code` message shows.
    pub supporter_code_id: Option<&'a str>,
}

/// Queues a message, due at once (the worker holds it for a safe window if its kind
/// needs one). Its id is a UUID v7, so ids sort in queueing order.
pub async fn queue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    message: &NewMessage<'_>,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let channel_text = enum_text(&message.channel)?;
    let kind_text = enum_text(&message.kind)?;
    query(
        "INSERT INTO outbox (id, kind, channel, recipient, recipient_index, body,
                             sign_in_code_id, contact_change_id, victim_id, case_id,
                             created_at, due_at, status_at, supporter_invitation_id,
                             supporter_code_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $11, $12, $13)",
    )
    .bind(&id)
    .bind(&kind_text)
    .bind(&channel_text)
    .bind(keys.seal(OUTBOX_RECIPIENT, message.recipient)?)
    .bind(keys.blind_index(OUTBOX_RECIPIENT, message.recipient))
    .bind(keys.seal(OUTBOX_BODY, message.body)?)
    .bind(message.sign_in_code_id)
    .bind(message.contact_change_id)
    .bind(message.victim_id)
    .bind(message.case_id)
    .bind(now)
    .bind(message.supporter_invitation_id)
    .bind(message.supporter_code_id)
    .execute(conn)
    .await?;
    tracing::info!(outbox_id = %id, kind = %kind_text, channel = %channel_text, "message queued");
    Ok(id)
}

/// Queues "you have a new update" about `case_update_id`. Nothing about where it goes or
/// what it says is stored: the worker works both out from the victim's preferences when
/// it sends, so a method they have since marked unsafe is never used. Until then its
/// channel, recipient and body are empty.
pub async fn queue_case_update(
    conn: &mut Conn<'_>,
    victim_id: &str,
    case_id: &str,
    case_update_id: &str,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    query(
        "INSERT INTO outbox (id, kind, channel, recipient, body, victim_id, case_id,
                             case_update_id, created_at, due_at, status_at)
         VALUES ($1, 'case_update', '', '', '', $2, $3, $4, $5, $5, $5)",
    )
    .bind(&id)
    .bind(victim_id)
    .bind(case_id)
    .bind(case_update_id)
    .bind(now)
    .execute(conn)
    .await?;
    tracing::info!(outbox_id = %id, case_id, "case update message queued");
    Ok(id)
}

/// The newest `limit` messages, newest first, optionally for one recipient.
pub async fn latest(
    db: &Db,
    keys: &DataKeys,
    recipient: Option<&str>,
    limit: i64,
) -> anyhow::Result<Vec<OutboxMessage>> {
    // Two fixed statements rather than `$1 IS NULL OR ...`, which PostgreSQL cannot type.
    let rows: Vec<(String, String, String, String, i64, String)> = match recipient {
        Some(recipient) => {
            query(
                "SELECT id, channel, recipient, body, created_at, status FROM outbox
                 WHERE recipient_index = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(keys.blind_index(OUTBOX_RECIPIENT, recipient))
            .bind(limit)
            .fetch_all(&mut db.conn())
            .await?
        }
        None => {
            query(
                "SELECT id, channel, recipient, body, created_at, status FROM outbox
                 WHERE recipient <> '' ORDER BY created_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(&mut db.conn())
            .await?
        }
    };
    rows.into_iter()
        .map(|(id, channel, recipient, body, created_at, status)| {
            let created_at = rfc3339(created_at)?;
            // Retention replaces a spent code's message with a fixed notice, left plain.
            let body = if body == BLANKED_BODY {
                body
            } else {
                keys.open(OUTBOX_BODY, &body)?
            };
            Ok(OutboxMessage {
                id,
                channel,
                recipient: keys.open(OUTBOX_RECIPIENT, &recipient)?,
                body,
                created_at,
                status: enum_from_text(&status)?,
            })
        })
        .collect()
}
