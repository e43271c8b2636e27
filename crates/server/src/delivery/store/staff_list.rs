//! The officer's list of a case's messages: no recipient, no body.

use crate::platform::db::{query, Conn};

/// One line of the officer's list: no recipient, no body.
#[derive(Debug, Clone)]
pub struct CaseMessage {
    pub id: String,
    pub kind: String,
    pub channel: String,
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub delivered_at: Option<i64>,
    pub provider: Option<String>,
    pub failure_reason: Option<String>,
    pub case_update_id: Option<String>,
    /// The told update's title and Victims' Code deadline, for a case update message.
    pub update_title: Option<String>,
    pub vcop_deadline: Option<String>,
}

/// A case's messages, newest first, each with the update it told the victim about (if
/// any): `$1` case id, `$2` limit.
pub(crate) const CASE_MESSAGES_SQL: &str =
    "SELECT o.id, o.kind, o.channel, o.status, o.created_at, o.sent_at, o.delivered_at,
            o.provider, o.failure_reason, o.case_update_id, u.title, u.vcop_deadline
     FROM outbox o LEFT JOIN case_updates u ON u.id = o.case_update_id
     WHERE o.case_id = $1 ORDER BY o.created_at DESC, o.id DESC LIMIT $2";

/// A case's messages, newest first, at most `limit`.
pub async fn case_messages(
    conn: &mut Conn<'_>,
    case_id: &str,
    limit: i64,
) -> sqlx::Result<Vec<CaseMessage>> {
    type Row = (
        String,
        String,
        String,
        String,
        i64,
        Option<i64>,
        Option<i64>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
        Option<String>,
    );
    let rows: Vec<Row> = query(CASE_MESSAGES_SQL)
        .bind(case_id)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                kind,
                channel,
                status,
                created_at,
                sent_at,
                delivered_at,
                provider,
                failure_reason,
                case_update_id,
                update_title,
                vcop_deadline,
            )| {
                CaseMessage {
                    id,
                    kind,
                    channel,
                    status,
                    created_at,
                    sent_at,
                    delivered_at,
                    provider,
                    failure_reason,
                    case_update_id,
                    update_title,
                    vcop_deadline,
                }
            },
        )
        .collect())
}
