//! What becomes of a message: retries with backoff, a permanent failure in the officer's
//! view, a lease taken over after a worker died mid-send, a retry after a lost answer,
//! two workers on one database,
//! the wording, and receipts.

use std::sync::Arc;

use serde_json::json;
use server::delivery::message::{DeliveryStatus, SendFailure};
use server::delivery::worker::deliver_due;
use server::platform::db::query;
use shared::api::messages::{MessageChannel, MessageKind};
use shared::api::staff::{StaffCaseMessagesView, StaffCaseView, StaffCasesView};

use super::recording::{self, Recording};
use super::{queue_update, round, row, set_prefs, text_case, uk};
use crate::helpers::*;
use crate::staff::create_staff;

/// A server sending through a recording provider, with a case update queued for the text
/// victim at 10:00 on a Tuesday, inside their window: the provider, the app, the message's
/// outbox id, and that moment. The clock is stopped there: these tests compare exact
/// seconds (a wait of 30, then 60), which a running clock would cross now and then.
async fn update_queued_in_its_window() -> (Arc<Recording>, TestApp, String, i64) {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    let start = uk("2026-03-10", 10, 0);
    app.clock.stop_at(start);
    set_prefs(&app, &victim_id, json!({})).await;
    let id = queue_update(&app).await;
    (provider, app, id, start)
}

#[tokio::test]
async fn a_temporary_failure_is_tried_again_after_a_growing_wait() {
    let (provider, app, id, start) = update_queued_in_its_window().await;
    provider.temporary();
    provider.temporary();
    round(&app).await;
    assert_eq!(row(&app, &id).await.0, "temporary_failure");
    assert_eq!(row(&app, &id).await.1, start + 30);
    app.clock.set_unix(start + 29);
    assert_eq!(round(&app).await, 0, "not before its wait is over");
    app.clock.set_unix(start + 30);
    round(&app).await;
    assert_eq!(row(&app, &id).await.1, start + 30 + 60, "the wait doubles");
    app.clock.set_unix(start + 90);
    round(&app).await;
    let (status, _, _, attempts) = row(&app, &id).await;
    assert_eq!((status.as_str(), attempts), ("sent", 3));
    assert_eq!(provider.sent().len(), 3);
}

#[tokio::test]
async fn a_permanent_failure_stops_and_the_officer_sees_it() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, update) = text_case(&app).await;
    // After the demo data's own preferences (saved at the real time), so the count, which
    // is of failures since the last change, includes this one.
    app.clock.set_unix(uk("2030-03-12", 10, 0));
    set_prefs(&app, &victim_id, json!({})).await;
    let id = queue_update(&app).await;
    provider.then(Err(SendFailure::Permanent {
        reason: "invalid phone number".into(),
    }));
    round(&app).await;
    app.advance_clock(120);
    round(&app).await;
    assert_eq!(provider.sent().len(), 1, "never tried again");

    let officer = create_staff(&app, "deliveries", "officer", None, Some(TEXT_VICTIM.0)).await;
    app.staff_signed_in(&officer).await;
    let case_path = format!("/api/staff/cases/{}", TEXT_VICTIM.0.replace('/', "%2F"));
    let response = app.get(&format!("{case_path}/messages")).await;
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(!text.contains(TEXT_VICTIM.1), "no recipient: {text}");
    let list: StaffCaseMessagesView = serde_json::from_str(&text).unwrap();
    let message = list.messages.iter().find(|m| m.id == id).unwrap();
    assert_eq!(message.kind, MessageKind::CaseUpdate);
    assert_eq!(message.status, DeliveryStatus::PermanentFailure);
    assert_eq!(message.channel, Some(MessageChannel::Sms));
    assert_eq!(
        message.failure_reason.as_deref(),
        Some("invalid phone number")
    );
    assert_eq!(message.case_update_id.as_deref(), Some(update.as_str()));
    // The update it told the victim about, and the Victims' Code deadline it served.
    let (title, deadline): (String, Option<String>) =
        query("SELECT title, vcop_deadline FROM case_updates WHERE id = $1")
            .bind(&update)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(message.update_title.as_deref(), Some(title.as_str()));
    assert_eq!(message.vcop_deadline, deadline);

    let case: StaffCaseView = app.get(&case_path).await.json().await.unwrap();
    assert_eq!(case.undelivered_messages, 1);
    let cases: StaffCasesView = app.get("/api/staff/cases").await.json().await.unwrap();
    let line = cases
        .cases
        .iter()
        .find(|c| c.crime_reference == TEXT_VICTIM.0)
        .unwrap();
    assert_eq!(line.undelivered_messages, 1);
    // A new phone number clears the flag: older failures are about the old one.
    app.advance_clock(1);
    set_prefs(&app, &victim_id, json!({ "phone": "+447700900999" })).await;
    let case: StaffCaseView = app.get(&case_path).await.json().await.unwrap();
    assert_eq!(case.undelivered_messages, 0);
}

#[tokio::test]
async fn a_lease_that_ran_out_mid_send_asks_the_provider_before_sending_again() {
    let (provider, app, id, _) = update_queued_in_its_window().await;
    // The worker dies while the provider holds the message.
    provider
        .hang_next
        .store(true, std::sync::atomic::Ordering::SeqCst);
    let state = app.state.clone();
    let dying = tokio::spawn(async move { deliver_due(&state).await });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while provider.held.lock().unwrap().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the send never started"
        );
        tokio::task::yield_now().await;
    }
    dying.abort();
    assert_eq!(row(&app, &id).await.0, "sending");
    // Still under its lease: nobody takes it.
    assert_eq!(round(&app).await, 0);
    app.advance_clock(3);
    assert_eq!(round(&app).await, 1);
    assert_eq!(*provider.asked.lock().unwrap(), vec![id.clone()]);
    assert_eq!(provider.sent().len(), 1, "not sent a second time");
    let (provider_id,): (Option<String>,) = query("SELECT provider_id FROM outbox WHERE id = $1")
        .bind(&id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(provider_id.as_deref(), Some("rec-1"));
    assert_eq!(row(&app, &id).await.0, "sent");
}

