//! The outbox table: queueing a message, and the newest ones for demo mode. The recipient
//! and the body (which may carry a sign-in code) are sealed; `recipient_index` is the
//! recipient's blind index, so demo mode can still find messages by recipient.

use shared::api::OutboxMessage;

use super::{Channel, BLANKED_BODY};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn, Db};
use crate::platform::sealed::{OUTBOX_BODY, OUTBOX_RECIPIENT};
use crate::platform::stored::{enum_text, rfc3339};

/// Queues a message. Its id is a UUID v7, so ids sort in queueing order. A message that
/// shows a sign-in code names it (`sign_in_code_id`), so retention can blank the body once
/// the code is no use.
pub async fn queue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    channel: Channel,
    recipient: &str,
    body: &str,
    sign_in_code_id: Option<&str>,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let channel_text = enum_text(&channel)?;
    query(
        "INSERT INTO outbox (id, channel, recipient, recipient_index, body, sign_in_code_id,
                             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(&id)
    .bind(&channel_text)
    .bind(keys.seal(OUTBOX_RECIPIENT, recipient)?)
    .bind(keys.blind_index(OUTBOX_RECIPIENT, recipient))
    .bind(keys.seal(OUTBOX_BODY, body)?)
    .bind(sign_in_code_id)
    .bind(now)
    .execute(conn)
    .await?;
    tracing::info!(outbox_id = %id, channel = %channel_text, "message queued");
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
    let rows: Vec<(String, String, String, String, i64)> = match recipient {
        Some(recipient) => {
            query(
                "SELECT id, channel, recipient, body, created_at FROM outbox
                 WHERE recipient_index = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(keys.blind_index(OUTBOX_RECIPIENT, recipient))
            .bind(limit)
            .fetch_all(&mut db.conn())
            .await?
        }
        None => {
            query(
                "SELECT id, channel, recipient, body, created_at FROM outbox
                 ORDER BY created_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(&mut db.conn())
            .await?
        }
    };
    rows.into_iter()
        .map(|(id, channel, recipient, body, created_at)| {
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
            })
        })
        .collect()
}
