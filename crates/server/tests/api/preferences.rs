//! Contact preferences: versions, validation, summaries, and who may see them.

use serde_json::{json, Value};
use shared::api::preferences::{ChangedBy, PreferencesHistory, PreferencesView};
use shared::api::ErrorBody;

use crate::helpers::{case_path, spawn_app, EMAIL_VICTIM, TEXT_VICTIM};
use server::platform::db::query;

fn prefs_path(reference: &str) -> String {
    format!("{}/preferences", case_path(reference))
}

/// Phone calls on weekday mornings, texts as the fallback, on the demo text victim's own
/// number (so saving it does not move their sign-in codes: see `contact_change.rs`).
pub fn valid() -> Value {
    json!({
        "preferred_method": "phone_call",
        "second_method": "text_message",
        "phone": "07700 900 001",
        "email": null,
        "address": null,
        "postcode": null,
        "safe_times": [
            { "days": ["monday", "tuesday", "wednesday", "thursday", "friday"], "start": "09:00", "end": "12:00" }
        ],
        "voicemail_safe": false,
        "letters_safe": false,
        "caller_id_allowed": false,
        "language": "english",
        "other_language": null,
        "interpreter_needed": false,
        "communication_needs": [],
        "other_needs": null,
        "update_frequency": "every_update"
    })
}

pub fn with(mut body: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().unwrap() {
        body[key] = value.clone();
    }
    body
}

#[tokio::test]
async fn a_victim_without_saved_preferences_sees_version_1_from_their_officer() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let response = app.get(&prefs_path(TEXT_VICTIM.0)).await;
    assert_eq!(response.status(), 200);
    let view: PreferencesView = response.json().await.unwrap();
    assert_eq!(view.version, 1);
    assert_eq!(view.changed_by, ChangedBy::Officer);
    assert_eq!(view.preferences.phone.as_deref(), Some("+447700900001"));
    assert_eq!(view.summary[0], "We will text you on 07700 900 001.");
}

#[tokio::test]
async fn saving_makes_a_new_version_with_a_summary() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let body = with(
        valid(),
        json!({
            "language": "other",
            "other_language": "  Polish ",
            "communication_needs": ["bsl_interpreter", "large_print"],
            "update_frequency": "key_decisions_only",
        }),
    );
    let response = app.put_preferences(TEXT_VICTIM.0, &body).await;
    assert_eq!(response.status(), 200);
    let view: PreferencesView = response.json().await.unwrap();
    assert_eq!(view.version, 2);
    assert_eq!(view.changed_by, ChangedBy::Victim);
    assert_eq!(view.preferences.phone.as_deref(), Some("+447700900001"));
    assert_eq!(view.preferences.other_language.as_deref(), Some("Polish"));
    assert_eq!(
        view.summary,
        vec![
            "We will call you on 07700 900 001.",
            "We will only call you on weekdays between 9am and midday and will not leave voicemails.",
            "If we cannot reach you that way, we will text you on 07700 900 001.",
            "When we call, our number will be hidden.",
            "We will not send letters to your address.",
            "We will arrange a Polish interpreter.",
            "We will arrange: a British Sign Language interpreter, large print.",
            "We will only tell you about key decisions, as the Victims' Code allows.",
        ]
    );
    let again: PreferencesView = app
        .get(&prefs_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(again, view);
}

#[tokio::test]
async fn letters_keep_the_address_as_typed() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let address = "Flat 2, <b>Ó'Brien</b> & Søn House\n1 High Street";
    let body = with(
        valid(),
        json!({
            "preferred_method": "letter",
            "second_method": null,
            "phone": null,
            "safe_times": [],
            "letters_safe": true,
            "address": format!("  {address}  "),
            "postcode": "sw1a1aa",
        }),
    );
    // Letters leave no way to get a sign-in code: the text victim confirms on their phone.
    let view = app
        .save_and_confirm_preferences(TEXT_VICTIM.0, &body, TEXT_VICTIM.1)
        .await;
    assert_eq!(view.preferences.address.as_deref(), Some(address));
    assert_eq!(view.preferences.postcode.as_deref(), Some("SW1A 1AA"));
    assert_eq!(
        view.summary[0],
        "We will write to you at the address you gave us."
    );
}