#[tokio::test]
async fn a_send_whose_answer_was_lost_is_looked_up_before_it_is_tried_again() {
    let (provider, app, id, start) = update_queued_in_its_window().await;
    // The provider takes it, but the answer never comes back (a timeout): to the worker, a
    // temporary failure.
    provider
        .lose_next_answer
        .store(true, std::sync::atomic::Ordering::SeqCst);
    round(&app).await;
    assert_eq!(row(&app, &id).await.0, "temporary_failure");
    app.clock.set_unix(start + 30);
    assert_eq!(round(&app).await, 1);
    assert_eq!(*provider.asked.lock().unwrap(), vec![id.clone()]);
    assert_eq!(provider.sent().len(), 1, "not sent a second time");
    assert_eq!(row(&app, &id).await.0, "sent");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_workers_on_one_database_never_send_a_message_twice() {
    let (provider, providers) = Recording::new();
    let app = app_at_8am(Options {
        providers: providers.clone(),
        configure: |config| config.delivery.delivery_batch = 3,
        ..Options::default()
    })
    .await;
    let (_, victim_id, _) = text_case(&app).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    set_prefs(&app, &victim_id, json!({})).await;
    let mut queued = Vec::new();
    for _ in 0..30 {
        queued.push(queue_update(&app).await);
    }
    let mut config = server::Config::for_tests(
        app.database_url.clone(),
        std::path::PathBuf::from("no-dist"),
        true,
    );
    config.delivery.delivery_batch = 3;
    let other_db = server::platform::db::connect(&app.database_url)
        .await
        .unwrap();
    let other = server::AppState::new(other_db, config, app.keys.clone(), app.clock.clone())
        .unwrap()
        .with_providers(providers);
    loop {
        let (first, second) = tokio::join!(deliver_due(&app.state), deliver_due(&other));
        if first.unwrap() + second.unwrap() == 0 {
            break;
        }
    }
    let mut references: Vec<String> = provider
        .sent()
        .into_iter()
        .map(|message| message.reference)
        .collect();
    references.sort();
    queued.sort();
    assert_eq!(references, queued, "each message exactly once");
}

#[tokio::test]
async fn the_wording_is_welsh_for_a_welsh_victim_and_names_the_police_only_if_allowed() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    let cases = [
        (
            json!({ "language": "welsh" }),
            "Mae gennych ddiweddariad newydd gan Diweddariadau",
        ),
        (
            json!({ "caller_id_allowed": true }),
            "You have a new update from the police's",
        ),
        (
            json!({}),
            "You have a new update from Safe Updates. Sign in to read it.",
        ),
    ];
    for (changes, expected) in cases {
        set_prefs(&app, &victim_id, changes).await;
        queue_update(&app).await;
        round(&app).await;
        let body = provider.sent().last().unwrap().body.clone();
        assert!(body.starts_with(expected), "{body}");
        if expected.starts_with("You have a new update from Safe") {
            assert!(!body.contains("police"), "{body}");
        }
    }
}

#[tokio::test]
async fn receipts_move_a_sent_message_on_once_and_mark_the_update_told() {
    let (_provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, update) = text_case(&app).await;
    let at = uk("2026-03-10", 10, 0);
    app.clock.set_unix(at);
    set_prefs(&app, &victim_id, json!({})).await;
    query("UPDATE case_updates SET vcop_told_on = NULL WHERE id = $1")
        .bind(&update)
        .execute(&mut app.db.conn())
        .await
        .unwrap();
    let delivered = queue_update(&app).await;
    let retried = queue_update(&app).await;
    round(&app).await;
    let provider_id = |id: String| {
        let db = app.db.clone();
        async move {
            let (provider_id,): (String,) = query("SELECT provider_id FROM outbox WHERE id = $1")
                .bind(&id)
                .fetch_one(&mut db.conn())
                .await
                .unwrap();
            provider_id
        }
    };
    let (first, second) = (
        provider_id(delivered.clone()).await,
        provider_id(retried.clone()).await,
    );
    let record = |id: String, status| {
        let db = app.db.clone();
        async move { server::delivery::record_receipt(&db, recording::NAME, &id, status, at + 60).await }
    };
    assert!(record(first.clone(), DeliveryStatus::Delivered)
        .await
        .unwrap());
    assert!(record(first, DeliveryStatus::PermanentFailure)
        .await
        .unwrap());
    assert_eq!(
        row(&app, &delivered).await.0,
        "delivered",
        "a late receipt changes nothing"
    );
    let told: (Option<String>, Option<String>) =
        query("SELECT vcop_told_on, told_by FROM case_updates WHERE id = $1")
            .bind(&update)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(
        (told.0.as_deref(), told.1.as_deref()),
        (Some("2026-03-10"), Some("message"))
    );

    assert!(record(second, DeliveryStatus::TemporaryFailure)
        .await
        .unwrap());
    let (status, due_at, _, _) = row(&app, &retried).await;
    assert_eq!(
        (status.as_str(), due_at),
        ("temporary_failure", at + 60 + 30)
    );
    assert!(!record("no-such-id".into(), DeliveryStatus::Delivered)
        .await
        .unwrap());
}
