//! Sign-in abuse limits for victims: 429s with `Retry-After` and plain words, the failed
//! code caps that alert the officer, the same writes for known and unknown references,
//! and signing in ending the browser's old session.

use reqwest::Response;
use serde_json::json;
use shared::api::staff::{StaffCaseView, StaffCasesView};
use shared::api::ErrorBody;

use crate::helpers::*;
use crate::staff::create_staff;
use server::platform::db::query;

/// Asserts a 429 whose `Retry-After` is within `max_secs` and whose message is
/// `expected`; returns the wait.
async fn assert_too_many(response: Response, expected_start: &str, max_secs: i64) -> i64 {
    assert_eq!(response.status(), 429);
    let wait: i64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=max_secs).contains(&wait), "Retry-After: {wait}");
    let body: ErrorBody = response.json().await.unwrap();
    assert!(body.message.starts_with(expected_start), "{}", body.message);
    assert!(body.errors.is_empty());
    wait
}

#[tokio::test]
async fn one_address_asking_too_often_gets_429_with_retry_after_and_plain_words() {
    let app = app_at_8am(Options {
        sign_in_limits: Some((3, 600)),
        ..Options::default()
    })
    .await;
    for reference in [TEXT_VICTIM.0, EMAIL_VICTIM.0, UNKNOWN_REFERENCE] {
        assert_eq!(app.start_sign_in(reference).await.status(), 202);
    }
    let refused = app.start_sign_in(ROBBERY_VICTIM.0).await;
    assert_too_many(refused, "Too many tries. Try again in ", 15 * 60).await;
    assert_eq!(
        app.outbox_count().await,
        2,
        "the refused request sent nothing"
    );

    let welsh = app
        .client
        .post(app.url("/api/sign-in/start"))
        .header("accept-language", "cy")
        .json(&json!({ "crime_reference": ROBBERY_VICTIM.0 }))
        .send()
        .await
        .unwrap();
    let wait = assert_too_many(welsh, "Gormod o ymdrechion.", 15 * 60).await;
    assert!(wait > 0);

    // Entering codes has its own count; a new window starts after 15 minutes.
    assert_eq!(app.verify(TEXT_VICTIM.0, "000000").await.status(), 422);
    app.advance_clock(15);
    assert_eq!(app.start_sign_in(ROBBERY_VICTIM.0).await.status(), 202);
}

#[tokio::test]
async fn everyone_together_is_limited_too() {
    let app = app_at_8am(Options {
        sign_in_limits: Some((1000, 2)),
        ..Options::default()
    })
    .await;
    app.verify(UNKNOWN_REFERENCE, "000000").await;
    app.verify(UNKNOWN_REFERENCE, "000000").await;
    let refused = app.verify(TEXT_VICTIM.0, "000000").await;
    assert_too_many(refused, "Too many tries. Try again in ", 60).await;
}

#[tokio::test]
async fn five_requests_an_hour_per_reference_known_or_not() {
    let app = app_at_8am(Options::default()).await;
    for reference in [TEXT_VICTIM.0, UNKNOWN_REFERENCE] {
        for _ in 0..5 {
            assert_eq!(app.start_sign_in(reference).await.status(), 202);
            app.advance_clock(2);
        }
    }
    let known = app.start_sign_in(TEXT_VICTIM.0).await;
    let unknown = app.start_sign_in(UNKNOWN_REFERENCE).await;
    let known_wait = assert_too_many(known, "Too many tries.", 3600).await;
    let unknown_wait = assert_too_many(unknown, "Too many tries.", 3600).await;
    assert_eq!(known_wait, unknown_wait);
}

/// Ten wrong codes for `reference`: two codes' five tries each.
async fn ten_wrong_codes(app: &TestApp, (reference, recipient): (&str, &str)) {
    for _ in 0..2 {
        app.start_sign_in(reference).await;
        let code = app.latest_code_for(recipient).await.unwrap();
        for _ in 0..5 {
            let response = app.verify(reference, &other_code(&code)).await;
            assert_eq!(response.status(), 422);
        }
        app.advance_clock(2);
    }
}

#[tokio::test]
async fn ten_wrong_codes_a_day_block_the_reference_and_alert_the_officer() {
    let app = app_at_8am(Options::default()).await;
    let officer = create_staff(&app, "alerted", "officer", None, Some(TEXT_VICTIM.0)).await;
    app.staff_signed_in(&officer).await;
    let path = format!("/api/staff/cases/{}", TEXT_VICTIM.0.replace('/', "%2F"));
    let before: StaffCaseView = app.get(&path).await.json().await.unwrap();
    assert!(!before.sign_in_blocked);

    ten_wrong_codes(&app, TEXT_VICTIM).await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let right = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    let blocked = app.verify(TEXT_VICTIM.0, &right).await;
    assert_too_many(blocked, "Too many tries. Try again in ", 24 * 3600).await;

    let case: StaffCaseView = app.get(&path).await.json().await.unwrap();
    assert!(case.sign_in_blocked, "the officer sees the alert");
    let list: StaffCasesView = app.get("/api/staff/cases").await.json().await.unwrap();
    let line = list
        .cases
        .iter()
        .find(|c| c.crime_reference == TEXT_VICTIM.0)
        .unwrap();
    assert!(line.sign_in_blocked);
    assert_eq!(count(&app.db, "sign_in_alerts").await, 1);

    // The next day the block has gone, and the victim can sign in.
    app.advance_clock(24 * 60);
    app.staff_signed_in(&officer).await;
    let case: StaffCaseView = app.get(&path).await.json().await.unwrap();
    assert!(!case.sign_in_blocked);
    app.sign_in(TEXT_VICTIM).await;
}