#[tokio::test]
async fn history_keeps_every_version_newest_first() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &valid()).await.status(),
        200
    );
    let second = with(valid(), json!({ "voicemail_safe": true }));
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &second).await.status(),
        200
    );

    let response = app
        .get(&format!("{}/history", prefs_path(TEXT_VICTIM.0)))
        .await;
    assert_eq!(response.status(), 200);
    let history: PreferencesHistory = response.json().await.unwrap();
    let versions: Vec<u32> = history.versions.iter().map(|v| v.version).collect();
    assert_eq!(versions, vec![3, 2, 1]);
    let who: Vec<ChangedBy> = history.versions.iter().map(|v| v.changed_by).collect();
    assert_eq!(
        who,
        vec![ChangedBy::Victim, ChangedBy::Victim, ChangedBy::Officer]
    );
    assert!(history.versions[0]
        .summary
        .iter()
        .any(|s| s.ends_with("and may leave a voicemail.")));
    assert!(history.versions[1]
        .summary
        .iter()
        .any(|s| s.ends_with("and will not leave voicemails.")));
}

async fn assert_field_error(
    app: &crate::helpers::TestApp,
    body: &Value,
    field: &str,
    message: &str,
) {
    let response = app.put_preferences(TEXT_VICTIM.0, body).await;
    assert_eq!(response.status(), 422, "{field}");
    let error: ErrorBody = response.json().await.unwrap();
    assert_eq!(error.message, "There is a problem");
    assert_eq!(
        error.errors.get(field),
        Some(&vec![message.to_owned()]),
        "{field}: {:?}",
        error.errors
    );
}

#[tokio::test]
async fn every_wrong_field_gets_its_own_message() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let phone_format = "Enter a phone number, like 07700 900 982 or +44 7700 900 982";
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({ "phone": null }), "phone", phone_format),
        (json!({ "phone": "   " }), "phone", phone_format),
        (json!({ "phone": "07700 9OO 982" }), "phone", phone_format),
        (
            json!({ "preferred_method": "email", "second_method": null, "email": null }),
            "email",
            "Enter an email address, like name@example.com",
        ),
        (
            json!({ "email": "sam@example" }),
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        (
            json!({ "preferred_method": "letter", "letters_safe": true, "postcode": "SW1A 1AA" }),
            "address",
            "Enter your address",
        ),
        (
            json!({ "preferred_method": "letter", "letters_safe": true, "address": "x".repeat(501), "postcode": "SW1A 1AA" }),
            "address",
            "Address must be 500 characters or fewer",
        ),
        (
            json!({ "preferred_method": "letter", "letters_safe": true, "address": "1 High St" }),
            "postcode",
            "Enter a postcode",
        ),
        (
            json!({ "preferred_method": "letter", "letters_safe": true, "address": "1 High St", "postcode": "SWAA 1AA" }),
            "postcode",
            "Enter a real postcode, like SW1A 1AA",
        ),
        (
            json!({ "preferred_method": "letter", "letters_safe": false, "address": "1 High St", "postcode": "SW1A 1AA" }),
            "letters_safe",
            "You said letters to your address are not safe. Choose another way for us to contact you.",
        ),
        (
            json!({ "second_method": "phone_call" }),
            "second_method",
            "Choose a different second way to contact you, or choose none",
        ),
        (json!({ "safe_times": [] }), "safe_times", "Add at least one safe time for us to call you"),
        (
            json!({ "safe_times": vec![json!({ "days": ["monday"], "start": "09:00", "end": "10:00" }); 8] }),
            "safe_times",
            "You can add up to 7 safe times",
        ),
        (
            json!({ "safe_times": [{ "days": [], "start": "09:00", "end": "10:00" }] }),
            "safe_times.0.days",
            "Choose at least one day",
        ),
        (
            json!({ "safe_times": [{ "days": ["monday"], "start": "9am", "end": "10:00" }] }),
            "safe_times.0.start",
            "Enter a time using the 24-hour clock, like 09:00 or 17:30",
        ),
        (
            json!({ "safe_times": [{ "days": ["monday"], "start": "09:00", "end": "25:00" }] }),
            "safe_times.0.end",
            "Enter a time using the 24-hour clock, like 09:00 or 17:30",
        ),
        (
            json!({ "safe_times": [
                { "days": ["monday"], "start": "09:00", "end": "10:00" },
                { "days": ["friday"], "start": "14:00", "end": "13:00" }
            ] }),
            "safe_times.1.end",
            "The end time must be after the start time",
        ),
        (json!({ "language": "other" }), "other_language", "Enter the language you want to use"),
        (
            json!({ "language": "other", "other_language": "x".repeat(101) }),
            "other_language",
            "Language must be 100 characters or fewer",
        ),
        (
            json!({ "communication_needs": ["other"] }),
            "other_needs",
            "Describe the other support you need",
        ),
        (
            json!({ "communication_needs": ["other"], "other_needs": "x".repeat(501) }),
            "other_needs",
            "Other support must be 500 characters or fewer",
        ),
    ];
    for (changes, field, message) in cases {
        assert_field_error(&app, &with(valid(), changes), field, message).await;
    }
    // Nothing was saved.
    let view: PreferencesView = app
        .get(&prefs_path(TEXT_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.version, 1);
}

