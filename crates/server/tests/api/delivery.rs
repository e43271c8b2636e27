//! The delivery worker, driven a round at a time (`deliver_due`) on the test's clock,
//! with a recording provider (`recording`): safe windows in UK time (GMT, BST, bank
//! holidays), codes at once, routing by the victim's current choices only, retries,
//! receipts, a lease taken over after a worker died mid-send, two workers on one
//! database, the officer's list and the wording.

mod recording;

use serde_json::{json, Value};
use server::delivery::message::{Address, DeliveryStatus, SendFailure};
use server::delivery::worker::deliver_due;
use server::outbox::{self, Channel};
use server::platform::db::query;
use server::platform::uk_time;
use server::preferences::store as preferences;
use shared::api::preferences::{ChangedBy, ContactPreferences};
use shared::api::staff::{StaffCaseMessagesView, StaffCaseView, StaffCasesView};
use shared::CalendarDate;

use self::recording::Recording;
use crate::helpers::*;
use crate::preferences::{valid, with};
use crate::staff::create_staff;

/// Unix seconds of a UK wall-clock moment.
fn uk(date: &str, hours: u16, minutes: u16) -> i64 {
    uk_time::to_unix(CalendarDate::parse(date).unwrap(), hours * 60 + minutes)
}

/// Texts to the demo text victim's phone, weekdays 09:00–12:00, with `changes`.
fn prefs(changes: Value) -> ContactPreferences {
    let texts = json!({ "preferred_method": "text_message", "second_method": null,
                        "phone": TEXT_VICTIM.1 });
    serde_json::from_value(with(with(valid(), texts), changes)).unwrap()
}

/// The text victim's case: (case id, victim id, one of its updates).
async fn text_case(app: &TestApp) -> (String, String, String) {
    let (case_id, victim_id): (String, String) =
        query("SELECT id, victim_id FROM cases WHERE crime_reference = $1")
            .bind(TEXT_VICTIM.0)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    let (update,): (String,) =
        query("SELECT id FROM case_updates WHERE case_id = $1 ORDER BY id LIMIT 1")
            .bind(&case_id)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    (case_id, victim_id, update)
}

/// Saves the victim's preferences as an officer would, at the app's clock.
async fn set_prefs(app: &TestApp, victim_id: &str, changes: Value) {
    let mut tx = app.db.begin_write().await.unwrap();
    preferences::save(
        &mut tx.conn(),
        &app.keys,
        victim_id,
        &prefs(changes),
        ChangedBy::Officer,
        "test",
        app.clock.unix(),
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

/// Queues "you have a new update" for the text victim now; its outbox id.
async fn queue_update(app: &TestApp) -> String {
    let (case_id, victim_id, update) = text_case(app).await;
    let now = app.clock.unix();
    outbox::queue_case_update(&mut app.db.conn(), &victim_id, &case_id, &update, now)
        .await
        .unwrap()
}

/// (status, due_at, failure_reason, attempts) of a message.
async fn row(app: &TestApp, id: &str) -> (String, i64, Option<String>, i64) {
    query("SELECT status, due_at, failure_reason, attempts FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap()
}

async fn round(app: &TestApp) -> usize {
    deliver_due(&app.state).await.unwrap()
}

/// A case update queued at 23:00 on `friday` for a victim safe 09:00–12:00 on weekdays
/// goes at 09:00 on `leaves`, not a minute before.
async fn held_from_friday_night(friday: &str, weekend: [&str; 2], leaves: &str) {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    set_prefs(&app, &victim_id, json!({})).await;
    app.clock.set_unix(uk(friday, 23, 0));
    let id = queue_update(&app).await;
    round(&app).await;
    assert!(provider.sent().is_empty(), "not at 23:00 on Friday");
    assert_eq!(row(&app, &id).await.1, uk(leaves, 9, 0), "held until then");
    for day in weekend {
        for hour in [0, 9, 10, 23] {
            app.clock.set_unix(uk(day, hour, 30));
            round(&app).await;
        }
    }
    app.clock.set_unix(uk(leaves, 8, 59));
    round(&app).await;
    assert!(provider.sent().is_empty(), "not before 09:00 on {leaves}");
    app.clock.set_unix(uk(leaves, 9, 0));
    round(&app).await;
    let sent = provider.sent();
    assert_eq!(sent.len(), 1, "at 09:00 on {leaves}");
    assert_eq!(sent[0].address, Address::Phone(TEXT_VICTIM.1.into()));
    assert_eq!(row(&app, &id).await.0, "sent");
}

#[tokio::test]
async fn friday_night_waits_for_monday_9am_in_winter() {
    held_from_friday_night("2026-03-13", ["2026-03-14", "2026-03-15"], "2026-03-16").await;
}

#[tokio::test]
async fn friday_night_waits_for_monday_9am_in_summer() {
    held_from_friday_night("2026-06-12", ["2026-06-13", "2026-06-14"], "2026-06-15").await;
}

#[tokio::test]
async fn a_bank_holiday_monday_moves_it_to_tuesday() {
    // Monday 4 May 2026 is the early May bank holiday (BST).
    held_from_friday_night("2026-05-01", ["2026-05-03", "2026-05-04"], "2026-05-05").await;
}

#[tokio::test]
async fn a_message_still_unsent_when_its_window_closes_waits_for_the_next() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    set_prefs(&app, &victim_id, json!({})).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    let id = queue_update(&app).await;
    // No worker ran until the window had closed.
    app.clock.set_unix(uk("2026-03-10", 12, 30));
    round(&app).await;
    assert!(provider.sent().is_empty());
    assert_eq!(
        row(&app, &id).await,
        ("queued".into(), uk("2026-03-11", 9, 0), None, 0)
    );
}

#[tokio::test]
async fn a_sign_in_code_goes_at_once_at_any_hour() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    // 03:00 on a Sunday.
    app.clock.set_unix(uk("2026-03-15", 3, 0));
    app.start_sign_in(TEXT_VICTIM.0).await;
    assert_eq!(round(&app).await, 1);
    let sent = provider.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].channel, Channel::Sms);
    assert_eq!(sent[0].address, Address::Phone(TEXT_VICTIM.1.into()));
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    assert!(sent[0].body.contains(&code));
    // A code used before it went is not sent.
    app.advance_clock(2);
    app.start_sign_in(TEXT_VICTIM.0).await;
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    assert_eq!(app.verify(TEXT_VICTIM.0, &code).await.status(), 200);
    round(&app).await;
    assert_eq!(
        provider.sent().len(),
        1,
        "a used code is cancelled, not sent"
    );
}

