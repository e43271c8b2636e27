//! Logs carry ids only: no demo victim's name, phone number or email appears in them.

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
