//! `POST /api/dev/cases` (demo mode): a fresh case whose victim can sign in and whose
//! demo team's officer works it; numbered in turn, never clashing.

use serde_json::json;
use shared::api::dev::FreshCase;

use crate::helpers::*;

#[tokio::test]
async fn a_fresh_case_can_be_signed_into_and_each_is_new() {
    let app = spawn_app().await;
    let body = json!({ "enhanced_rights": true, "team": "south", "language": "en" });
    let response = app.post_json("/api/dev/cases", &body).await;
    assert_eq!(response.status(), 201);
    let first: FreshCase = response.json().await.unwrap();
    let second: FreshCase = app
        .post_json(
            "/api/dev/cases",
            &json!({ "enhanced_rights": false, "team": "north", "language": "cy" }),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_ne!(first.crime_reference, second.crime_reference);
    assert_ne!(first.email, second.email);

    app.sign_in((first.crime_reference.as_str(), first.email.as_str()))
        .await;
    let case: serde_json::Value = app
        .get(&case_path(&first.crime_reference))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case["enhanced_rights"], true, "{case}");

    let refused = app
        .post_json("/api/dev/cases", &json!({ "team": "east" }))
        .await;
    assert_eq!(refused.status(), 422);
}

#[tokio::test]
async fn there_is_no_fresh_case_route_outside_demo_mode() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    let body = json!({ "enhanced_rights": false, "team": "north", "language": "en" });
    assert_eq!(app.post_json("/api/dev/cases", &body).await.status(), 404);
}
