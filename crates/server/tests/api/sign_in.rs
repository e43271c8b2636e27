//! Signing in with a one-time code.

use serde_json::{json, Value};
use shared::api::{ErrorBody, SessionView, StartSignInResponse};

use crate::helpers::{
    app_at_8am, other_code, set_cookie, spawn_app, spawn_app_with, Options, EMAIL_VICTIM,
    LETTER_ONLY_REFERENCE, TEXT_VICTIM, UNKNOWN_REFERENCE,
};
use server::platform::db::query;

const CODE_REJECTED: &str = "The code is wrong or has expired. Check the code, or ask for a new \
    one. After 5 wrong tries you need a new code.";

async fn assert_code_rejected(response: reqwest::Response) {
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.message, "There is a problem");
    assert_eq!(body.errors.len(), 1);
    assert_eq!(body.errors["code"], vec![CODE_REJECTED]);
}

#[tokio::test]
async fn sign_in_sets_a_safe_session_cookie() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;

    let started = app.start_sign_in(reference).await;
    assert_eq!(started.status(), 202);
    let started: StartSignInResponse = started.json().await.unwrap();
    assert_eq!(started.expires_in_minutes, 10);

    let code = app.latest_code_for(phone).await.expect("code sent by text");
    let response = app.verify(reference, &code).await;
    assert_eq!(response.status(), 200);
    let cookie = set_cookie(&response).expect("cookie set");
    assert!(cookie.starts_with("__Host-su_session="), "{cookie}");
    for attribute in [
        "HttpOnly",
        "SameSite=Strict",
        "Path=/",
        "Max-Age=1800",
        "Secure",
    ] {
        assert!(
            cookie.contains(attribute),
            "{attribute} missing from {cookie}"
        );
    }
    assert!(
        !cookie.contains("Domain"),
        "__Host- cookies have no Domain: {cookie}"
    );
    let session: SessionView = response.json().await.unwrap();
    assert_eq!(session.crime_reference, reference);
    assert_eq!(session.idle_timeout_minutes, 30);
    assert_eq!(serde_json::to_value(session.role).unwrap(), json!("victim"));

    assert_eq!(app.get("/api/session").await.status(), 200);
}

#[tokio::test]
async fn plain_http_local_use_drops_secure_and_hsts_only_when_asked() {
    let app = spawn_app_with(Options {
        configure: |config| config.insecure_local_http = true,
        ..Options::default()
    })
    .await;
    let (reference, phone) = TEXT_VICTIM;
    assert_eq!(app.start_sign_in(reference).await.status(), 202);
    let code = app.latest_code_for(phone).await.expect("code sent by text");
    let response = app.verify(reference, &code).await;
    assert_eq!(response.status(), 200);
    assert!(response
        .headers()
        .get("strict-transport-security")
        .is_none());
    let cookie = set_cookie(&response).expect("cookie set");
    // Browsers refuse a __Host- cookie without Secure, so the name loses the prefix.
    assert!(cookie.starts_with("su_session="), "{cookie}");
    assert!(!cookie.contains("Secure") && cookie.contains("SameSite=Strict"));
    assert_eq!(app.get("/api/session").await.status(), 200);

    let default = spawn_app().await;
    let headers = default.get("/api/health").await;
    assert!(headers.headers().contains_key("strict-transport-security"));
}

#[tokio::test]
async fn email_victims_get_their_code_by_email_and_references_are_normalised() {
    let app = spawn_app().await;
    let (reference, email) = EMAIL_VICTIM;
    assert_eq!(app.start_sign_in(" cr/100002/25 ").await.status(), 202);
    let code = app
        .latest_code_for(email)
        .await
        .expect("code sent by email");
    let spaced = format!("{} {}", &code[..3], &code[3..]);
    assert_eq!(app.verify(reference, &spaced).await.status(), 200);
}

#[tokio::test]
async fn the_message_says_how_long_the_code_lasts() {
    let app = spawn_app().await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let body = app.latest_body_for(TEXT_VICTIM.1).await.unwrap();
    assert!(body.starts_with("Your Safe Updates sign-in code is "));
    assert!(body
        .ends_with("It expires in 10 minutes. We will never ask you for this code on the phone."));
}

#[tokio::test]
async fn codes_are_stored_only_as_keyed_hashes() {
    let app = spawn_app().await;
    app.start_sign_in(TEXT_VICTIM.0).await;
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    let (salt, hash): (String, String) = query("SELECT salt, code_hash FROM sign_in_codes")
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(salt.len(), 32);
    // HMAC-SHA256 under the data key, named by its key id.
    let prefix = format!("h1.{}.", app.keys.current_id());
    assert_eq!(hash.strip_prefix(&prefix).map(str::len), Some(64), "{hash}");
    assert!(!hash.contains(&code) && !salt.contains(&code));
    assert!(app.keys.code_matches(&salt, &hash, &code));
}

#[tokio::test]
async fn a_wrong_code_is_rejected() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    assert_code_rejected(app.verify(reference, &other_code(&code)).await).await;
    assert_eq!(app.get("/api/session").await.status(), 401);
}

#[tokio::test]
async fn an_expired_code_is_rejected() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    app.advance_clock(11);
    assert_code_rejected(app.verify(reference, &code).await).await;
}

