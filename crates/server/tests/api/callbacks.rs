//! Callback requests: windows checked against UK time and safe times, the open limit,
//! cancelling, and who may see them. The clock is Tuesday 10 March 2026, 08:00 UK time.

use serde_json::{json, Value};
use shared::api::callbacks::{CallbackStatus, CallbackView, CallbacksView};
use shared::api::ErrorBody;

use crate::helpers::{case_path, logs, spawn_app, TestApp, EMAIL_VICTIM, TEXT_VICTIM, TUESDAY_8AM};
use server::platform::db::query;

const TOO_MANY: &str =
    "You already have 3 callback requests open. Cancel one or wait for your officer to call.";

fn callbacks_path(reference: &str) -> String {
    format!("{}/callbacks", case_path(reference))
}

fn request(date: &str, start: &str, end: &str) -> Value {
    json!({
        "reason": "case_question",
        "details": null,
        "urgency": "routine",
        "windows": [{ "date": date, "start": start, "end": end }],
        "one_off_phone": null
    })
}

/// Wednesday 11 March, 10am to 11am: inside office hours.
pub fn valid() -> Value {
    request("2026-03-11", "10:00", "11:00")
}

fn with(mut body: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

async fn signed_in(victim: (&str, &str)) -> TestApp {
    let app = spawn_app().await;
    app.set_clock_to_tuesday_8am();
    app.sign_in(victim).await;
    app
}

async fn created(app: &TestApp, body: &Value) -> CallbackView {
    let response = app.post_callback(TEXT_VICTIM.0, body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

async fn assert_field_error(
    app: &TestApp,
    reference: &str,
    body: &Value,
    field: &str,
    message: &str,
) {
    let response = app.post_callback(reference, body).await;
    assert_eq!(response.status(), 422, "{field}");
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(
        error.errors.get(field),
        Some(&vec![message.to_owned()]),
        "{field}: {:?}",
        error.errors
    );
}

#[tokio::test]
async fn the_list_says_what_can_be_booked() {
    let app = signed_in(TEXT_VICTIM).await;
    let response = app.get(&callbacks_path(TEXT_VICTIM.0)).await;
    assert_eq!(response.status(), 200);
    let view: CallbacksView = response.json().await.unwrap();
    assert!(view.callbacks.is_empty());
    assert_eq!(view.max_open, 3);
    assert!(view.has_phone_on_file);
    assert_eq!(
        view.bookable_dates,
        [
            "2026-03-10",
            "2026-03-11",
            "2026-03-12",
            "2026-03-13",
            "2026-03-16",
            "2026-03-17",
            "2026-03-18",
            "2026-03-19",
            "2026-03-20",
            "2026-03-23"
        ]
    );
    assert_eq!(
        view.safe_times.len(),
        1,
        "office hours when none were given"
    );
    assert_eq!(
        (
            view.safe_times[0].start.as_str(),
            view.safe_times[0].end.as_str()
        ),
        ("09:00", "17:00")
    );
}

#[tokio::test]
async fn a_request_is_stored_and_listed_newest_first() {
    let app = signed_in(TEXT_VICTIM).await;
    let first = created(&app, &valid()).await;
    assert_eq!(first.status, CallbackStatus::Requested);
    assert_eq!(first.phone_ending, "001");
    assert_eq!(first.windows[0].date, "2026-03-11");
    assert!(first.requested_at.starts_with("2026-03-10T08:"));
    assert!(first.scheduled_for.is_none());
    let second = created(&app, &request("2026-03-10", "9:00", "10:00")).await;
    assert_eq!(second.windows[0].start, "09:00");

    let view: CallbacksView = app
        .get(&callbacks_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    // What the create answered is exactly what is stored.
    assert_eq!(view.callbacks, [second, first]);
}

#[tokio::test]
async fn details_round_trip_exactly_and_are_not_logged() {
    let app = signed_in(TEXT_VICTIM).await;
    let details = "  <script>alert(1)</script> & \"quotes\" 'n' ünïcödé\nline two ";
    let made = created(
        &app,
        &with(
            valid(),
            json!({ "details": details, "reason": "something_else" }),
        ),
    )
    .await;
    assert_eq!(made.details.as_deref(), Some(details));
    let view: CallbacksView = app
        .get(&callbacks_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.callbacks[0].details.as_deref(), Some(details));
    assert!(!logs().contents().contains("alert(1)"));
}

#[tokio::test]
async fn details_may_be_1000_characters_but_not_1001() {
    let app = signed_in(TEXT_VICTIM).await;
    let too_long = with(valid(), json!({ "details": "é".repeat(1_001) }));
    assert_field_error(
        &app,
        TEXT_VICTIM.0,
        &too_long,
        "details",
        "Details must be 1,000 characters or fewer",
    )
    .await;
    let at_limit = with(valid(), json!({ "details": "é".repeat(1_000) }));
    assert_eq!(
        created(&app, &at_limit)
            .await
            .details
            .map(|d| d.chars().count()),
        Some(1_000)
    );
}

#[tokio::test]
async fn windows_outside_safe_times_are_refused() {
    let app = signed_in(TEXT_VICTIM).await;
    // Office hours when no safe times were given.
    assert_field_error(
        &app,
        TEXT_VICTIM.0,
        &request("2026-03-11", "17:30", "18:30"),
        "windows.0.start",
        "Choose a time inside your safe times: weekdays between 9am and 5pm",
    )
    .await;

    let prefs = json!({
        "preferred_method": "phone_call", "second_method": null, "phone": "07700 900 982",
        "email": null, "address": null, "postcode": null,
        "safe_times": [{ "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "09:00", "end": "12:00" }],
        "voicemail_safe": false, "letters_safe": false, "caller_id_allowed": false,
        "language": "english", "other_language": null, "interpreter_needed": false,
        "communication_needs": [], "other_needs": null, "update_frequency": "every_update"
    });
    // Calls only leave no way to get a sign-in code: confirmed on the current phone.
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &prefs, TEXT_VICTIM.1)
        .await;
    assert_field_error(
        &app,
        TEXT_VICTIM.0,
        &request("2026-03-11", "11:30", "12:30"),
        "windows.0.start",
        "Choose a time inside your safe times: weekdays between 9am and midday",
    )
    .await;
    let view: CallbacksView = app
        .get(&callbacks_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.safe_times[0].end, "12:00");
    // Inside, and the new number is used.
    let made = created(&app, &request("2026-03-11", "11:00", "12:00")).await;
    assert_eq!(made.phone_ending, "982");
}

#[tokio::test]
async fn windows_must_be_in_the_future_an_hour_long_and_soon() {
    let app = spawn_app().await;
    app.clock.set_unix(TUESDAY_8AM + 2 * 3600); // 10:00 UK time
    app.sign_in(TEXT_VICTIM).await;
    assert_field_error(
        &app,
        TEXT_VICTIM.0,
        &request("2026-03-10", "09:00", "11:00"),
        "windows.0.start",
        "Choose a start time later than now",
    )
    .await;
    assert_field_error(
        &app,
        TEXT_VICTIM.0,
        &request("2026-03-11", "10:00", "10:59"),
        "windows.0.end",
        "The end time must be at least 1 hour after the start time",
    )
    .await;
    for date in ["2026-03-24", "2026-03-14", "2026-03-09"] {
        assert_field_error(
            &app,
            TEXT_VICTIM.0,
            &request(date, "10:00", "11:00"),
            "windows.0.date",
            "Choose a working day in the next 10 working days",
        )
        .await;
    }
    // The 10th working day is fine, and so is later today.
    created(&app, &request("2026-03-23", "10:00", "11:00")).await;
    created(&app, &request("2026-03-10", "10:30", "11:30")).await;
}

#[tokio::test]
async fn other_fields_are_checked() {
    let app = signed_in(TEXT_VICTIM).await;
    let time_format = "Enter a time using the 24-hour clock, like 09:00 or 17:30";
    let cases: Vec<(Value, &str, &str)> = vec![
        (
            json!({ "windows": [] }),
            "windows",
            "Add at least one time when we can call you",
        ),
        (
            json!({ "windows": vec![json!({ "date": "2026-03-11", "start": "10:00", "end": "11:00" }); 6] }),
            "windows",
            "You can add up to 5 times",
        ),
        (
            json!({ "windows": [{ "date": "tomorrow", "start": "10:00", "end": "11:00" }] }),
            "windows.0.date",
            "Enter a real date, like 2025-11-27",
        ),
        (
            json!({ "windows": [{ "date": "2026-03-11", "start": "ten", "end": "11:00" }] }),
            "windows.0.start",
            time_format,
        ),
        (
            json!({ "windows": [{ "date": "2026-03-11", "start": "10:00", "end": "" }] }),
            "windows.0.end",
            time_format,
        ),
        (
            json!({ "reason": "something_else", "details": "   " }),
            "details",
            "Tell us what you want to talk about",
        ),
        (
            json!({ "one_off_phone": "call me" }),
            "one_off_phone",
            "Enter a phone number, like 07700 900 982 or +44 7700 900 982",
        ),
    ];
    for (changes, field, message) in cases {
        assert_field_error(&app, TEXT_VICTIM.0, &with(valid(), changes), field, message).await;
    }
    let view: CallbacksView = app
        .get(&callbacks_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert!(view.callbacks.is_empty());
}

#[tokio::test]
async fn without_a_phone_on_file_a_one_off_number_is_needed() {
    let app = signed_in(EMAIL_VICTIM).await;
    let view: CallbacksView = app
        .get(&callbacks_path(EMAIL_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert!(!view.has_phone_on_file);
    assert_field_error(
        &app,
        EMAIL_VICTIM.0,
        &valid(),
        "one_off_phone",
        "Enter a phone number we can call you on",
    )
    .await;
    let response = app
        .post_callback(
            EMAIL_VICTIM.0,
            &with(valid(), json!({ "one_off_phone": "07700 900 456" })),
        )
        .await;
    assert_eq!(response.status(), 201);
    let made: CallbackView = response.json().await.unwrap();
    assert_eq!(made.phone_ending, "456");
    assert!(!logs().contents().contains("+447700900456"));
}

#[tokio::test]
async fn a_fourth_open_request_conflicts_until_one_is_cancelled() {
    let app = signed_in(TEXT_VICTIM).await;
    let mut made = Vec::new();
    for _ in 0..3 {
        made.push(created(&app, &valid()).await);
    }
    let response = app.post_callback(TEXT_VICTIM.0, &valid()).await;
    assert_eq!(response.status(), 409);
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(error.message, TOO_MANY);
    assert_eq!(error.errors["callbacks"], vec![TOO_MANY]);

    let response = app.cancel_callback(TEXT_VICTIM.0, &made[1].id).await;
    assert_eq!(response.status(), 200);
    let cancelled: CallbackView = response.json().await.unwrap();
    assert_eq!(cancelled.status, CallbackStatus::Cancelled);
    assert_eq!(cancelled.id, made[1].id);

    let again = app.cancel_callback(TEXT_VICTIM.0, &made[1].id).await;
    assert_eq!(again.status(), 409);
    let error: ErrorBody = again.json().await.unwrap();
    assert_eq!(error.message, "This callback request is already cancelled.");

    // The cancelled one freed a slot.
    created(&app, &valid()).await;
    assert_eq!(
        app.post_callback(TEXT_VICTIM.0, &valid()).await.status(),
        409
    );
    let view: CallbacksView = app
        .get(&callbacks_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.callbacks.len(), 4);
    assert!(
        view.callbacks.contains(&cancelled),
        "as the cancel answered"
    );
}

#[tokio::test]
async fn a_request_that_has_happened_cannot_be_cancelled() {
    let app = signed_in(TEXT_VICTIM).await;
    let made = created(&app, &valid()).await;
    query("UPDATE callback_requests SET status = 'done' WHERE id = $1")
        .bind(&made.id)
        .execute(&mut app.db.conn())
        .await
        .unwrap();
    let response = app.cancel_callback(TEXT_VICTIM.0, &made.id).await;
    assert_eq!(response.status(), 409);
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(
        error.message,
        "This callback has already happened, so it cannot be cancelled."
    );
}

#[tokio::test]
async fn other_victims_and_unknown_ids_get_404() {
    let app = signed_in(TEXT_VICTIM).await;
    let mine = created(&app, &valid()).await;
    assert_eq!(
        app.cancel_callback(TEXT_VICTIM.0, "no-such-id")
            .await
            .status(),
        404
    );

    app.post_json("/api/sign-out", &json!({})).await;
    app.sign_in(EMAIL_VICTIM).await;
    assert_eq!(app.get(&callbacks_path(TEXT_VICTIM.0)).await.status(), 404);
    assert_eq!(
        app.post_callback(TEXT_VICTIM.0, &valid()).await.status(),
        404
    );
    assert_eq!(
        app.cancel_callback(TEXT_VICTIM.0, &mine.id).await.status(),
        404
    );
    // Another case's id under your own case is unknown too.
    assert_eq!(
        app.cancel_callback(EMAIL_VICTIM.0, &mine.id).await.status(),
        404
    );

    let (status,): (String,) = query("SELECT status FROM callback_requests WHERE id = $1")
        .bind(&mine.id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(status, "requested");
}

#[tokio::test]
async fn signed_out_callers_get_401() {
    let app = spawn_app().await;
    assert_eq!(app.get(&callbacks_path(TEXT_VICTIM.0)).await.status(), 401);
    assert_eq!(
        app.post_callback(TEXT_VICTIM.0, &valid()).await.status(),
        401
    );
    assert_eq!(app.cancel_callback(TEXT_VICTIM.0, "x").await.status(), 401);
}

#[tokio::test]
async fn parallel_requests_cannot_open_more_than_3() {
    let app = signed_in(TEXT_VICTIM).await;
    let url = app.url(&callbacks_path(TEXT_VICTIM.0));
    let tasks: Vec<_> = (0..6)
        .map(|_| {
            let client = app.client.clone();
            let url = url.clone();
            tokio::spawn(async move {
                client
                    .post(url)
                    .json(&valid())
                    .send()
                    .await
                    .map(|r| r.status().as_u16())
            })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap().unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [201, 201, 201, 409, 409, 409]);
}

#[tokio::test]
async fn parallel_cancels_of_one_request_succeed_once() {
    let app = signed_in(TEXT_VICTIM).await;
    let made = created(&app, &valid()).await;
    let url = app.url(&format!(
        "{}/{}/cancel",
        callbacks_path(TEXT_VICTIM.0),
        made.id
    ));
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let client = app.client.clone();
            let url = url.clone();
            tokio::spawn(async move { client.post(url).send().await.map(|r| r.status().as_u16()) })
        })
        .collect();
    let mut statuses = Vec::new();
    for task in tasks {
        statuses.push(task.await.unwrap().unwrap());
    }
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409, 409, 409]);
}
