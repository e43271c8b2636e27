//! Error shapes, health, headers and the demo-only outbox.

use axum::body::Body;
use axum::http::Request;
use serde_json::{json, Value};
use shared::api::{ErrorBody, OutboxResponse};
use tower::ServiceExt;

use crate::helpers::{spawn_app, spawn_app_with, Options, TEXT_VICTIM};

async fn assert_body_error(response: reqwest::Response) {
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.message, "There is a problem");
    assert_eq!(body.errors.keys().collect::<Vec<_>>(), vec!["body"]);
    assert_eq!(body.errors["body"].len(), 1);
}

#[tokio::test]
async fn health_checks_the_database() {
    let app = spawn_app().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({ "status": "ok" })
    );
}

#[tokio::test]
async fn the_router_can_be_driven_in_process() {
    let dir = tempfile::tempdir().unwrap();
    let url = crate::helpers::fresh_database_url(&dir).await;
    let db = server::platform::db::connect(&url).await.unwrap();
    let config = server::Config::for_tests(url, dir.path().join("dist"), false);
    let app = server::app(
        server::AppState::new(
            db,
            config,
            crate::helpers::test_keys(),
            server::Clock::system(),
        )
        .unwrap(),
    );
    let request = Request::get("/api/health").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn a_broken_database_gives_an_opaque_500_with_a_request_id() {
    let app = spawn_app().await;
    app.db.close().await;
    let response = app.get("/api/health").await;
    assert_eq!(response.status(), 500);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(
        body.message,
        "Sorry, there is a problem with the service. Try again later."
    );
    assert!(body.errors.is_empty());
    let request_id = body.request_id.expect("request id");
    assert!(uuid::Uuid::parse_str(&request_id).is_ok());
    assert!(
        crate::helpers::logs().contents().contains(&request_id),
        "request id is logged"
    );
}

#[tokio::test]
async fn malformed_json_gets_the_error_shape() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/sign-in/start"))
        .header("content-type", "application/json")
        .body("{\"crime_reference\": ")
        .send()
        .await
        .unwrap();
    assert_body_error(response).await;
}

#[tokio::test]
async fn missing_or_wrong_content_type_gets_the_error_shape() {
    let app = spawn_app().await;
    let body = json!({ "crime_reference": TEXT_VICTIM.0 }).to_string();
    let missing = app
        .client
        .post(app.url("/api/sign-in/start"))
        .body(body.clone())
        .send()
        .await
        .unwrap();
    assert_body_error(missing).await;
    let wrong = app
        .client
        .post(app.url("/api/sign-in/start"))
        .header("content-type", "text/plain")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_body_error(wrong).await;
}

#[tokio::test]
async fn missing_fields_and_wrong_types_get_the_error_shape() {
    let app = spawn_app().await;
    assert_body_error(app.post_json("/api/sign-in/start", &json!({})).await).await;
    assert_body_error(
        app.post_json("/api/sign-in/start", &json!({ "crime_reference": 5 }))
            .await,
    )
    .await;
    assert_body_error(
        app.post_json(
            "/api/sign-in/verify",
            &json!({ "crime_reference": "CR/100001/25" }),
        )
        .await,
    )
    .await;
}

#[tokio::test]
async fn unknown_api_paths_get_a_json_404() {
    let app = spawn_app().await;
    for path in [
        "/api/nope",
        "/api",
        "/api/cases",
        "/api/sign-in/start/extra",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        let body: ErrorBody = response.json().await.unwrap();
        assert_eq!(body.message, "Not found");
    }
}

