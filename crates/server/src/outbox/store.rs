//! The outbox table: queueing a message, and the newest ones for demo mode.

use shared::api::OutboxMessage;

use super::Channel;
use crate::platform::db::{query, Conn, Db};
use crate::platform::stored::{enum_text, rfc3339};

/// Queues a message. Its id is a UUID v7, so ids sort in queueing order. A message that
/// shows a sign-in code names it (`sign_in_code_id`), so retention can blank the body once
/// the code is no use.
pub async fn queue(
    conn: &mut Conn<'_>,
    channel: Channel,
    recipient: &str,
    body: &str,
    sign_in_code_id: Option<&str>,
    now: i64,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    let channel_text = enum_text(&channel)?;
    query(
        "INSERT INTO outbox (id, channel, recipient, body, sign_in_code_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&id)
    .bind(&channel_text)
    .bind(recipient)
    .bind(body)
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
    recipient: Option<&str>,
    limit: i64,
) -> anyhow::Result<Vec<OutboxMessage>> {
    // Two fixed statements rather than `$1 IS NULL OR ...`, which PostgreSQL cannot type.
    let rows: Vec<(String, String, String, String, i64)> = match recipient {
        Some(recipient) => {
            query(
                "SELECT id, channel, recipient, body, created_at FROM outbox
                 WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(recipient)
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
            Ok(OutboxMessage {
                id,
                channel,
                recipient,
                body,
                created_at,
            })
        })
        .collect()
}
