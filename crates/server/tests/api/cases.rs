//! Reading a case: only your own, newest updates first.

use shared::api::{CaseView, ErrorBody};

use crate::helpers::{case_path, spawn_app, EMAIL_VICTIM, TEXT_VICTIM, UNKNOWN_REFERENCE};

#[tokio::test]
async fn a_victim_sees_their_case_explained() {
    let app = spawn_app().await;
    app.sign_in(EMAIL_VICTIM).await;
    let response = app.get(&case_path(EMAIL_VICTIM.0)).await;
    assert_eq!(response.status(), 200);
    let case: CaseView = response.json().await.unwrap();
    assert_eq!(case.crime_reference, "CR/100002/25");
    assert_eq!(case.crime_type, "Assault by a former partner");
    assert!(case.enhanced_rights);
    assert_eq!(case.stage.code, "released_on_bail");
    assert!(!case.stage.explanation.is_empty() && !case.stage.what_happens_next.is_empty());
    assert_eq!(case.officer.role, "Victim care officer");
    assert!(case.officer.phone_link.starts_with("+441632960"));
    assert_eq!(case.updates.len(), 4);
    let dates: Vec<&str> = case.updates.iter().map(|u| u.date.as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    // Two updates share a day: the later one comes first.
    assert_eq!(case.updates[0].title, "The suspect was released on bail");
    assert!(!case.updates[0].what_happens_next.contains("{date"));
    assert_eq!(case.reported_on.len(), 10);
}

#[tokio::test]
async fn another_victims_case_looks_like_no_case_at_all() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;

    let other = app.get(&case_path(EMAIL_VICTIM.0)).await;
    let missing = app.get(&case_path(UNKNOWN_REFERENCE)).await;
    assert_eq!(other.status(), 404);
    assert_eq!(missing.status(), 404);
    let other: ErrorBody = other.json().await.unwrap();
    let missing: ErrorBody = missing.json().await.unwrap();
    assert_eq!(other, missing);
}

#[tokio::test]
async fn a_malformed_reference_in_the_path_is_404() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    assert_eq!(app.get("/api/cases/%3Cscript%3E").await.status(), 404);
}

#[tokio::test]
async fn the_reference_in_the_path_is_normalised() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    assert_eq!(app.get("/api/cases/cr%2F100001%2F25").await.status(), 200);
}