#[tokio::test]
async fn limits_count_characters_not_bytes() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let body = with(
        valid(),
        json!({ "communication_needs": ["other"], "other_needs": "é".repeat(500) }),
    );
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &body).await.status(),
        200
    );
}

#[tokio::test]
async fn another_victims_preferences_look_like_no_case_at_all() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let other = EMAIL_VICTIM.0;
    assert_eq!(app.get(&prefs_path(other)).await.status(), 404);
    assert_eq!(
        app.get(&format!("{}/history", prefs_path(other)))
            .await
            .status(),
        404
    );
    assert_eq!(app.put_preferences(other, &valid()).await.status(), 404);
    // Still version 1 for the other victim.
    let (count,): (i64,) = query(
        "SELECT COUNT(*) FROM contact_preferences p JOIN cases c ON c.victim_id = p.victim_id
         WHERE c.crime_reference = $1",
    )
    .bind(other)
    .fetch_one(&mut app.db.conn())
    .await
    .unwrap();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn signed_out_callers_get_401() {
    let app = spawn_app().await;
    assert_eq!(app.get(&prefs_path(TEXT_VICTIM.0)).await.status(), 401);
    assert_eq!(
        app.get(&format!("{}/history", prefs_path(TEXT_VICTIM.0)))
            .await
            .status(),
        401
    );
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &valid()).await.status(),
        401
    );
}

#[tokio::test]
async fn sign_in_codes_follow_the_latest_preference_once_confirmed() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    let email = with(
        valid(),
        json!({ "preferred_method": "email", "email": "priya.new@example.org" }),
    );
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &email, "priya.new@example.org")
        .await;

    app.post_json("/api/sign-out", &json!({})).await;
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    let code = app
        .latest_code_for("priya.new@example.org")
        .await
        .expect("code by email");
    assert_eq!(app.verify(TEXT_VICTIM.0, &code).await.status(), 200);

    // Calls first, texts second: the code goes by text, the second choice.
    let texts = with(valid(), json!({ "phone": "07700 900 982" }));
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &texts, "+447700900982")
        .await;
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    assert!(app
        .latest_code_for("+447700900982")
        .await
        .is_some_and(|code| code.chars().all(|c| c.is_ascii_digit())));
    let sign_in_message = app.latest_body_for("+447700900982").await.unwrap();
    assert!(sign_in_message.contains("sign-in code"));

    // Calls only: a call cannot carry a code, so (once confirmed) nothing is sent.
    let calls_only = with(texts, json!({ "second_method": null }));
    app.save_and_confirm_preferences(TEXT_VICTIM.0, &calls_only, "+447700900982")
        .await;
    let before = app.outbox_count().await;
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
    assert_eq!(app.outbox_count().await, before);
}

#[tokio::test]
async fn a_victim_with_no_versions_gets_version_1_from_the_victims_record() {
    let app = spawn_app().await;
    query("DELETE FROM contact_preferences")
        .execute(&mut app.db.conn())
        .await
        .unwrap();
    app.sign_in(EMAIL_VICTIM).await;
    let history: PreferencesHistory = app
        .get(&format!("{}/history", prefs_path(EMAIL_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(history.versions.len(), 1);
    assert_eq!(history.versions[0].changed_by, ChangedBy::Officer);
    let view: PreferencesView = app
        .get(&prefs_path(EMAIL_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(view.version, 1);
    assert_eq!(
        view.preferences.email.as_deref(),
        Some("alex.demo@example.org")
    );
    assert_eq!(
        view.summary[0],
        "We will email you at alex.demo@example.org."
    );
}