#[tokio::test]
async fn an_unknown_reference_is_capped_the_same_way_without_an_alert() {
    let app = app_at_8am(Options::default()).await;
    for _ in 0..10 {
        assert_eq!(app.verify(UNKNOWN_REFERENCE, "123456").await.status(), 422);
    }
    let blocked = app.verify(UNKNOWN_REFERENCE, "123456").await;
    assert_too_many(blocked, "Too many tries. Try again in ", 24 * 3600).await;
    assert_eq!(count(&app.db, "sign_in_alerts").await, 0);
}

#[tokio::test]
async fn forty_five_wrong_codes_a_year_block_until_the_officer_helps() {
    let app = app_at_8am(Options::default()).await;
    // No code is live: each wrong code still counts (against a stand-in try counter).
    for _day in 0..4 {
        for _ in 0..10 {
            assert_eq!(app.verify(TEXT_VICTIM.0, "123456").await.status(), 422);
        }
        app.advance_clock(24 * 60);
    }
    for _ in 0..5 {
        assert_eq!(app.verify(TEXT_VICTIM.0, "123456").await.status(), 422);
    }
    let blocked = app.verify(TEXT_VICTIM.0, "123456").await;
    let wait = assert_too_many(blocked, "Too many wrong codes. Call 101", 365 * 86_400).await;
    assert!(wait > 36 * 3600, "until the yearly window ends: {wait} s");
    let (kinds,): (String,) =
        query("SELECT kind FROM sign_in_alerts ORDER BY created_at DESC LIMIT 1")
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(kinds, "year");
    // Four daily alerts, then the yearly one.
    assert_eq!(count(&app.db, "sign_in_alerts").await, 5);
}

/// What the database holds that a request could change: each sign-in table's rows, and
/// the rate-limit hits.
async fn footprint(app: &TestApp) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in [
        "rate_limits",
        "sign_in_requests",
        "sign_in_codes",
        "sign_in_alerts",
        "outbox",
        "sessions",
        "cases",
        "victims",
    ] {
        counts.push(count(&app.db, table).await);
    }
    let (hits,): (i64,) = query("SELECT CAST(COALESCE(SUM(hits), 0) AS BIGINT) FROM rate_limits")
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    counts.push(hits);
    let (used,): (i64,) = query("SELECT COUNT(*) FROM sign_in_codes WHERE used_at IS NOT NULL")
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    counts.push(used);
    counts
}

fn delta(after: &[i64], before: &[i64]) -> Vec<i64> {
    after.iter().zip(before).map(|(a, b)| a - b).collect()
}

#[tokio::test]
async fn asking_for_a_code_writes_the_same_for_known_and_unknown_references() {
    // Without the worker, what the request itself wrote stays to be seen.
    let app = app_at_8am(Options {
        sign_in_worker: false,
        ..Options::default()
    })
    .await;
    // A first request creates the address's and everyone's counter rows.
    app.post_json(
        "/api/sign-in/start",
        &json!({ "crime_reference": EMAIL_VICTIM.0 }),
    )
    .await;
    let known_body = json!({ "crime_reference": TEXT_VICTIM.0 });
    let unknown_body = json!({ "crime_reference": UNKNOWN_REFERENCE });
    let before = footprint(&app).await;
    let response = app.post_json("/api/sign-in/start", &known_body).await;
    assert_eq!(response.status(), 202);
    let known = delta(&footprint(&app).await, &before);
    let before = footprint(&app).await;
    let response = app.post_json("/api/sign-in/start", &unknown_body).await;
    assert_eq!(response.status(), 202);
    let unknown = delta(&footprint(&app).await, &before);
    assert_eq!(known, unknown);
    // One new counter row (the reference's), three hits, one queued request.
    assert_eq!(known, vec![1, 1, 0, 0, 0, 0, 0, 0, 3, 0]);
}

#[tokio::test]
async fn a_wrong_code_writes_the_same_for_known_and_unknown_references() {
    let app = app_at_8am(Options::default()).await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    // A first check creates the address's and everyone's counter rows.
    app.verify(EMAIL_VICTIM.0, "000000").await;

    let before = footprint(&app).await;
    assert_eq!(
        app.verify(TEXT_VICTIM.0, &other_code(&code)).await.status(),
        422
    );
    let known = delta(&footprint(&app).await, &before);
    let before = footprint(&app).await;
    assert_eq!(app.verify(UNKNOWN_REFERENCE, &code).await.status(), 422);
    let unknown = delta(&footprint(&app).await, &before);
    assert_eq!(known, unknown);
    // The try, the day's and the year's failures: three new rows; five hits with the
    // address's and everyone's. Nothing else.
    assert_eq!(known, vec![3, 0, 0, 0, 0, 0, 0, 0, 5, 0]);
}

#[tokio::test]
async fn signing_in_ends_the_session_the_browser_already_had() {
    let app = app_at_8am(Options::default()).await;
    let first = app.sign_in(TEXT_VICTIM).await;
    app.advance_clock(2);
    // The client still sends the first session's cookie with this sign-in.
    let second = app.sign_in(TEXT_VICTIM).await;
    assert_ne!(first, second);
    let (ended,): (i64,) = query("SELECT COUNT(*) FROM sessions WHERE ended_at IS NOT NULL")
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(ended, 1);
    let old = reqwest::Client::new()
        .get(app.url("/api/session"))
        .header("cookie", format!("__Host-su_session={first}"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.status(), 401);
    assert_eq!(app.get("/api/session").await.status(), 200);
}
