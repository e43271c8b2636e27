//! The officer's callback queue and contact log: "unsafe now" first, booking only inside
//! the victim's windows and current safe times, closing a request, every contact logged,
//! voicemail only where safe, "someone else answered" stopping texts to the number until
//! an officer checks it, 404 for another team's officer, and an audit row for each write.
//! The clock is Tuesday 10 March 2026, 08:00 UK time.

use serde_json::{json, Value};
use server::delivery::rules::NUMBER_STOPPED;
use server::delivery::worker::deliver_due;
use server::outbox;
use server::platform::db::query;
use server::preferences::store as preferences;
use shared::api::callbacks::{CallbackStatus, CallbackView, CallbackWindow, CallbacksView};
use shared::api::preferences::{ChangedBy, SafeTimeWindow};
use shared::api::staff_callbacks::{
    CallbackQueueView, ContactLogView, ContactOutcome, StaffCaseCallbacksView,
};
use shared::api::ErrorBody;
use shared::DayOfWeek;

use crate::builders::{BuiltCase, CaseSpec};
use crate::delivery::recording::Recording;
use crate::helpers::*;
use crate::staff::create_staff;

/// The built victim's number (`CaseSpec::default`).
const PHONE: &str = "+447700900999";

/// A victim who asked for callbacks, and the officer whose card their case is on, both
/// signed in on `app.client` (the two apps' cookies differ).
async fn signed_in(app: &TestApp) -> BuiltCase {
    signed_in_minutes_after_8am(app, 0).await
}

/// `signed_in`, with the clock `minutes` past Tuesday 8am first (staff sessions end
/// after 15 idle minutes, so the clock moves before anyone signs in).
async fn signed_in_minutes_after_8am(app: &TestApp, minutes: i64) -> BuiltCase {
    app.set_clock_to_tuesday_8am();
    app.advance_clock(minutes);
    let case = app
        .create_case_with(CaseSpec {
            contact_method: "text_message",
            ..CaseSpec::default()
        })
        .await;
    app.sign_in((&case.crime_reference, PHONE)).await;
    let officer = create_staff(
        app,
        "carded",
        "officer",
        Some("demo-team-north"),
        Some(&case.crime_reference),
    )
    .await;
    app.staff_signed_in(&officer).await;
    case
}

fn request(reason: &str, date: &str, start: &str, end: &str) -> Value {
    json!({
        "reason": reason,
        "details": null,
        "urgency": "routine",
        "windows": [{ "date": date, "start": start, "end": end }],
        "one_off_phone": null
    })
}

