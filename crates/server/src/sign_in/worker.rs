//! The sign-in worker: answers queued "send me a code" requests (`sign_in_requests`, and
//! supporters' `supporter_sign_in_requests`) one
//! at a time, each in its own transaction that also deletes it. The request handler only
//! queues, so its work and its time are the same for a reference that exists and one that
//! does not; the work that differs (finding the case, storing a code, queueing the text)
//! happens here, out of the attacker's sight.
//!
//! Woken at once by this server's handler (`AppState::sign_in_wake`) and every second
//! anyway, for requests other servers queued or a restart left behind. Once a minute it
//! also deletes ended rate-limit windows.

use std::time::Duration;

use shared::CrimeReference;

use super::{codes, store};
use crate::platform::clock::Clock;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Db;
use crate::platform::rate_limit;
use crate::platform::state::AppState;
use crate::supporters;

/// How often the worker looks for requests without being woken.
const POLL_EVERY: Duration = Duration::from_secs(1);
/// The longest `wait_for_queue` waits.
/// Generous: on a loaded machine the worker's first try can meet a busy database and
/// retry on its next round, a second later.
const QUEUE_WAIT: Duration = Duration::from_secs(10);
/// How often ended rate-limit windows are deleted.
const PRUNE_EVERY_SECS: i64 = 60;

/// Starts the worker on the runtime; it runs as long as the process.
pub fn spawn(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        let mut pruned_at: Option<i64> = None;
        loop {
            if answer_queued(&state).await {
                // Each answer may have queued a code: send it now, not at the next poll.
                state.delivery_wake.notify_one();
            }
            let now = state.clock.unix();
            if pruned_at.is_none_or(|at| now - at >= PRUNE_EVERY_SECS) {
                pruned_at = Some(now);
                if let Err(error) = rate_limit::prune_expired(&mut state.db.conn(), now).await {
                    tracing::warn!(error = format!("{error:#}"), "could not prune rate limits");
                }
            }
            tokio::select! {
                () = state.sign_in_wake.notified() => {}
                () = tokio::time::sleep(POLL_EVERY) => {}
            }
        }
    });
}

/// Answers requests, victims' then supporters', until none is left (or the database
/// fails: the next round retries); whether it answered any.
async fn answer_queued(state: &AppState) -> bool {
    let mut answered = false;
    loop {
        let answer = match answer_one(&state.db, &state.keys, &state.clock).await {
            Ok(false) => {
                supporters::codes::answer_one(&state.db, &state.keys, || {
                    // Read once the write lock is held, as for victims.
                    state.clock.unix()
                })
                .await
            }
            other => other,
        };
        match answer {
            Ok(true) => answered = true,
            Ok(false) => return answered,
            Err(error) => {
                tracing::error!(error = format!("{error:#}"), "sign-in worker failed");
                return answered;
            }
        }
    }
}

/// Answers the oldest request; `false` when there was none. A request whose answer fails
/// is dropped (and logged by id), so it cannot hold up the queue: the victim can ask again.
async fn answer_one(db: &Db, keys: &DataKeys, clock: &Clock) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let Some((id, reference)) = store::next_request(&mut tx.conn()).await? else {
        return Ok(false);
    };
    // Read once the write lock is held: a moment read before waiting for it could be older
    // than the request, and make a code sent over a minute ago look new enough to re-use.
    let now = clock.unix();
    store::delete_request(&mut tx.conn(), &id).await?;
    // Stored after parsing, so it parses again; a row that somehow does not is dropped.
    let answered = match CrimeReference::parse(&reference) {
        // What happened is logged (ids only) inside `issue`.
        Ok(reference) => codes::issue(&mut tx.conn(), keys, &reference, now)
            .await
            .map(drop),
        Err(_) => Ok(()),
    };
    match answered {
        Ok(()) => tx.commit().await?,
        Err(error) => {
            drop(tx);
            store::delete_request(&mut db.conn(), &id).await?;
            tracing::error!(request_id = %id, error = format!("{error:#}"), "code request dropped");
        }
    }
    Ok(true)
}

/// Whether every queued request has been answered (tests, and anything that must see the
/// codes sent).
pub async fn queue_is_empty(db: &Db) -> sqlx::Result<bool> {
    let mut conn = db.conn();
    Ok(store::queued_requests(&mut conn).await? == 0
        && supporters::store::queued_requests(&mut conn).await? == 0)
}

/// Waits (up to `QUEUE_WAIT`) until every queued request has been answered: the demo
/// outbox uses it so a code asked for a moment ago is there to read, even when the disk
/// is slow to confirm the worker's commit.
pub async fn wait_for_queue(db: &Db) -> sqlx::Result<()> {
    let deadline = tokio::time::Instant::now() + QUEUE_WAIT;
    while !queue_is_empty(db).await? && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    Ok(())
}
