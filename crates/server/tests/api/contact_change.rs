//! Changing where sign-in codes go needs a code sent to the new place: held until then,
//! tries and expiry, a notice to the old place, other sessions ended, history without
//! the numbers, and limits on the codes sent.

use serde_json::{json, Value};
use shared::api::preferences::{ContactMethod, PreferencesHistory, PreferencesView};
use shared::api::ErrorBody;

use crate::helpers::{
    case_path, other_code, same_origin_client, spawn_app, TestApp, EMAIL_VICTIM, TEXT_VICTIM,
};
use crate::preferences::{valid, with};

const NEW_PHONE: &str = "+447700900982";
const NOTICE: &str =
    "Your contact details for Safe Updates were changed. If this wasn't you, call 101.";

/// `valid()` (the text victim's own number) with a new number and fewer updates.
fn new_phone() -> Value {
    with(
        valid(),
        json!({ "phone": "07700 900 982", "update_frequency": "only_when_i_ask" }),
    )
}

/// The newest message queued to `recipient`, opened.
async fn latest_message_to(app: &TestApp, recipient: &str) -> Option<String> {
    app.latest_body_for(recipient).await
}

async fn save(app: &TestApp, body: &Value) -> PreferencesView {
    let response = app.put_preferences(TEXT_VICTIM.0, body).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn assert_code_rejected(app: &TestApp, code: &str) {
    let response = app.confirm_contact(TEXT_VICTIM.0, code).await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(error.message, "There is a problem");
    assert!(error.errors["code"][0].starts_with("The code is wrong or has expired."));
}

#[tokio::test]
async fn a_new_number_waits_for_its_code_while_the_other_choices_save_at_once() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let saved = save(&app, &new_phone()).await;
    let pending = saved.pending_contact_change.expect("a change waits");
    assert_eq!(pending.code_sent_by, ContactMethod::TextMessage);
    assert!(!pending.sent_to_current);
    assert_eq!(pending.expires_in_minutes, 10);
    assert_eq!(saved.preferences.phone.as_deref(), Some(TEXT_VICTIM.1));
    assert_eq!(
        saved.summary.last().map(String::as_str),
        Some("We will only give you updates when you ask for them.")
    );
    let code_message = latest_message_to(&app, NEW_PHONE).await.expect("a code");
    assert!(code_message.contains("confirmation code is"));

    // Until confirmed, sign-in codes still go to the old number.
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    let sign_in = latest_message_to(&app, TEXT_VICTIM.1).await.unwrap();
    assert!(sign_in.contains("sign-in code"));
    assert_eq!(latest_message_to(&app, NEW_PHONE).await, Some(code_message));

    let code = app.latest_code_for(NEW_PHONE).await.unwrap();
    let response = app.confirm_contact(TEXT_VICTIM.0, &code).await;
    assert_eq!(response.status(), 200);
    let confirmed: PreferencesView = response.json().await.unwrap();
    assert_eq!(confirmed.version, saved.version + 1);
    assert_eq!(confirmed.preferences.phone.as_deref(), Some(NEW_PHONE));
    assert_eq!(confirmed.pending_contact_change, None);
    assert_eq!(
        latest_message_to(&app, TEXT_VICTIM.1).await.as_deref(),
        Some(NOTICE)
    );

    // Now sign-in codes go to the new number; the code cannot be used twice.
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    assert!(latest_message_to(&app, NEW_PHONE)
        .await
        .unwrap()
        .contains("sign-in code"));
    assert_code_rejected(&app, &code).await;
}

#[tokio::test]
async fn wrong_codes_use_up_the_five_tries() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    save(&app, &new_phone()).await;
    let code = app.latest_code_for(NEW_PHONE).await.unwrap();
    for _ in 0..5 {
        assert_code_rejected(&app, &other_code(&code)).await;
    }
    assert_code_rejected(&app, &code).await;
    let current: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(current.preferences.phone.as_deref(), Some(TEXT_VICTIM.1));

    let malformed = app.confirm_contact(TEXT_VICTIM.0, "12a").await;
    assert_eq!(malformed.status(), 422);
    let error: ErrorBody = malformed.json().await.unwrap();
    assert!(error.errors.contains_key("code"));
}