#[tokio::test]
async fn a_wrong_method_gets_a_json_405() {
    let app = spawn_app().await;
    let response = app
        .client
        .delete(app.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let _: ErrorBody = response.json().await.unwrap();
}

#[tokio::test]
async fn security_headers_are_on_every_response() {
    let app = spawn_app().await;
    for path in ["/api/health", "/api/nope", "/", "/case"] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"));
        assert!(headers.contains_key("x-request-id"), "{path}");
        assert_eq!(
            headers["strict-transport-security"], "max-age=31536000",
            "{path}"
        );
        assert_eq!(
            headers["cross-origin-opener-policy"], "same-origin",
            "{path}"
        );
        assert_eq!(
            headers["cross-origin-resource-policy"], "same-origin",
            "{path}"
        );
        let permissions = headers["permissions-policy"].to_str().unwrap();
        assert!(
            permissions.contains("camera=()") && permissions.contains("geolocation=()"),
            "{path}: {permissions}"
        );
    }
    let api = app.get("/api/health").await;
    assert_eq!(api.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn the_request_id_is_always_the_servers_own() {
    let app = spawn_app().await;
    let response = app
        .client
        .get(app.url("/api/health"))
        .header("x-request-id", "forged-id")
        .send()
        .await
        .unwrap();
    let id = response.headers()["x-request-id"].to_str().unwrap();
    assert_ne!(id, "forged-id");
    assert!(uuid::Uuid::parse_str(id).is_ok(), "{id}");
}

#[tokio::test]
async fn a_body_over_16_kb_gets_a_413_in_the_usual_shape() {
    let app = spawn_app().await;
    let padding = "x".repeat(server::BODY_LIMIT_BYTES);
    let response = app
        .post_json(
            "/api/sign-in/start",
            &serde_json::json!({ "crime_reference": "CR/100001/25", "padding": padding }),
        )
        .await;
    assert_eq!(response.status(), 413);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.message, "There is a problem");
    assert!(
        body.errors["body"][0].starts_with("The request is too large"),
        "{body:?}"
    );
    // Just under the limit is read as usual (an unknown field is ignored).
    let fits = "x".repeat(server::BODY_LIMIT_BYTES - 100);
    let response = app
        .post_json(
            "/api/sign-in/start",
            &serde_json::json!({ "crime_reference": "CR/100001/25", "padding": fits }),
        )
        .await;
    assert_eq!(response.status(), 202);
}

#[tokio::test]
async fn the_dev_outbox_lists_messages_in_demo_mode() {
    let app = spawn_app().await;
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    // (Asking again within a minute would re-use the first code.)
    app.advance_clock(2);
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    assert_eq!(app.start_sign_in("CR/100002/25").await.status(), 202);

    let all: OutboxResponse = app.get("/api/dev/outbox").await.json().await.unwrap();
    assert_eq!(all.messages.len(), 3);
    assert_eq!(all.messages[0].channel, "email", "newest first");

    let texts: OutboxResponse = app
        .get("/api/dev/outbox?recipient=%2B447700900001")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(texts.messages.len(), 2);
    assert!(texts
        .messages
        .iter()
        .all(|m| m.channel == "sms" && m.recipient == TEXT_VICTIM.1));
    let newest = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    assert!(texts.messages[0].body.contains(&newest));
}

#[tokio::test]
async fn the_dev_outbox_does_not_exist_outside_demo_mode() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    let response = app.get("/api/dev/outbox").await;
    assert_eq!(response.status(), 404);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.message, "Not found");
}

#[tokio::test]
async fn the_demo_outbox_page_is_plain_html_with_its_own_policy_in_demo_mode() {
    let app = spawn_app().await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();

    let response = app.get("/demo/outbox").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    let policy = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(policy.contains("'sha256-") && !policy.contains("unsafe-inline"));
    assert!(!policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    let html = response.text().await.unwrap();
    assert!(html.contains("<title>Demo messages – Safe Updates</title>"));
    assert!(html.contains("<h1>Demo messages</h1>"));
    assert!(html.contains(TEXT_VICTIM.1) && html.contains(&code));
    assert!(!html.contains("<script"));
}

#[tokio::test]
async fn the_demo_outbox_page_does_not_exist_outside_demo_mode() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    let html = app
        .get("/demo/outbox")
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(!html.contains("Demo messages"));
}