#[tokio::test]
async fn a_method_since_marked_unsafe_is_never_used() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    set_prefs(&app, &victim_id, json!({})).await;
    let by_call = queue_update(&app).await;
    // Before it goes, the victim chooses phone calls only (the number stays on file).
    set_prefs(
        &app,
        &victim_id,
        json!({ "preferred_method": "phone_call" }),
    )
    .await;
    round(&app).await;
    assert!(provider.sent().is_empty(), "never a fallback to text");
    let (status, _, reason, _) = row(&app, &by_call).await;
    assert_eq!(
        (status.as_str(), reason.as_deref()),
        ("cancelled", Some("no safe written method"))
    );

    // Text to email: it goes by email, to the new address.
    let by_email = queue_update(&app).await;
    set_prefs(
        &app,
        &victim_id,
        json!({ "preferred_method": "email", "email": "new.address@example.org" }),
    )
    .await;
    round(&app).await;
    let sent = provider.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].channel, Channel::Email);
    assert_eq!(
        sent[0].address,
        Address::Email("new.address@example.org".into())
    );
    assert_eq!(sent[0].subject, "Safe Updates");
    assert_eq!(row(&app, &by_email).await.0, "sent");
}

#[tokio::test]
async fn letters_only_where_the_victim_said_letters_are_safe() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    let letter = json!({ "preferred_method": "letter", "address": "1 High Street\nTown",
                         "postcode": "SW1A 1AA" });
    set_prefs(&app, &victim_id, letter.clone()).await;
    let unsafe_letter = queue_update(&app).await;
    round(&app).await;
    assert!(provider.sent().is_empty());
    assert_eq!(row(&app, &unsafe_letter).await.0, "cancelled");

    let mut safe = letter;
    safe["letters_safe"] = json!(true);
    set_prefs(&app, &victim_id, safe).await;
    queue_update(&app).await;
    round(&app).await;
    let (name,): (String,) = query("SELECT full_name FROM victims WHERE id = $1")
        .bind(&victim_id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    let sent = provider.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].channel, Channel::Letter);
    assert_eq!(
        sent[0].address,
        Address::Postal {
            lines: vec![name, "1 High Street".into(), "Town".into()],
            postcode: "SW1A 1AA".into()
        }
    );
}

#[tokio::test]
async fn a_temporary_failure_is_tried_again_after_a_growing_wait() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    let start = uk("2026-03-10", 10, 0);
    app.clock.set_unix(start);
    set_prefs(&app, &victim_id, json!({})).await;
    let id = queue_update(&app).await;
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
    assert_eq!(message.kind, "case_update");
    assert_eq!(message.status, "permanent_failure");
    assert_eq!(message.channel.as_deref(), Some("sms"));
    assert_eq!(
        message.failure_reason.as_deref(),
        Some("invalid phone number")
    );
    assert_eq!(message.case_update_id.as_deref(), Some(update.as_str()));

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
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let (_, victim_id, _) = text_case(&app).await;
    app.clock.set_unix(uk("2026-03-10", 10, 0));
    set_prefs(&app, &victim_id, json!({})).await;
    let id = queue_update(&app).await;
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
    app.advance_clock(2);
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
    let record = |id: &'static str, status| {
        server::delivery::record_receipt(&app.db, recording::NAME, id, status, at + 60)
    };
    assert!(record("rec-1", DeliveryStatus::Delivered).await.unwrap());
    assert!(record("rec-1", DeliveryStatus::PermanentFailure)
        .await
        .unwrap());
    assert_eq!(
        row(&app, &delivered).await.0,
        "delivered",
        "a late receipt changes nothing"
    );
    let (told,): (Option<String>,) = query("SELECT vcop_told_on FROM case_updates WHERE id = $1")
        .bind(&update)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(told.as_deref(), Some("2026-03-10"));

    assert!(record("rec-2", DeliveryStatus::TemporaryFailure)
        .await
        .unwrap());
    let (status, due_at, _, _) = row(&app, &retried).await;
    assert_eq!(
        (status.as_str(), due_at),
        ("temporary_failure", at + 60 + 30)
    );
    assert!(!record("no-such-id", DeliveryStatus::Delivered)
        .await
        .unwrap());
}
