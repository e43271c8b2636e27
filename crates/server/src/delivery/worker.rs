//! The delivery worker: each round claims a batch of due messages (with a lease, so
//! several servers never hold one message at once), then, outside any transaction, works
//! out for each whether, where and what to send *now* (`send_time`), sends it through the
//! provider for its channel (several at once, `delivery_concurrency`), and records the
//! outcome under its claim, with its audit rows (`outcome`). A message whose
//! lease ran out mid-send (a server killed) is taken over later; before that, and before
//! any retry (a timeout may come after the provider took it), the provider is asked first
//! whether it already has it, so it is not sent twice.
//!
//! Woken at once when this server queues a code (`AppState::delivery_wake`) and every
//! second anyway. Runs only when a provider is configured (lib.rs `run`).

use std::time::Duration;

use super::message::{Accepted, DeliveryStatus, SendFailure};
use super::outcome::{self, Outcome};
use super::send_time::{self, Decision, Ready};
use super::{rules, store};
use crate::outbox::Kind;
use crate::platform::db::Db;
use crate::platform::state::AppState;
use crate::platform::stored::enum_from_text;

/// How often the worker looks for due messages without being woken.
const POLL_EVERY: Duration = Duration::from_secs(1);

/// Starts the worker on the runtime; it runs as long as the process.
pub fn spawn(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        loop {
            loop {
                match deliver_due(&state).await {
                    // A full batch: more may be due.
                    Ok(claimed) if claimed >= batch(&state) => {}
                    Ok(_) => break,
                    Err(error) => {
                        tracing::error!(error = format!("{error:#}"), "delivery worker failed");
                        break;
                    }
                }
            }
            tokio::select! {
                () = state.delivery_wake.notified() => {}
                () = tokio::time::sleep(POLL_EVERY) => {}
            }
        }
    });
}

fn batch(state: &AppState) -> usize {
    usize::try_from(state.config.delivery.delivery_batch).unwrap_or(1)
}

/// One round: claims the due messages (up to a batch) and deals with each. Returns how
/// many it claimed. Tests call it with the injected clock.
pub async fn deliver_due(state: &AppState) -> anyhow::Result<usize> {
    let now = state.clock.unix();
    let token = uuid::Uuid::new_v4().to_string();
    let settings = &state.config.delivery;
    let mut tx = state.db.begin_write().await?;
    let claimed = store::claim(
        &mut tx.conn(),
        now + settings.delivery_lease_seconds,
        &token,
        now,
        settings.delivery_batch,
    )
    .await?;
    tx.commit().await?;
    let count = claimed.len();
    let lease_until = now + settings.delivery_lease_seconds;
    let at_once = settings.delivery_concurrency.max(1);
    let mut sending = tokio::task::JoinSet::new();
    for message in claimed {
        while sending.len() >= at_once {
            sending.join_next().await;
        }
        let at = state.clock.unix();
        if at > lease_until - settings.delivery_lease_seconds / 2 {
            // The batch has taken half the lease: a send started now could outlast it and
            // another server would take the message over. Back to the queue, due now.
            store::release(&mut state.db.conn(), &message.id, &token, at, at).await?;
            continue;
        }
        let (state, token) = (state.clone(), token.clone());
        sending.spawn(async move {
            let id = message.id.clone();
            if let Err(error) = deliver_one(&state, message, &token).await {
                // Left `sending`: its lease runs out and a later round tries it again.
                tracing::error!(outbox_id = %id, error = format!("{error:#}"), "delivery failed");
            }
        });
    }
    while sending.join_next().await.is_some() {}
    Ok(count)
}