#[tokio::test]
async fn a_code_expires_after_ten_minutes() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    save(&app, &new_phone()).await;
    let code = app.latest_code_for(NEW_PHONE).await.unwrap();
    app.advance_clock(10);
    assert_code_rejected(&app, &code).await;
}

#[tokio::test]
async fn confirming_ends_the_victims_other_sessions_but_not_this_one() {
    let app = spawn_app().await;
    // Someone else signed in as the victim, e.g. on another device.
    let elsewhere = same_origin_client(&app.address);
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    let code = app.latest_code_for(TEXT_VICTIM.1).await.unwrap();
    let verified = elsewhere
        .post(app.url("/api/sign-in/verify"))
        .json(&json!({ "crime_reference": TEXT_VICTIM.0, "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), 200);
    app.sign_in(TEXT_VICTIM).await;

    app.save_and_confirm_preferences(TEXT_VICTIM.0, &new_phone(), NEW_PHONE)
        .await;
    let other = elsewhere.get(app.url("/api/session")).send().await.unwrap();
    assert_eq!(other.status(), 401);
    assert_eq!(app.get("/api/session").await.status(), 200);
}

#[tokio::test]
async fn history_says_what_changed_without_any_number() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &new_phone(), NEW_PHONE)
        .await;
    let by_email = with(
        new_phone(),
        json!({ "preferred_method": "email", "second_method": null, "phone": null,
                "safe_times": [], "email": "priya.new@example.org" }),
    );
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &by_email, "priya.new@example.org")
        .await;

    let response = app
        .get(&format!("{}/preferences/history", case_path(TEXT_VICTIM.0)))
        .await;
    let text = response.text().await.unwrap();
    for secret in ["7700", "priya.new", "example.org"] {
        assert!(!text.contains(secret), "history shows {secret}: {text}");
    }
    let history: PreferencesHistory = serde_json::from_str(&text).unwrap();
    let changes: Vec<Vec<String>> = history
        .versions
        .iter()
        .map(|version| version.changes.clone())
        .collect();
    assert_eq!(
        changes,
        vec![
            vec![
                "Contact method changed",
                "Phone number changed",
                "Email address changed"
            ],
            vec![],
            vec!["Contact method changed", "Phone number changed"],
            vec![],
            vec![],
        ]
    );
    assert_eq!(
        history.versions[0].summary[0],
        "We will email you at the address you gave us."
    );
}

#[tokio::test]
async fn no_code_when_sign_in_codes_keep_going_to_the_same_place() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let before = app.outbox_count().await;
    let saved = save(&app, &with(valid(), json!({ "voicemail_safe": true }))).await;
    assert_eq!(saved.pending_contact_change, None);
    assert!(saved.preferences.voicemail_safe);
    assert_eq!(app.outbox_count().await, before);
}

#[tokio::test]
async fn a_later_save_without_the_change_drops_it() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    save(&app, &new_phone()).await;
    let code = app.latest_code_for(NEW_PHONE).await.unwrap();
    save(&app, &valid()).await;
    assert_code_rejected(&app, &code).await;
}

#[tokio::test]
async fn codes_are_reused_within_a_minute_and_limited_to_five_an_hour() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let before = app.outbox_count().await;
    save(&app, &new_phone()).await;
    let again = save(&app, &new_phone()).await;
    assert!(again.pending_contact_change.is_some());
    assert_eq!(app.outbox_count().await, before + 1);

    for _ in 0..4 {
        app.advance_clock(2);
        save(&app, &new_phone()).await;
    }
    assert_eq!(app.outbox_count().await, before + 5);
    let version_before: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    app.advance_clock(2);
    let refused = app.put_preferences(TEXT_VICTIM.0, &new_phone()).await;
    assert_eq!(refused.status(), 422);
    let error: ErrorBody = refused.json().await.unwrap();
    assert!(error.errors["phone"][0].starts_with("We have sent you too many codes"));
    assert_eq!(app.outbox_count().await, before + 5);
    let version_after: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(version_after.version, version_before.version);

    // An hour on (signed in again: the session has timed out), codes can be sent again.
    app.advance_clock(60);
    app.sign_in(TEXT_VICTIM).await;
    let signed_in_again = app.outbox_count().await;
    save(&app, &new_phone()).await;
    assert_eq!(app.outbox_count().await, signed_in_again + 1);
}

