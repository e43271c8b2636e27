//! What people type: cleaned before anything reads it (NFC, no control or bidi-override
//! characters), lists over their limit answered with one error, phone numbers only in the
//! countries served, and the preference history read a page at a time.

use reqwest::StatusCode;
use serde_json::{json, Value};
use shared::api::callbacks::CallbackView;
use shared::api::preferences::{PreferencesHistory, PreferencesView};
use shared::api::ErrorBody;

use crate::helpers::{case_path, spawn_app, TestApp, TEXT_VICTIM};
use crate::preferences::{valid, with};

const PHONE_COUNTRY: &str =
    "We can only call or text UK mobile and landline numbers. Enter one like 07700 900 982 or 020 7946 0000";

fn prefs_path() -> String {
    format!("{}/preferences", case_path(TEXT_VICTIM.0))
}

fn callbacks_path() -> String {
    format!("{}/callbacks", case_path(TEXT_VICTIM.0))
}

async fn signed_in() -> TestApp {
    let app = spawn_app().await;
    app.set_clock_to_tuesday_8am();
    app.sign_in(TEXT_VICTIM).await;
    app
}

/// Wednesday 11 March 2026, 10am to 11am: bookable from Tuesday 8am, inside office hours.
fn callback(changes: Value) -> Value {
    let mut body = json!({
        "reason": "something_else",
        "details": "Please call",
        "urgency": "routine",
        "windows": [{ "date": "2026-03-11", "start": "10:00", "end": "11:00" }],
        "one_off_phone": null
    });
    for (key, value) in changes.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

/// A 422's body, checked to be small however large the request was.
async fn small_422(response: reqwest::Response) -> ErrorBody {
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = response.text().await.unwrap();
    assert!(
        text.len() < 1_000,
        "a {} byte answer: {text:.300}",
        text.len()
    );
    serde_json::from_str(&text).unwrap()
}

#[tokio::test]
async fn text_is_stored_composed_and_without_bidi_or_control_characters() {
    let app = signed_in().await;
    // "Cafe" + a combining acute (decomposed é), a right-to-left override that would show
    // the rest backwards, a bell, and Windows line endings.
    let typed = "Step-free access to the Cafe\u{301}\u{202E} please\u{7}\r\nThank you\u{2066}";
    let body = with(
        valid(),
        json!({ "communication_needs": ["other"], "other_needs": typed }),
    );
    let response = app.put_preferences(TEXT_VICTIM.0, &body).await;
    assert_eq!(response.status(), 200);
    let saved: PreferencesView = response.json().await.unwrap();
    let expected = "Step-free access to the Café please\nThank you";
    assert_eq!(saved.preferences.other_needs.as_deref(), Some(expected));
    let read: PreferencesView = app.get(&prefs_path()).await.json().await.unwrap();
    assert_eq!(read.preferences.other_needs.as_deref(), Some(expected));
    assert!(read.summary.iter().all(|line| !line.contains('\u{202E}')));

    let response = app
        .post_json(
            &callbacks_path(),
            &callback(json!({ "details": "Ring 07700\u{202E} 900 982, ask for Zoe\u{308}" })),
        )
        .await;
    assert_eq!(response.status(), 201);
    let view: CallbackView = response.json().await.unwrap();
    assert_eq!(
        view.details.as_deref(),
        Some("Ring 07700 900 982, ask for Zoë")
    );
}

#[tokio::test]
async fn a_list_over_its_limit_is_one_error_not_one_per_item() {
    let app = signed_in().await;
    // As many broken windows as fit in the body limit: each would have 3 errors of its own.
    let broken_window = json!({ "days": [], "start": "", "end": "" });
    let cases = [
        (
            with(valid(), json!({ "safe_times": vec![broken_window; 450] })),
            "safe_times",
        ),
        (
            with(
                valid(),
                json!({ "safe_times": [{ "days": vec!["monday"; 1_500], "start": "09:00", "end": "12:00" }] }),
            ),
            "safe_times.0.days",
        ),
        (
            with(
                valid(),
                json!({ "communication_needs": vec!["other"; 1_700], "other_needs": "x" }),
            ),
            "communication_needs",
        ),
    ];
    for (body, field) in cases {
        assert!(serde_json::to_vec(&body).unwrap().len() < server::BODY_LIMIT_BYTES);
        let errors = small_422(app.put_preferences(TEXT_VICTIM.0, &body).await).await;
        let fields: Vec<&String> = errors.errors.keys().collect();
        assert_eq!(fields, vec![field]);
    }

    let windows = vec![json!({ "date": "x", "start": "", "end": "" }); 300];
    let errors = small_422(
        app.post_json(&callbacks_path(), &callback(json!({ "windows": windows })))
            .await,
    )
    .await;
    assert_eq!(errors.errors["windows"], vec!["You can add up to 5 times"]);
    assert_eq!(errors.errors.len(), 1);
}

#[tokio::test]
async fn a_10000_item_list_is_stopped_by_the_body_limit_first() {
    let app = signed_in().await;
    let body = with(
        valid(),
        json!({ "communication_needs": vec!["other"; 10_000] }),
    );
    let response = app.put_preferences(TEXT_VICTIM.0, &body).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text().await.unwrap().len() < 1_000);
}