/// Decides, sends and records one claimed message.
async fn deliver_one(state: &AppState, message: store::Claimed, token: &str) -> anyhow::Result<()> {
    let id = message.id.as_str();
    let now = state.clock.unix();
    let kind: Kind = enum_from_text(&message.kind)?;
    let claim = Claim {
        db: &state.db,
        id,
        token,
    };
    if message.attempts > rules::MAX_ATTEMPTS {
        return claim
            .fail(DeliveryStatus::PermanentFailure, rules::GAVE_UP, None, now)
            .await;
    }
    let ready = match send_time::decide(state, &message, kind, now).await? {
        Decision::Send(ready) => *ready,
        Decision::Hold { until } => {
            store::release(&mut state.db.conn(), id, token, until, now).await?;
            tracing::info!(outbox_id = %id, until, "message held for its safe window");
            return Ok(());
        }
        Decision::Cancel { reason } => {
            return claim
                .fail(DeliveryStatus::Cancelled, reason, None, now)
                .await;
        }
    };
    let Some(provider) = state.providers.for_channel(ready.outgoing.channel).cloned() else {
        // A provider for this channel may be configured later (a restart).
        let until = now + rules::MAX_BACKOFF_SECS;
        store::release(&mut state.db.conn(), id, token, until, now).await?;
        tracing::warn!(outbox_id = %id, "no provider carries this channel");
        return Ok(());
    };
    let reference = ready.outgoing.reference.as_str();
    let already = if rules::ask_before_sending(message.lease_expired, message.attempts) {
        provider.find_sent(reference).await
    } else {
        Ok(None)
    };
    let outcome = match already {
        Ok(Some(accepted)) => {
            tracing::info!(outbox_id = %id, "the provider already had it: not sent again");
            Ok(accepted)
        }
        Ok(None) => provider.send(&ready.outgoing).await,
        Err(failure) => Err(failure),
    };
    let now = state.clock.unix();
    let channel = ready.resolved.as_ref().map(|r| r.channel.as_str());
    match outcome {
        Ok(accepted) => {
            record_accepted(
                state,
                &message,
                token,
                provider.name(),
                &ready,
                accepted,
                now,
            )
            .await
        }
        Err(SendFailure::Permanent { reason }) => {
            tracing::warn!(outbox_id = %id, reason = %reason, "permanent failure");
            claim
                .fail(DeliveryStatus::PermanentFailure, &reason, channel, now)
                .await
        }
        Err(SendFailure::Temporary { reason }) => {
            tracing::warn!(outbox_id = %id, attempts = message.attempts, reason, "temporary failure");
            if message.attempts >= rules::MAX_ATTEMPTS {
                return claim
                    .fail(
                        DeliveryStatus::PermanentFailure,
                        rules::GAVE_UP,
                        channel,
                        now,
                    )
                    .await;
            }
            if matches!(kind, Kind::SignInCode | Kind::SupporterSignInCode)
                && !send_time::code_still_live(state, &message, now).await?
            {
                return claim
                    .fail(DeliveryStatus::Cancelled, send_time::CODE_SPENT, None, now)
                    .await;
            }
            let failure = store::Failure {
                status: DeliveryStatus::TemporaryFailure,
                reason: &reason,
                due_at: Some(now + rules::backoff_secs(message.attempts)),
                channel,
                now,
            };
            outcome::record(&state.db, id, token, Outcome::Failed(failure)).await?;
            Ok(())
        }
    }
}

/// Records what the provider took; a delivered case update marks its update told.
async fn record_accepted(
    state: &AppState,
    message: &store::Claimed,
    token: &str,
    provider: &str,
    ready: &Ready,
    accepted: Accepted,
    now: i64,
) -> anyhow::Result<()> {
    let delivered = accepted.status == DeliveryStatus::Delivered;
    let status = if delivered {
        DeliveryStatus::Delivered
    } else {
        DeliveryStatus::Sent
    };
    let resolved = ready.resolved.as_ref().map(|r| {
        (
            r.channel.as_str(),
            r.recipient.clone(),
            r.index.clone(),
            r.body.clone(),
        )
    });
    let sent = store::SentRecord {
        status,
        provider,
        provider_id: accepted.provider_id.as_deref(),
        resolved,
        now,
    };
    let recorded = outcome::record(&state.db, &message.id, token, Outcome::Sent(sent)).await?;
    if !recorded {
        tracing::warn!(outbox_id = %message.id, "sent, but another worker had taken it over");
    }
    if delivered {
        if let Some(update) = &message.case_update_id {
            super::receipts::mark_told(&state.db, update, now).await?;
        }
    }
    tracing::info!(outbox_id = %message.id, provider, ?status, "message sent");
    Ok(())
}

/// A message this worker holds, by its claim.
struct Claim<'a> {
    db: &'a Db,
    id: &'a str,
    token: &'a str,
}

impl Claim<'_> {
    /// Records that the message will not be sent (`permanent_failure` or `cancelled`).
    async fn fail(
        &self,
        status: DeliveryStatus,
        reason: &str,
        channel: Option<&str>,
        now: i64,
    ) -> anyhow::Result<()> {
        let failure = store::Failure {
            status,
            reason,
            due_at: None,
            channel,
            now,
        };
        outcome::record(self.db, self.id, self.token, Outcome::Failed(failure)).await?;
        tracing::info!(outbox_id = %self.id, ?status, reason, "message not sent");
        Ok(())
    }
}
