//! Demo mode's one undelivered message, so an officer trying the staff app sees what a
//! failed message looks like: a letter about an update of the South team's letter case
//! that could not be delivered ("We could not reach the victim by letter"). Loaded by
//! `run` with the demo cases, not by `load_if_empty`, so the API tests' demo cases start
//! with an empty outbox.

use crate::delivery;
use crate::outbox::{self, Channel};
use crate::platform::db::{query, Db};

/// The demo case whose update letter failed: its victim chose letters, and the South
/// officer works it (no browser test signs in as this victim).
pub const UNDELIVERED_CASE: &str = "CR/100005/25";

/// Queues "you have a new update" about the newest update of `UNDELIVERED_CASE` and
/// records it as a letter that could not be delivered. Does nothing if the case is gone.
pub async fn insert_undelivered_letter(db: &Db, now: i64) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let found: Option<(String, String, Option<String>)> = query(
        "SELECT c.id, c.victim_id,
                (SELECT u.id FROM case_updates u WHERE u.case_id = c.id
                 ORDER BY u.created_at DESC, u.id DESC LIMIT 1)
         FROM cases c WHERE c.crime_reference = $1",
    )
    .bind(UNDELIVERED_CASE)
    .fetch_optional(&mut tx.conn())
    .await?;
    let Some((case_id, victim_id, Some(update_id))) = found else {
        return Ok(());
    };
    let id =
        outbox::queue_case_update(&mut tx.conn(), &victim_id, &case_id, &update_id, now).await?;
    delivery::store::mark_undelivered(
        &mut tx.conn(),
        &id,
        Channel::Letter,
        "the address could not be used",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