#[tokio::test]
async fn the_code_and_the_notice_are_in_welsh_for_a_victim_who_chose_welsh() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    save(&app, &with(new_phone(), json!({ "language": "welsh" }))).await;
    let message = latest_message_to(&app, NEW_PHONE).await.unwrap();
    assert!(message.starts_with("Eich cod cadarnhau"), "{message}");
    let code: String = message
        .split("yw ")
        .nth(1)
        .unwrap()
        .chars()
        .take(6)
        .collect();
    assert_eq!(
        app.confirm_contact(TEXT_VICTIM.0, &code).await.status(),
        200
    );
    let notice = latest_message_to(&app, TEXT_VICTIM.1).await.unwrap();
    assert!(
        notice.starts_with("Cafodd eich manylion cyswllt"),
        "{notice}"
    );
}

#[tokio::test]
async fn a_new_email_address_is_confirmed_by_email_and_the_old_one_told() {
    let app = spawn_app().await;
    app.sign_in(EMAIL_VICTIM).await;
    let current: PreferencesView = app
        .get(&format!("{}/preferences", case_path(EMAIL_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    let mut body = serde_json::to_value(&current.preferences).unwrap();
    body["email"] = json!("alex.new@example.org");
    let response = app.put_preferences(EMAIL_VICTIM.0, &body).await;
    assert_eq!(response.status(), 200);
    let saved: PreferencesView = response.json().await.unwrap();
    let pending = saved.pending_contact_change.expect("a change waits");
    assert_eq!(pending.code_sent_by, ContactMethod::Email);
    assert_eq!(saved.preferences.email.as_deref(), Some(EMAIL_VICTIM.1));

    let code = app.latest_code_for("alex.new@example.org").await.unwrap();
    let confirmed = app.confirm_contact(EMAIL_VICTIM.0, &code).await;
    assert_eq!(confirmed.status(), 200);
    assert_eq!(
        latest_message_to(&app, EMAIL_VICTIM.1).await.as_deref(),
        Some(NOTICE)
    );
    let history: PreferencesHistory = app
        .get(&format!(
            "{}/preferences/history",
            case_path(EMAIL_VICTIM.0)
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.versions[0].changes, ["Email address changed"]);
}

#[tokio::test]
async fn the_current_preferences_say_a_change_is_waiting_until_it_is_confirmed_or_expires() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let prefs_path = format!("{}/preferences", case_path(TEXT_VICTIM.0));
    let current = || async {
        app.get(&prefs_path)
            .await
            .json::<PreferencesView>()
            .await
            .unwrap()
    };
    assert_eq!(current().await.pending_contact_change, None);

    // Letters only: the code goes to the number codes go to now.
    let letters = with(
        valid(),
        json!({ "preferred_method": "letter", "second_method": null, "phone": null,
                "safe_times": [], "letters_safe": true,
                "address": "1 High Street", "postcode": "SW1A 1AA" }),
    );
    let saved = save(&app, &letters).await;
    let pending = saved
        .pending_contact_change
        .clone()
        .expect("a change waits");
    assert!(pending.sent_to_current);
    assert_eq!(current().await.pending_contact_change, Some(pending));
    app.advance_clock(10);
    assert_eq!(current().await.pending_contact_change, None);

    save(&app, &new_phone()).await;
    assert!(current()
        .await
        .pending_contact_change
        .is_some_and(|p| !p.sent_to_current));
    let code = app.latest_code_for(NEW_PHONE).await.unwrap();
    assert_eq!(
        app.confirm_contact(TEXT_VICTIM.0, &code).await.status(),
        200
    );
    assert_eq!(current().await.pending_contact_change, None);
}
