//! English and Welsh: the API answers in the language of `Accept-Language` (English when
//! there is none), and writes sign-in messages in the victim's chosen language.

use reqwest::{RequestBuilder, Response};
use serde_json::json;
use shared::api::preferences::PreferencesView;
use shared::api::{CaseView, ErrorBody};

use crate::helpers::{case_path, spawn_app, TestApp, TEXT_VICTIM};
use crate::preferences::{valid, with};

/// Sends `request` asking for Welsh, as the app does when Welsh is chosen.
async fn in_welsh(request: RequestBuilder) -> Response {
    request
        .header("accept-language", "cy")
        .send()
        .await
        .expect("request")
}

async fn error_body(response: Response, status: u16) -> ErrorBody {
    assert_eq!(response.status(), status);
    response.json().await.expect("an error body")
}

#[tokio::test]
async fn a_bad_preferences_form_is_explained_in_welsh() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let body = with(
        valid(),
        json!({ "phone": "12", "safe_times": [], "language": "other", "other_language": null }),
    );
    let url = app.url(&format!("{}/preferences", case_path(TEXT_VICTIM.0)));
    let error = error_body(in_welsh(app.client.put(url).json(&body)).await, 422).await;
    assert_eq!(error.message, "Mae problem");
    assert_eq!(
        error.errors["phone"],
        vec!["Rhowch rif ffôn, fel 07700 900 982 neu +44 7700 900 982"]
    );
    assert_eq!(
        error.errors["safe_times"],
        vec!["Ychwanegwch o leiaf un amser diogel i ni eich ffonio"]
    );
    assert_eq!(
        error.errors["other_language"],
        vec!["Rhowch yr iaith rydych am ei defnyddio"]
    );
}

#[tokio::test]
async fn without_accept_language_errors_stay_in_english() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let body = with(valid(), json!({ "phone": "12" }));
    let error = error_body(app.put_preferences(TEXT_VICTIM.0, &body).await, 422).await;
    assert_eq!(error.message, "There is a problem");
    let english = app
        .client
        .put(app.url(&format!("{}/preferences", case_path(TEXT_VICTIM.0))))
        .header("accept-language", "en-GB,cy;q=0.5")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(error_body(english, 422).await.message, "There is a problem");
}

#[tokio::test]
async fn unknown_paths_wrong_methods_and_no_session_are_answered_in_welsh() {
    let app = spawn_app().await;
    let not_found = in_welsh(app.client.get(app.url("/api/nope"))).await;
    assert_eq!(
        error_body(not_found, 404).await.message,
        "Heb ddod o hyd iddo"
    );

    let not_signed_in = in_welsh(app.client.get(app.url(&case_path(TEXT_VICTIM.0)))).await;
    assert_eq!(
        error_body(not_signed_in, 401).await.message,
        "Mae angen i chi fewngofnodi. Os oeddech wedi mewngofnodi, mae eich sesiwn wedi dod i ben."
    );

    let wrong_method = in_welsh(app.client.delete(app.url("/api/health"))).await;
    assert_eq!(
        error_body(wrong_method, 405).await.message,
        "Nid yw'r dull hwn yn cael ei ganiatáu yma"
    );

    let malformed = in_welsh(app.client.post(app.url("/api/sign-in/start")).body("{")).await;
    let error = error_body(malformed, 422).await;
    assert_eq!(error.message, "Mae problem");
    assert!(error.errors["body"][0].starts_with("Anfonwch gorff y cais fel JSON"));
}

/// The Welsh body is written before compression decides anything: a small error answer
/// goes uncompressed and intact, and a large answer is really gzip.
#[tokio::test]
async fn welsh_errors_are_rewritten_before_compression() {
    let app = spawn_app().await;
    let request = app
        .client
        .get(app.url("/api/nope"))
        .header("accept-encoding", "gzip");
    let response = in_welsh(request).await;
    assert!(
        response.headers().get("content-encoding").is_none(),
        "small answers are sent as they are"
    );
    let error = error_body(response, 404).await;
    assert!(!error.message.is_empty());

    let large = app
        .client
        .get(app.url("/api/openapi.json"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(large.status(), 200);
    assert_eq!(large.headers()["content-encoding"], "gzip");
    let bytes = large.bytes().await.unwrap();
    assert_eq!(bytes.get(..2), Some([0x1f, 0x8b].as_slice()), "gzip magic");
}

/// Saves Welsh as the victim's language, keeping texts to their number.
async fn choose_welsh(app: &TestApp) -> PreferencesView {
    let body = with(
        valid(),
        json!({
            "preferred_method": "text_message",
            "second_method": null,
            "phone": TEXT_VICTIM.1,
            "safe_times": [],
            "language": "welsh",
        }),
    );
    let url = app.url(&format!("{}/preferences", case_path(TEXT_VICTIM.0)));
    let response = in_welsh(app.client.put(url).json(&body)).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_preferences_summary_is_in_the_request_language() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let view = choose_welsh(&app).await;
    assert_eq!(
        view.summary,
        vec![
            "Byddwn yn anfon neges destun atoch ar 07700 900 001.",
            "Ni fyddwn yn anfon llythyrau i'ch cyfeiriad.",
            "Byddwn yn siarad â chi yn Gymraeg.",
            "Byddwn yn rhoi gwybod i chi am bob diweddariad.",
        ]
    );
    let english: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(english.summary[2], "We will speak to you in Welsh.");
}

#[tokio::test]
async fn the_case_stage_is_explained_in_welsh() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let response = in_welsh(app.client.get(app.url(&case_path(TEXT_VICTIM.0)))).await;
    assert_eq!(response.status(), 200);
    let case: CaseView = response.json().await.unwrap();
    assert!(!case.stage.title.is_empty());
    let english: CaseView = app
        .get(&case_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case.stage.code, english.stage.code);
    assert_ne!(case.stage.title, english.stage.title);
}

#[tokio::test]
async fn a_victim_who_chose_welsh_gets_their_sign_in_code_in_welsh() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    choose_welsh(&app).await;

    // The language of the request does not matter: the victim's choice does.
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    let body = app.latest_body_for(TEXT_VICTIM.1).await.unwrap();
    assert!(
        body.starts_with("Eich cod mewngofnodi ar gyfer Diweddariadau Diogel yw "),
        "{body}"
    );
    assert!(body.contains("ymhen 10 munud"), "{body}");
    let code: String = body
        .split(" yw ")
        .nth(1)
        .map(|rest| rest.chars().take(6).collect())
        .unwrap_or_default();
    assert_eq!(app.verify(TEXT_VICTIM.0, &code).await.status(), 200);
}
