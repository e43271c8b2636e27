//! Demo mode's one undelivered message, so an officer trying the staff app sees what a
//! failed message looks like: a letter about an update of the South team's letter
//! case that could not be delivered ("We could not reach the victim by letter").

use crate::delivery;
use crate::outbox::{self, Channel};
use crate::platform::db::Conn;

/// The demo case whose update letter failed: its victim chose letters, and the South
/// officer works it (no browser test signs in as this victim).
pub const UNDELIVERED_CASE: &str = "CR/100005/25";

/// Queues "you have a new update" about `case_update_id` and records it as a letter that
/// could not be delivered.
pub async fn insert_undelivered_letter(
    conn: &mut Conn<'_>,
    victim_id: &str,
    case_id: &str,
    case_update_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    let id = outbox::queue_case_update(conn, victim_id, case_id, case_update_id, now).await?;
    delivery::store::mark_undelivered(
        conn,
        &id,
        Channel::Letter,
        "the address could not be used",
        now,
    )
    .await
}
