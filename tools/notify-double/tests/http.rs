//! The double over HTTP, as the bench and a person use it: the test controls, Notify's
//! answers, and receipts posted on their own after a delay.

use std::time::Duration;

use axum::routing::post;
use axum::Router;
use notify_double::{auth, Callback, Config, Receipts, ServiceKey};
use serde_json::{json, Value};
use tokio::sync::mpsc;

fn bearer() -> String {
    let key = ServiceKey::parse(notify_double::TEST_API_KEY).unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    format!("Bearer {}", auth::token(&key, now as i64))
}

fn sms(phone: &str) -> Value {
    json!({
        "phone_number": phone,
        "template_id": notify_double::SMS_TEMPLATE,
        "personalisation": {"body": "Hello"},
        "reference": "ref-1",
    })
}

async fn send(http: &reqwest::Client, base: &str, body: &Value) -> (u16, Value) {
    let response = http
        .post(format!("{base}/v2/notifications/sms"))
        .header("authorization", bearer())
        .json(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    (status, response.json().await.unwrap())
}

#[tokio::test]
async fn scripts_shapes_and_the_test_view_over_http() {
    let double = notify_double::spawn(Config::default()).await.unwrap();
    let base = double.base_url();
    let http = reqwest::Client::new();
    let script = json!({"recipient": "07700900123", "outcome": {"reject": 429}});
    let scripted = http
        .post(format!("{base}/_test/script"))
        .json(&script)
        .send()
        .await
        .unwrap();
    assert_eq!(scripted.status(), 204);
    let (status, body) = send(&http, &base, &sms("+447700900123")).await;
    assert_eq!(
        (status, &body["errors"][0]["error"]),
        (429, &json!("RateLimitError"))
    );
    let (status, body) = send(&http, &base, &sms("+447700900123")).await;
    assert_eq!(status, 201);
    assert_eq!(body["content"]["body"], "Hello");
    let (status, body) = send(
        &http,
        &base,
        &json!({"template_id": notify_double::SMS_TEMPLATE}),
    )
    .await;
    assert_eq!(
        (status, &body["errors"][0]["message"]),
        (400, &json!("phone_number is a required property"))
    );
    let mut missing = sms("07700900123");
    missing["personalisation"] = json!({});
    let (status, body) = send(&http, &base, &missing).await;
    assert_eq!(
        (status, &body["errors"][0]["message"]),
        (400, &json!("Missing personalisation: body"))
    );
    // A smoke-test number is answered but not kept.
    let (status, _) = send(&http, &base, &sms("07700900000")).await;
    assert_eq!(status, 201);
    let unauthorised = http
        .post(format!("{base}/v2/notifications/sms"))
        .json(&sms("07700900123"))
        .send()
        .await
        .unwrap();
    assert_eq!(unauthorised.status(), 401);

    let seen: Vec<Value> = http
        .get(format!("{base}/_test/notifications"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (&seen[0]["body"], &seen[0]["recipient"]),
        (&json!("Hello"), &json!("07700900123"))
    );
    let reset = http
        .post(format!("{base}/_test/reset"))
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 204);
    assert!(double.notifications().is_empty());
}

#[tokio::test]
async fn receipts_go_out_on_their_own_with_the_bearer_token() {
    let (seen, mut arrived) = mpsc::unbounded_channel::<(Option<String>, Value)>();
    let callback = Router::new().route(
        "/receipts",
        post(
            move |headers: axum::http::HeaderMap, body: axum::Json<Value>| {
                let seen = seen.clone();
                async move {
                    let token = headers
                        .get("authorization")
                        .and_then(|v| v.to_str().ok())
                        .map(str::to_owned);
                    let _ = seen.send((token, body.0));
                    axum::http::StatusCode::NO_CONTENT
                }
            },
        ),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/receipts", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, callback).await });
    let double = notify_double::spawn(Config {
        callback: Some(Callback {
            url,
            bearer_token: "receipt-token".into(),
        }),
        receipts: Receipts::After(Duration::from_millis(10)),
        ..Config::default()
    })
    .await
    .unwrap();
    let http = reqwest::Client::new();
    let (status, created) = send(&http, &double.base_url(), &sms("07700900002")).await;
    assert_eq!(status, 201);
    let (token, receipt) = tokio::time::timeout(Duration::from_secs(10), arrived.recv())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(token.as_deref(), Some("Bearer receipt-token"));
    assert_eq!(receipt["id"], created["id"]);
    assert_eq!(receipt["status"], "permanent-failure");
    assert_eq!(receipt["reference"], "ref-1");
    assert_eq!(receipt["notification_type"], "sms");
}