#[tokio::test]
async fn a_code_still_works_just_before_it_expires() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    app.advance_clock(9);
    assert_eq!(app.verify(reference, &code).await.status(), 200);
}

#[tokio::test]
async fn five_wrong_tries_kill_the_code_even_for_the_right_one() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    for _ in 0..5 {
        assert_code_rejected(app.verify(reference, &other_code(&code)).await).await;
    }
    assert_code_rejected(app.verify(reference, &code).await).await;

    // A new code works again (a used-up code is not re-used, even within the minute).
    app.start_sign_in(reference).await;
    let fresh = app.latest_code_for(phone).await.unwrap();
    assert_eq!(app.verify(reference, &fresh).await.status(), 200);
}

#[tokio::test]
async fn parallel_guesses_cannot_share_a_try() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    let body = json!({ "crime_reference": reference, "code": other_code(&code) });
    let guesses: Vec<_> = (0..8)
        .map(|_| {
            let request = app.client.post(app.url("/api/sign-in/verify")).json(&body);
            tokio::spawn(request.send())
        })
        .collect();
    for guess in guesses {
        assert_code_rejected(guess.await.unwrap().unwrap()).await;
    }
    // Eight guesses at once used up the five tries: the right code no longer works.
    assert_code_rejected(app.verify(reference, &code).await).await;
}

#[tokio::test]
async fn a_used_code_cannot_be_used_again() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    assert_eq!(app.verify(reference, &code).await.status(), 200);
    assert_code_rejected(app.verify(reference, &code).await).await;
}

#[tokio::test]
async fn a_new_code_replaces_the_old_one() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let first = app.latest_code_for(phone).await.unwrap();
    app.advance_clock(2);
    app.start_sign_in(reference).await;
    let second = app.latest_code_for(phone).await.unwrap();
    if first != second {
        // (One run in a million draws the same code twice.)
        assert_code_rejected(app.verify(reference, &first).await).await;
    }
    assert_eq!(app.verify(reference, &second).await.status(), 200);
}

#[tokio::test]
async fn an_unknown_reference_looks_exactly_like_a_known_one() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;

    let known = app.start_sign_in(reference).await;
    let unknown = app.start_sign_in(UNKNOWN_REFERENCE).await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());

    let code = app.latest_code_for(phone).await.unwrap();
    let known = app.verify(reference, &other_code(&code)).await;
    let unknown = app.verify(UNKNOWN_REFERENCE, &code).await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
}

#[tokio::test]
async fn no_code_is_sent_to_a_victim_who_chose_letters_only() {
    let app = spawn_app().await;
    let response = app.start_sign_in(LETTER_ONLY_REFERENCE).await;
    assert_eq!(response.status(), 202);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body, json!({ "expires_in_minutes": 10 }));
    assert_eq!(app.outbox_count().await, 0);
}

#[tokio::test]
async fn asking_again_within_a_minute_reuses_the_live_code() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    assert_eq!(app.start_sign_in(reference).await.status(), 202);
    let first = app.latest_code_for(phone).await.unwrap();
    assert_eq!(app.start_sign_in(reference).await.status(), 202);
    assert_eq!(app.outbox_count().await, 1, "no second message");
    // The code the victim already has still works.
    assert_eq!(app.verify(reference, &first).await.status(), 200);
}

#[tokio::test]
async fn a_minute_later_a_new_code_replaces_the_live_one() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    app.advance_clock(2);
    app.start_sign_in(reference).await;
    assert_eq!(app.outbox_count().await, 2);
    let newest = app.latest_code_for(phone).await.unwrap();
    assert_eq!(app.verify(reference, &newest).await.status(), 200);
}

#[tokio::test]
async fn at_most_eight_codes_a_day_are_sent() {
    let app = app_at_8am(Options::default()).await;
    for _ in 0..3 {
        for _ in 0..5 {
            assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
            app.advance_clock(2);
        }
        app.advance_clock(61);
    }
    assert_eq!(app.outbox_count().await, 8);
    app.advance_clock(24 * 60);
    app.start_sign_in(TEXT_VICTIM.0).await;
    assert_eq!(app.outbox_count().await, 9);
}

#[tokio::test]
async fn badly_formed_fields_are_named_in_the_errors() {
    let app = spawn_app().await;

    let response = app.start_sign_in("").await;
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(
        body.errors["crime_reference"],
        vec!["Enter your crime reference number"]
    );

    let response = app.verify("CR#1", "12ab").await;
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.message, "There is a problem");
    assert!(body.errors["crime_reference"][0].contains("only include"));
    assert_eq!(
        body.errors["code"],
        vec!["The code must only include numbers 0 to 9"]
    );
}

#[tokio::test]
async fn cookies_are_secure_behind_an_https_proxy_too() {
    let app = spawn_app().await;
    let (reference, phone) = TEXT_VICTIM;
    app.start_sign_in(reference).await;
    let code = app.latest_code_for(phone).await.unwrap();
    let response = app
        .client
        .post(app.url("/api/sign-in/verify"))
        .header("x-forwarded-proto", "https")
        .json(&json!({ "crime_reference": reference, "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(set_cookie(&response).unwrap().contains("; Secure"));
}
