//! The delivery worker, driven a round at a time (`deliver_due`) on the test's clock,
//! with a recording provider (`recording`): here, when and how a message goes (safe
//! windows in UK time, GMT, BST and bank holidays; codes at once; routing by the victim's
//! current choices only; letters). What becomes of it (retries, receipts, a lease taken
//! over, two workers, the officer's list, the wording) is in `outcomes`; a server killed mid-send, in
//! `killed_server`.

mod killed_server;
mod outcomes;
pub(crate) mod recording;

use serde_json::{json, Value};
use server::delivery::message::Address;
use server::delivery::worker::deliver_due;
use server::outbox::{self, Channel};
use server::platform::db::query;
use server::platform::uk_time;
use server::preferences::store as preferences;
use shared::api::preferences::{ChangedBy, ContactPreferences};
use shared::CalendarDate;

use self::recording::Recording;
use crate::helpers::*;
use crate::preferences::{valid, with};

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
async fn the_running_worker_sends_a_code_as_soon_as_it_is_queued() {
    let (provider, providers) = Recording::new();
    let app = app_at_8am(Options {
        providers,
        delivery_worker: true,
        ..Options::default()
    })
    .await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while provider.sent().is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "the code was not sent"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(provider.sent()[0].channel, Channel::Sms);
}
