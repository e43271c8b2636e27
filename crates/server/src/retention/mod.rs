//! Retention: rows nobody needs any more are deleted on a schedule. Each server checks
//! every `--retention-interval-minutes` (10 by default); the first to find the purge due
//! runs it and records when (`retention_runs`), so several servers on one database purge
//! once per interval. It works in batches of a few hundred rows, a transaction each, and
//! every statement is idempotent, so a run cut short is simply finished next time.
//!
//! Kept for: ended sessions 30 days after their last use; used, replaced or expired
//! sign-in codes 7 days after they expired; messages 30 days after they were queued (sent
//! or not: no delivery worker exists yet, and a month-old message is no use to anyone).
//! A sign-in code's text never outlives the code: its message's body is blanked at the
//! first run after the code is used, replaced, out of tries or expired.

mod store;

use std::time::Duration;

use crate::platform::clock::Clock;
use crate::platform::db::Db;

const DAY_SECS: i64 = 24 * 60 * 60;
/// Days an ended session is kept (for "was I signed in?" questions and audits).
pub const SESSION_DAYS: i64 = 30;
/// Days a dead sign-in code is kept (its hash only, for the hourly limit and support).
pub const CODE_DAYS: i64 = 7;
/// Days a message is kept after it was queued.
pub const MESSAGE_DAYS: i64 = 30;
pub use crate::outbox::BLANKED_BODY;
/// The job's name in `retention_runs`.
const JOB: &str = "purge";

/// What one purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub blanked_messages: u64,
    pub sessions: u64,
    pub codes: u64,
    pub messages: u64,
}

/// The moments before which each kind of row goes, for a purge at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    pub sessions: i64,
    pub codes: i64,
    pub messages: i64,
}

impl Cutoffs {
    pub fn at(now: i64) -> Self {
        Self {
            sessions: now - SESSION_DAYS * DAY_SECS,
            codes: now - CODE_DAYS * DAY_SECS,
            messages: now - MESSAGE_DAYS * DAY_SECS,
        }
    }
}

/// The last run a new run may follow: most of an interval ago, so servers whose timers
/// drift a little still find it due every interval.
fn due_before(now: i64, interval: Duration) -> i64 {
    let interval = i64::try_from(interval.as_secs()).unwrap_or(i64::MAX / 2);
    now - interval * 9 / 10
}

/// Runs the purge at `now` if no server has run it in the last interval. `None` when
/// another run was recent; otherwise what it removed.
pub async fn run_if_due(db: &Db, now: i64, interval: Duration) -> anyhow::Result<Option<Purged>> {
    let mut tx = db.begin_write().await?;
    if !store::take_turn(&mut tx.conn(), JOB, now, due_before(now, interval)).await? {
        return Ok(None);
    }
    tx.commit().await?;
    let cutoffs = Cutoffs::at(now);
    let purged = Purged {
        blanked_messages: in_batches(db, Step::BlankSpentCodes, now, cutoffs).await?,
        sessions: in_batches(db, Step::Sessions, now, cutoffs).await?,
        codes: in_batches(db, Step::Codes, now, cutoffs).await?,
        messages: in_batches(db, Step::Messages, now, cutoffs).await?,
    };
    tracing::info!(
        blanked_messages = purged.blanked_messages,
        sessions = purged.sessions,
        codes = purged.codes,
        messages = purged.messages,
        "retention purge done"
    );
    Ok(Some(purged))
}

/// The purge's parts, each done in batches.
#[derive(Debug, Clone, Copy)]
enum Step {
    BlankSpentCodes,
    Sessions,
    Codes,
    Messages,
}

/// Rows one transaction changes at most, so a first purge of a large backlog never holds
/// SQLite's one write lock long enough to keep requests waiting.
const BATCH: i64 = 500;

/// Runs `step` a batch per transaction until a batch comes back short; rows changed.
async fn in_batches(db: &Db, step: Step, now: i64, cutoffs: Cutoffs) -> sqlx::Result<u64> {
    let mut total = 0;
    loop {
        let mut tx = db.begin_write().await?;
        let conn = &mut tx.conn();
        let done = match step {
            Step::BlankSpentCodes => {
                store::blank_spent_code_messages(conn, BLANKED_BODY, now, BATCH).await?
            }
            Step::Sessions => store::delete_sessions(conn, cutoffs.sessions, BATCH).await?,
            Step::Codes => store::delete_codes(conn, cutoffs.codes, BATCH).await?,
            Step::Messages => store::delete_messages(conn, cutoffs.messages, BATCH).await?,
        };
        tx.commit().await?;
        total += done;
        if done < BATCH.unsigned_abs() {
            return Ok(total);
        }
    }
}

/// Checks every `interval` (the first check at start-up) for as long as the server runs.
/// A failed run is logged and tried again next interval: nothing depends on it finishing.
pub fn spawn(db: Db, clock: Clock, interval: Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(error) = run_if_due(&db, clock.unix(), interval).await {
                tracing::warn!(error = format!("{error:#}"), "retention purge failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_row_has_its_documented_period() {
        let now = 1_773_129_600;
        let cutoffs = Cutoffs::at(now);
        assert_eq!(now - cutoffs.sessions, 30 * 86_400);
        assert_eq!(now - cutoffs.codes, 7 * 86_400);
        assert_eq!(now - cutoffs.messages, 30 * 86_400);
    }

    #[test]
    fn a_run_is_due_after_most_of_an_interval() {
        let ten_minutes = Duration::from_secs(600);
        assert_eq!(due_before(10_000, ten_minutes), 10_000 - 540);
        // A server whose timer fires a few seconds early still finds it due.
        assert!(10_000 - 595 <= due_before(10_000, ten_minutes));
    }
}
