//! Logs carry ids only: no demo victim's name, phone number or email appears in them.

use serde_json::json;

use crate::helpers::{case_path, logs, spawn_app, EMAIL_VICTIM, TEXT_VICTIM};

const PERSONAL_DATA: [&str; 9] = [
    "Priya Shah",
    "+447700900001",
    "Alex Morgan",
    "alex.demo@example.org",
    "Jamie Evans",
    "+447700900003",
    "Jordan Hughes",
    "jordan.demo@example.org",
    "Sam Taylor",
];

#[tokio::test]
async fn signing_in_and_reading_a_case_logs_no_personal_data() {
    let app = spawn_app().await;
    for victim in [TEXT_VICTIM, EMAIL_VICTIM] {
        app.sign_in(victim).await;
        assert_eq!(app.get(&case_path(victim.0)).await.status(), 200);
        let code = app.latest_code_for(victim.1).await.unwrap();
        app.verify(victim.0, &code).await;
    }
    app.start_sign_in("CR/100005/25").await;

    let logged = logs().contents();
    assert!(logged.contains("sign-in code issued"), "the capture works");
    assert!(
        logged.contains("/api/cases/{crime_reference}"),
        "route templates are logged"
    );
    for value in PERSONAL_DATA {
        let lines: Vec<&str> = logged.lines().filter(|line| line.contains(value)).collect();
        assert!(
            lines.is_empty(),
            "{value} appears in the logs:\n{}",
            lines.join("\n")
        );
    }
    assert!(
        !logged.contains("CR/100001/25") && !logged.contains("CR%2F100001"),
        "crime reference logged"
    );
}

#[tokio::test]
async fn preferences_and_callbacks_log_no_personal_data() {
    let app = spawn_app().await;
    app.set_clock_to_tuesday_8am();
    app.sign_in(TEXT_VICTIM).await;
    let prefs = json!({
        "preferred_method": "text_message", "second_method": "letter",
        "phone": "07700 900 777", "email": "logcheck.person@example.org",
        "address": "99 Logcheck Road", "postcode": "LC1 9ZZ",
        "safe_times": [], "voicemail_safe": false, "letters_safe": true,
        "caller_id_allowed": false, "language": "other", "other_language": "Logchecklandic",
        "interpreter_needed": true, "communication_needs": ["other"],
        "other_needs": "Logcheck needs", "update_frequency": "every_update"
    });
    assert_eq!(
        app.put_preferences(TEXT_VICTIM.0, &prefs).await.status(),
        200
    );
    let callback = json!({
        "reason": "something_else", "details": "Logcheck details", "urgency": "soon",
        "windows": [{ "date": "2026-03-11", "start": "10:00", "end": "11:00" }],
        "one_off_phone": "07700 900 778"
    });
    assert_eq!(
        app.post_callback(TEXT_VICTIM.0, &callback).await.status(),
        201
    );

    let logged = logs().contents();
    assert!(logged.contains("callback requested"), "the capture works");
    for value in [
        "+447700900777",
        "07700 900 777",
        "+447700900778",
        "logcheck.person",
        "Logcheck Road",
        "LC1 9ZZ",
        "Logchecklandic",
        "Logcheck needs",
        "Logcheck details",
    ] {
        assert!(!logged.contains(value), "{value} appears in the logs");
    }
}
