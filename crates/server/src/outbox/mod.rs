//! The outbox: text messages and emails queued for sending. No provider is connected yet,
//! so messages wait here; demo mode lists them at `GET /api/dev/outbox`.

use shared::api::OutboxMessage;
use sqlx::{SqliteConnection, SqlitePool};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Sms,
    Email,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sms => "sms",
            Self::Email => "email",
        }
    }
}

/// Queues a message. Its id is a UUID v7, so ids sort in queueing order.
pub async fn queue(
    conn: &mut SqliteConnection,
    channel: Channel,
    recipient: &str,
    body: &str,
    now: i64,
) -> sqlx::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    sqlx::query(
        "INSERT INTO outbox (id, channel, recipient, body, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(&id)
    .bind(channel.as_str())
    .bind(recipient)
    .bind(body)
    .bind(now)
    .execute(conn)
    .await?;
    tracing::info!(outbox_id = %id, channel = channel.as_str(), "message queued");
    Ok(id)
}

/// The newest `limit` messages, newest first, optionally for one recipient.
pub async fn latest(
    db: &SqlitePool,
    recipient: Option<&str>,
    limit: i64,
) -> anyhow::Result<Vec<OutboxMessage>> {
    // Two fixed statements rather than `$1 IS NULL OR ...`, which PostgreSQL cannot type.
    let rows: Vec<(String, String, String, String, i64)> = match recipient {
        Some(recipient) => {
            sqlx::query_as(
                "SELECT id, channel, recipient, body, created_at FROM outbox
                 WHERE recipient = $1 ORDER BY created_at DESC, id DESC LIMIT $2",
            )
            .bind(recipient)
            .bind(limit)
            .fetch_all(db)
            .await?
        }
        None => {
            sqlx::query_as(
                "SELECT id, channel, recipient, body, created_at FROM outbox
                 ORDER BY created_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(db)
            .await?
        }
    };
    rows.into_iter()
        .map(|(id, channel, recipient, body, created_at)| {
            let created_at = OffsetDateTime::from_unix_timestamp(created_at)?.format(&Rfc3339)?;
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