#[tokio::test]
async fn phone_numbers_must_be_uk_lines_in_either_language() {
    let app = signed_in().await;
    for number in [
        "+33 1 23 45 67 89",
        "+1 202 555 0100",
        "0909 879 0000",
        "0871 234 5678",
    ] {
        let body = with(valid(), json!({ "phone": number }));
        let errors = small_422(app.put_preferences(TEXT_VICTIM.0, &body).await).await;
        assert_eq!(errors.errors["phone"], vec![PHONE_COUNTRY], "{number}");
    }
    let body = with(valid(), json!({ "phone": "+44 20 7946 0000" }));
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &body).await.status(),
        200
    );

    let welsh = app
        .client
        .post(app.url(&callbacks_path()))
        .header("accept-language", "cy")
        .json(&callback(json!({ "one_off_phone": "+353 1 234 5678" })))
        .send()
        .await
        .unwrap();
    let errors = small_422(welsh).await;
    assert!(
        errors.errors["one_off_phone"][0].starts_with("Dim ond rhifau ffôn symudol"),
        "{errors:?}"
    );
}

async fn history(app: &TestApp, query: &str) -> reqwest::Response {
    app.get(&format!("{}/history{query}", prefs_path())).await
}

async fn page(app: &TestApp, query: &str) -> (Vec<u32>, Option<u32>) {
    let response = history(app, query).await;
    assert_eq!(response.status(), 200, "{query}");
    let page: PreferencesHistory = response.json().await.unwrap();
    let versions = page.versions.iter().map(|v| v.version).collect();
    (versions, page.next_before)
}

#[tokio::test]
async fn history_comes_a_page_at_a_time() {
    let app = signed_in().await;
    for _ in 0..12 {
        assert_eq!(
            app.put_preferences(TEXT_VICTIM.0, &valid()).await.status(),
            200
        );
    }
    // Versions 13 (newest) to 1; 10 to a page unless asked.
    assert_eq!(page(&app, "").await, ((4..=13).rev().collect(), Some(4)));
    assert_eq!(page(&app, "?before=4").await, (vec![3, 2, 1], None));
    assert_eq!(
        page(&app, "?limit=3&before=13").await,
        (vec![12, 11, 10], Some(10))
    );
    assert_eq!(page(&app, "?limit=50").await.0.len(), 13);

    for (query, field) in [
        ("?limit=0", "limit"),
        ("?limit=51", "limit"),
        ("?limit=ten", "limit"),
        ("?before=0", "before"),
        ("?before=-1", "before"),
        ("?limit=2&limit=3", "query"),
    ] {
        let errors = small_422(history(&app, query).await).await;
        assert!(errors.errors.contains_key(field), "{query}: {errors:?}");
    }
    let errors = small_422(history(&app, "?limit=51").await).await;
    assert_eq!(
        errors.errors["limit"],
        vec!["Ask for between 1 and 50 versions"]
    );
}