async fn asked(app: &TestApp, case: &BuiltCase, body: Value) -> CallbackView {
    let response = app.post_callback(&case.crime_reference, &body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

fn staff_case(case: &BuiltCase, rest: &str) -> String {
    format!(
        "/api/staff/cases/{}{rest}",
        case.crime_reference.replace('/', "%2F")
    )
}

async fn schedule(
    app: &TestApp,
    case: &BuiltCase,
    id: &str,
    date: &str,
    start: &str,
) -> reqwest::Response {
    let path = staff_case(case, &format!("/callbacks/{id}/schedule"));
    app.post_json(&path, &json!({ "date": date, "start": start }))
        .await
}

async fn contact(app: &TestApp, case: &BuiltCase, body: Value) -> reqwest::Response {
    app.post_json(&staff_case(case, "/contacts"), &body).await
}

async fn field_error(response: reqwest::Response, field: &str) -> String {
    assert_eq!(response.status(), 422, "{field}");
    let body: ErrorBody = response.json().await.unwrap();
    body.errors
        .get(field)
        .unwrap_or_else(|| panic!("no error on {field}: {:?}", body.errors))[0]
        .clone()
}

/// The audit actions recorded for a case, oldest first.
async fn audit_actions(app: &TestApp, case: &BuiltCase) -> Vec<String> {
    let rows: Vec<(String,)> =
        query("SELECT action FROM audit_events WHERE case_id = $1 ORDER BY at, id")
            .bind(case.case_id.as_str())
            .fetch_all(&mut app.db.conn())
            .await
            .unwrap();
    rows.into_iter().map(|(action,)| action).collect()
}

/// Saves the victim's current preferences with `change` made, as they would.
async fn change_preferences(
    app: &TestApp,
    case: &BuiltCase,
    change: impl FnOnce(&mut shared::api::preferences::ContactPreferences),
) {
    let now = app.clock.unix();
    let mut current = preferences::current_or_initial(&app.db, &app.keys, &case.victim_id, now)
        .await
        .unwrap()
        .preferences;
    change(&mut current);
    let mut tx = app.db.begin_write().await.unwrap();
    preferences::save(
        &mut tx.conn(),
        &app.keys,
        &case.victim_id,
        &current,
        ChangedBy::Victim,
        &case.victim_id,
        now,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn the_queue_puts_unsafe_now_first_and_a_booking_reaches_the_victim() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    let routine = asked(
        &app,
        &case,
        request("case_question", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let unsafe_now = asked(
        &app,
        &case,
        request("feel_unsafe", "2026-03-13", "14:00", "15:00"),
    )
    .await;

    let queue: CallbackQueueView = app.get("/api/staff/callbacks").await.json().await.unwrap();
    let ids: Vec<&str> = queue
        .callbacks
        .iter()
        .map(|c| c.callback.id.as_str())
        .collect();
    assert_eq!(ids, [unsafe_now.id.as_str(), routine.id.as_str()]);
    assert!(queue.callbacks[0].unsafe_now && !queue.callbacks[1].unsafe_now);
    assert_eq!(queue.callbacks[0].crime_reference, case.crime_reference);
    assert_eq!((queue.total, queue.page), (2, 1));
    let unit: CallbackQueueView = app
        .get("/api/staff/callbacks?scope=unit")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(unit.total, 2);
    let wrong = app.get("/api/staff/callbacks?scope=everyone").await;
    field_error(wrong, "scope").await;

    let booked = schedule(&app, &case, &routine.id, "2026-03-12", "10:00").await;
    assert_eq!(booked.status(), 200);
    // One at a time, and a booking can move within the windows.
    let moved = schedule(&app, &case, &routine.id, "2026-03-12", "11:00").await;
    assert_eq!(moved.status(), 200);
    let moved: CallbackView = moved.json().await.unwrap();
    let slot = CallbackWindow {
        date: "2026-03-12".into(),
        start: "11:00".into(),
        end: "12:00".into(),
    };
    assert_eq!(moved.status, CallbackStatus::Scheduled);
    assert_eq!(moved.booked.as_ref(), Some(&slot));
    assert_eq!(moved.scheduled_for.as_deref(), Some("2026-03-12T11:00:00Z"));

    let victim: CallbacksView = app
        .get(&format!("{}/callbacks", case_path(&case.crime_reference)))
        .await
        .json()
        .await
        .unwrap();
    let seen = victim
        .callbacks
        .iter()
        .find(|c| c.id == routine.id)
        .unwrap();
    assert_eq!(
        (seen.status, seen.booked.as_ref()),
        (CallbackStatus::Scheduled, Some(&slot))
    );
    assert_eq!(
        audit_actions(&app, &case)
            .await
            .iter()
            .filter(|a| *a == "schedule_callback")
            .count(),
        2
    );
}

#[tokio::test]
async fn a_supervisor_sees_the_units_requests_and_an_officer_their_teams_with_unit() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    asked(
        &app,
        &case,
        request("feel_unsafe", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let queue_of = |client: reqwest::Client, scope: &'static str| {
        let url = app.url(&format!("/api/staff/callbacks?scope={scope}"));
        async move {
            let view: CallbackQueueView =
                client.get(url).send().await.unwrap().json().await.unwrap();
            view.callbacks
                .into_iter()
                .map(|c| c.crime_reference)
                .collect::<Vec<_>>()
        }
    };
    let boss = app.new_client();
    let (email, secret) = create_staff(&app, "boss", "supervisor", None, None).await;
    let body = json!({ "email": email, "password": crate::staff::PASSWORD, "code": app.totp_now(&secret) });
    assert_eq!(
        boss.post(app.url("/api/staff/sign-in"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert!(queue_of(boss.clone(), "mine")
        .await
        .contains(&case.crime_reference));
    // A North officer without the case on their card: only with `unit` (their team's).
    let teammate = app.new_client();
    let (email, secret) =
        create_staff(&app, "teammate", "officer", Some("demo-team-north"), None).await;
    let body = json!({ "email": email, "password": crate::staff::PASSWORD, "code": app.totp_now(&secret) });
    assert_eq!(
        teammate
            .post(app.url("/api/staff/sign-in"))
            .json(&body)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert!(!queue_of(teammate.clone(), "mine")
        .await
        .contains(&case.crime_reference));
    assert!(queue_of(teammate, "unit")
        .await
        .contains(&case.crime_reference));
}

#[tokio::test]
async fn booking_outside_the_windows_or_the_current_safe_times_is_refused() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    let made = asked(
        &app,
        &case,
        request("case_question", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let overruns = schedule(&app, &case, &made.id, "2026-03-12", "11:30").await;
    assert!(field_error(overruns, "start").await.contains("whole call"));
    let other_day = schedule(&app, &case, &made.id, "2026-03-13", "10:00").await;
    field_error(other_day, "start").await;
    let not_a_time = schedule(&app, &case, &made.id, "2026-03-12", "10 o'clock").await;
    field_error(not_a_time, "start").await;
    let not_a_date = schedule(&app, &case, &made.id, "Thursday", "10:00").await;
    field_error(not_a_date, "date").await;

    // The victim narrows their safe times after asking: Thursdays 9am to 10:30 only.
    change_preferences(&app, &case, |prefs| {
        prefs.safe_times = vec![SafeTimeWindow {
            days: vec![DayOfWeek::Thursday],
            start: "09:00".into(),
            end: "10:30".into(),
        }];
    })
    .await;
    let unsafe_time = schedule(&app, &case, &made.id, "2026-03-12", "10:00").await;
    assert!(field_error(unsafe_time, "start")
        .await
        .contains("safe times"));

    let (status, from): (String, Option<i64>) =
        query("SELECT status, scheduled_for FROM callback_requests WHERE id = $1")
            .bind(made.id.as_str())
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!((status.as_str(), from), ("requested", None));
    assert!(!audit_actions(&app, &case)
        .await
        .contains(&"schedule_callback".to_owned()));
}

#[tokio::test]
async fn another_teams_officer_gets_404_on_every_route_and_an_empty_queue() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    let made = asked(
        &app,
        &case,
        request("case_question", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let south = app.new_client();
    let (email, secret) =
        create_staff(&app, "south", "officer", Some("demo-team-south"), None).await;
    let body = json!({ "email": email, "password": crate::staff::PASSWORD, "code": app.totp_now(&secret) });
    let signed = south
        .post(app.url("/api/staff/sign-in"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(signed.status(), 200);

    let id = &made.id;
    let writes = [
        (
            format!("/callbacks/{id}/schedule"),
            json!({ "date": "2026-03-12", "start": "10:00" }),
        ),
        (
            format!("/callbacks/{id}/complete"),
            json!({ "outcome": "spoke_to_victim" }),
        ),
        (
            "/contacts".to_owned(),
            json!({ "method": "phone_call", "outcome": "no_answer" }),
        ),
        (
            "/contact-check".to_owned(),
            json!({ "outcome": "confirmed_safe" }),
        ),
    ];
    for (rest, body) in writes {
        let url = app.url(&staff_case(&case, &rest));
        let response = south.post(url).json(&body).send().await.unwrap();
        assert_eq!(response.status(), 404, "POST {rest}");
    }
    for rest in ["/callbacks", "/contacts"] {
        let response = south
            .get(app.url(&staff_case(&case, rest)))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "GET {rest}");
    }
    let queue: CallbackQueueView = south
        .get(app.url("/api/staff/callbacks?scope=unit"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(queue
        .callbacks
        .iter()
        .all(|c| c.crime_reference != case.crime_reference));
    // Nothing was written, not even an audit row of the refused calls.
    assert!(audit_actions(&app, &case)
        .await
        .iter()
        .all(|a| a != "schedule_callback"));
}

#[tokio::test]
async fn voicemail_is_refused_unless_the_victim_said_it_is_safe() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    let voicemail = json!({ "method": "phone_call", "outcome": "voicemail_left" });
    let refused = contact(&app, &case, voicemail.clone()).await;
    assert!(field_error(refused, "outcome").await.contains("voicemail"));
    let by_text = json!({ "method": "text_message", "outcome": "someone_else_answered" });
    field_error(contact(&app, &case, by_text).await, "outcome").await;

    change_preferences(&app, &case, |prefs| prefs.voicemail_safe = true).await;
    let log: ContactLogView = app
        .get(&staff_case(&case, "/contacts"))
        .await
        .json()
        .await
        .unwrap();
    assert!(log.voicemail_safe && log.contacts.is_empty());
    assert_eq!(contact(&app, &case, voicemail).await.status(), 201);
}

#[tokio::test]
async fn an_attempt_keeps_a_request_open_and_completing_logs_the_call() {
    let app = spawn_app().await;
    let case = signed_in(&app).await;
    let made = asked(
        &app,
        &case,
        request("case_question", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let attempt = json!({ "method": "phone_call", "outcome": "no_answer", "callback_id": made.id,
                          "note": "Rang twice" });
    assert_eq!(contact(&app, &case, attempt).await.status(), 201);
    let unknown = json!({ "method": "phone_call", "outcome": "no_answer", "callback_id": "nope" });
    field_error(contact(&app, &case, unknown).await, "callback_id").await;
    let listed: StaffCaseCallbacksView = app
        .get(&staff_case(&case, "/callbacks"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        listed.callbacks[0].callback.status,
        CallbackStatus::Requested
    );

    let path = staff_case(&case, &format!("/callbacks/{}/complete", made.id));
    let done = app
        .post_json(&path, &json!({ "outcome": "spoke_to_victim" }))
        .await;
    assert_eq!(done.status(), 200);
    let done: CallbackView = done.json().await.unwrap();
    assert_eq!(done.status, CallbackStatus::Done);
    let again = app
        .post_json(&path, &json!({ "outcome": "spoke_to_victim" }))
        .await;
    field_error(again, "callback").await;

    let log: ContactLogView = app
        .get(&staff_case(&case, "/contacts"))
        .await
        .json()
        .await
        .unwrap();
    let outcomes: Vec<ContactOutcome> = log.contacts.iter().map(|c| c.outcome).collect();
    assert_eq!(
        outcomes,
        [ContactOutcome::SpokeToVictim, ContactOutcome::NoAnswer]
    );
    assert_eq!(log.contacts[1].note.as_deref(), Some("Rang twice"));
    assert_eq!(log.contacts[0].recorded_by, "carded");
    assert!(log
        .contacts
        .iter()
        .all(|c| c.callback_id.as_deref() == Some(made.id.as_str())));

    let actions = audit_actions(&app, &case).await;
    for action in [
        "record_contact_attempt",
        "complete_callback",
        "read_callbacks",
        "read_contact_log",
    ] {
        assert!(
            actions.contains(&action.to_owned()),
            "{action}: {actions:?}"
        );
    }
    // The failed second close wrote nothing.
    assert_eq!(
        actions.iter().filter(|a| *a == "complete_callback").count(),
        1
    );
    assert_eq!(
        actions
            .iter()
            .filter(|a| *a == "record_contact_attempt")
            .count(),
        2
    );
}

/// Queues "you have a new update" for the case now; its outbox id.
async fn queue_update(app: &TestApp, case: &BuiltCase) -> String {
    let update = uuid::Uuid::now_v7().to_string();
    query(
        "INSERT INTO case_updates (id, case_id, update_date, title, what_happened,
                                   what_happens_next, created_at)
         VALUES ($1, $2, '2026-03-10', 'Update', 'Something happened', 'Next', $3)",
    )
    .bind(update.as_str())
    .bind(case.case_id.as_str())
    .bind(app.clock.unix())
    .execute(&mut app.db.conn())
    .await
    .unwrap();
    let now = app.clock.unix();
    outbox::queue_case_update(
        &mut app.db.conn(),
        &case.victim_id,
        &case.case_id,
        &update,
        now,
    )
    .await
    .unwrap()
}

async fn outbox_row(app: &TestApp, id: &str) -> (String, Option<String>) {
    query("SELECT status, failure_reason FROM outbox WHERE id = $1")
        .bind(id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap()
}

#[tokio::test]
async fn someone_else_answering_stops_texts_to_that_number_until_checked() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    // 10am: inside office hours, when texts may go.
    let case = signed_in_minutes_after_8am(&app, 2 * 60).await;
    let answered = json!({ "method": "phone_call", "outcome": "someone_else_answered" });
    assert_eq!(contact(&app, &case, answered).await.status(), 201);
    let log: ContactLogView = app
        .get(&staff_case(&case, "/contacts"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(log.number_checks.len(), 1);
    assert_eq!(log.number_checks[0].phone_ending, "999");

    // A case update and a sign-in code by text: neither goes.
    let update = queue_update(&app, &case).await;
    let victim = app.new_client();
    let start = json!({ "crime_reference": case.crime_reference });
    let started = victim
        .post(app.url("/api/sign-in/start"))
        .json(&start)
        .send()
        .await
        .unwrap();
    assert_eq!(started.status(), 202);
    app.wait_for_sign_in_worker().await;
    deliver_due(&app.state).await.unwrap();
    assert!(provider.sent().is_empty(), "nothing went to the number");
    assert_eq!(
        outbox_row(&app, &update).await,
        ("cancelled".into(), Some(NUMBER_STOPPED.into()))
    );
    let codes: Vec<(String, Option<String>)> = query(
        "SELECT status, failure_reason FROM outbox WHERE kind = 'sign_in_code' AND victim_id = $1",
    )
    .bind(case.victim_id.as_str())
    .fetch_all(&mut app.db.conn())
    .await
    .unwrap();
    assert!(
        codes
            .iter()
            .any(|code| code.1.as_deref() == Some(NUMBER_STOPPED)),
        "{codes:?}"
    );
    // Calls too: the officer cannot book one to it.
    let made = asked(
        &app,
        &case,
        request("case_question", "2026-03-12", "10:00", "12:00"),
    )
    .await;
    let booked = schedule(&app, &case, &made.id, "2026-03-12", "10:00").await;
    assert!(field_error(booked, "callback")
        .await
        .contains("Someone else answered"));
    let listed: StaffCaseCallbacksView = app
        .get(&staff_case(&case, "/callbacks"))
        .await
        .json()
        .await
        .unwrap();
    assert!(listed.callbacks[0].number_flagged);

    // The officer checks with the victim another way: texts go again.
    let checked = app
        .post_json(
            &staff_case(&case, "/contact-check"),
            &json!({ "outcome": "confirmed_safe" }),
        )
        .await;
    assert_eq!(checked.status(), 200);
    let log: ContactLogView = app
        .get(&staff_case(&case, "/contacts"))
        .await
        .json()
        .await
        .unwrap();
    assert!(log.number_checks.is_empty());
    let next = queue_update(&app, &case).await;
    deliver_due(&app.state).await.unwrap();
    assert_eq!(outbox_row(&app, &next).await.0, "sent");
    assert_eq!(provider.sent().len(), 1);
    let actions = audit_actions(&app, &case).await;
    assert!(
        actions.contains(&"confirm_number_safe".to_owned()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn while_the_number_is_stopped_an_update_takes_the_other_written_method() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let case = signed_in_minutes_after_8am(&app, 2 * 60).await;
    change_preferences(&app, &case, |prefs| {
        prefs.second_method = Some(shared::api::preferences::ContactMethod::Email);
        prefs.email = Some("built.victim@example.org".into());
    })
    .await;
    let answered = json!({ "method": "phone_call", "outcome": "someone_else_answered" });
    assert_eq!(contact(&app, &case, answered).await.status(), 201);
    let update = queue_update(&app, &case).await;
    deliver_due(&app.state).await.unwrap();
    assert_eq!(outbox_row(&app, &update).await.0, "sent");
    let sent = provider.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].channel, outbox::Channel::Email);

    // "Changed": the number stays stopped for good, and the warning goes.
    let checked = app
        .post_json(
            &staff_case(&case, "/contact-check"),
            &json!({ "outcome": "changed" }),
        )
        .await;
    assert_eq!(checked.status(), 200);
    change_preferences(&app, &case, |prefs| prefs.second_method = None).await;
    let later = queue_update(&app, &case).await;
    deliver_due(&app.state).await.unwrap();
    assert_eq!(
        outbox_row(&app, &later).await,
        ("cancelled".into(), Some(NUMBER_STOPPED.into()))
    );
}
