//! State-changing requests need proof that they came from our own pages
//! (`Sec-Fetch-Site`, or `Origin` without it); reads never do.

use shared::api::ErrorBody;

use crate::helpers::{spawn_app, spawn_app_with, Options, TEXT_VICTIM};

/// A POST to sign out with the session cookie and the given extra headers, from a client
/// that adds nothing of its own.
async fn sign_out_with(
    app: &crate::helpers::TestApp,
    token: &str,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .post(app.url("/api/sign-out"))
        .header("cookie", format!("__Host-su_session={token}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn a_write_from_another_site_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let token = app.sign_in(TEXT_VICTIM).await;
    let other_site = "https://evil.example";
    for headers in [
        vec![("sec-fetch-site", "cross-site")],
        vec![("sec-fetch-site", "same-site")],
        // Sec-Fetch-Site decides when present, whatever Origin says.
        vec![
            ("sec-fetch-site", "cross-site"),
            ("origin", app.address.as_str()),
        ],
        vec![("origin", other_site)],
        vec![("origin", "null")],
        // Neither header: not a browser on our pages.
        vec![],
    ] {
        let response = sign_out_with(&app, &token, &headers).await;
        assert_eq!(response.status(), 403, "{headers:?}");
        assert!(response.headers().get("set-cookie").is_none());
        let body: ErrorBody = response.json().await.unwrap();
        assert!(
            body.message.contains("did not come from"),
            "{}",
            body.message
        );
    }
    // Still signed in.
    assert_eq!(app.get("/api/session").await.status(), 200);
}

#[tokio::test]
async fn the_refusal_is_in_the_requests_language() {
    let app = spawn_app().await;
    let response = reqwest::Client::new()
        .post(app.url("/api/sign-in/start"))
        .header("sec-fetch-site", "cross-site")
        .header("accept-language", "cy")
        .json(&serde_json::json!({ "crime_reference": TEXT_VICTIM.0 }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);
    let body: ErrorBody = response.json().await.unwrap();
    assert!(body.message.starts_with("Ni ddaeth"), "{}", body.message);
    assert_eq!(app.outbox_count().await, 0, "no code was sent");
}

#[tokio::test]
async fn reads_from_anywhere_are_answered() {
    let app = spawn_app().await;
    let response = reqwest::Client::new()
        .get(app.url("/api/health"))
        .header("sec-fetch-site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test]
async fn with_a_public_origin_only_that_origin_is_ours() {
    let app = spawn_app_with(Options {
        configure: |config| config.public_origin = Some("https://updates.example".to_owned()),
        ..Options::default()
    })
    .await;
    let token = app.sign_in_on(&proxied_client(), TEXT_VICTIM).await;
    // The server's own address is not the public origin.
    let direct = sign_out_with(&app, &token, &[("origin", app.address.as_str())]).await;
    assert_eq!(direct.status(), 403);
    let proxied = sign_out_with(&app, &token, &[("origin", "https://updates.example")]).await;
    assert_eq!(proxied.status(), 204);
}

/// A client whose requests come from `https://updates.example`, as through a proxy.
fn proxied_client() -> reqwest::Client {
    crate::helpers::same_origin_client("https://updates.example")
}
