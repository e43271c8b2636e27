//! Sessions: who is signed in, idle and absolute expiry, signing out.

use shared::api::ErrorBody;

use crate::helpers::{case_path, set_cookie, spawn_app, EMAIL_VICTIM, TEXT_VICTIM};

#[tokio::test]
async fn without_a_session_the_api_answers_401() {
    let app = spawn_app().await;
    for path in ["/api/session".to_owned(), case_path(TEXT_VICTIM.0)] {
        let response = app.get(&path).await;
        assert_eq!(response.status(), 401, "{path}");
        let body: ErrorBody = response.json().await.unwrap();
        assert!(!body.message.is_empty());
    }
}

#[tokio::test]
async fn a_made_up_session_cookie_is_401() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/api/session"))
        .header("cookie", format!("__Host-su_session={}", "A".repeat(43)))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_session_ends_after_30_idle_minutes() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    app.advance_clock(29);
    assert_eq!(app.get("/api/session").await.status(), 200);
    app.advance_clock(31);
    assert_eq!(app.get("/api/session").await.status(), 401);
    // Ended for good: going back in activity does not revive it.
    assert_eq!(app.get("/api/session").await.status(), 401);
}

#[tokio::test]
async fn activity_keeps_a_session_alive() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    for _ in 0..4 {
        app.advance_clock(20);
        assert_eq!(app.get(&case_path(TEXT_VICTIM.0)).await.status(), 200);
    }
}

#[tokio::test]
async fn each_signed_in_request_renews_the_cookie() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let response = app.get("/api/session").await;
    let cookie = set_cookie(&response).expect("cookie renewed");
    assert!(cookie.contains("Max-Age=1800") && cookie.contains("HttpOnly"));
    // Requests without a valid session do not get one.
    let anonymous = reqwest::get(app.url("/api/session")).await.unwrap();
    assert!(set_cookie(&anonymous).is_none());
}

#[tokio::test]
async fn a_session_ends_after_12_hours_however_active() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    for _ in 0..28 {
        app.advance_clock(25);
        assert_eq!(app.get("/api/session").await.status(), 200);
    }
    // 28 × 25 = 700 minutes; the next step passes 12 hours (720).
    app.advance_clock(25);
    assert_eq!(app.get("/api/session").await.status(), 401);
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    let app = spawn_app().await;
    let token = app.sign_in(TEXT_VICTIM).await;

    let response = app
        .client
        .post(app.url("/api/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let cookie = set_cookie(&response).unwrap();
    assert!(cookie.starts_with("__Host-su_session=;") && cookie.contains("Max-Age=0"));
    assert_eq!(app.get("/api/session").await.status(), 401);

    // Replaying the old cookie value does not work either.
    let replayed = reqwest::Client::new()
        .get(app.url("/api/session"))
        .header("cookie", format!("__Host-su_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replayed.status(), 401);
}

#[tokio::test]
async fn signing_out_when_not_signed_in_is_fine() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/sign-out"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
}

#[tokio::test]
async fn signing_out_works_as_a_beacon_with_a_text_body() {
    // "Exit this page" ends the session with navigator.sendBeacon, which POSTs text/plain
    // (or no body at all), cannot wait for the answer, and proves where it came from with
    // Sec-Fetch-Site (a browser may leave Origin out).
    let app = spawn_app().await;
    let token = app.sign_in(TEXT_VICTIM).await;
    let response = reqwest::Client::new()
        .post(app.url("/api/sign-out"))
        .header("cookie", format!("__Host-su_session={token}"))
        .header("sec-fetch-site", "same-origin")
        .header("content-type", "text/plain;charset=UTF-8")
        .body("")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(app.get("/api/session").await.status(), 401);
}

#[tokio::test]
async fn signing_out_everywhere_ends_the_victims_sessions_on_every_device() {
    let app = spawn_app().await;
    let phone = app.new_client();
    app.sign_in(TEXT_VICTIM).await;
    app.sign_in_on(&phone, TEXT_VICTIM).await;
    let someone_else = app.new_client();
    app.sign_in_on(&someone_else, EMAIL_VICTIM).await;
    let status = |client: reqwest::Client| {
        let url = app.url("/api/session");
        async move { client.get(url).send().await.unwrap().status() }
    };
    assert_eq!(status(phone.clone()).await, 200);

    let response = app
        .client
        .post(app.url("/api/sign-out-everywhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    let cookie = set_cookie(&response).unwrap();
    assert!(cookie.starts_with("__Host-su_session=;") && cookie.contains("Max-Age=0"));
    assert_eq!(app.get("/api/session").await.status(), 401);
    assert_eq!(status(phone).await, 401);
    // Another victim's session is theirs alone.
    assert_eq!(status(someone_else).await, 200);
}

#[tokio::test]
async fn signing_out_everywhere_needs_a_session() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/sign-out-everywhere"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
    let _: ErrorBody = response.json().await.unwrap();
}
