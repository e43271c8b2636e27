//! The OpenAPI document matches the router: every documented (path, method) is served.

use serde_json::Value;

use crate::helpers::{spawn_app, spawn_app_with, Options, TestApp};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

/// Every (path, method) in the document, with `{params}` filled with a sample value.
fn operations(doc: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                let concrete = path
                    .replace("{crime_reference}", "CR%2F100001%2F25")
                    .replace("{callback_id}", "00000000-0000-0000-0000-000000000000")
                    .replace("{staff_id}", "00000000-0000-0000-0000-000000000000");
                assert!(
                    !concrete.contains('{'),
                    "no sample value for a parameter in {path}"
                );
                found.push((method.to_owned(), concrete));
            }
        }
    }
    found
}

async fn assert_every_operation_is_routed(app: &TestApp, doc: &Value) {
    for (method, path) in operations(doc) {
        let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
        let response = app
            .client
            .request(method.clone(), app.url(&path))
            .send()
            .await
            .unwrap();
        let status = response.status().as_u16();
        assert!(
            status != 404 && status != 405,
            "{method} {path} is documented but answers {status}"
        );
    }
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_the_api() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let mut ops = operations(&doc);
    ops.sort();
    let expected = [
        ("get", "/api/cases/CR%2F100001%2F25"),
        ("get", "/api/cases/CR%2F100001%2F25/callbacks"),
        ("get", "/api/cases/CR%2F100001%2F25/preferences"),
        ("get", "/api/cases/CR%2F100001%2F25/preferences/history"),
        ("get", "/api/config"),
        ("get", "/api/dev/outbox"),
        ("get", "/api/health"),
        ("get", "/api/openapi.json"),
        ("get", "/api/session"),
        ("get", "/api/staff/cases"),
        ("get", "/api/staff/cases/CR%2F100001%2F25"),
        ("get", "/api/staff/officers"),
        ("get", "/api/staff/session"),
        ("post", "/api/cases/CR%2F100001%2F25/callbacks"),
        (
            "post",
            "/api/cases/CR%2F100001%2F25/callbacks/00000000-0000-0000-0000-000000000000/cancel",
        ),
        (
            "post",
            "/api/cases/CR%2F100001%2F25/preferences/confirm-contact",
        ),
        ("post", "/api/sign-in/start"),
        ("post", "/api/sign-in/verify"),
        ("post", "/api/sign-out"),
        ("post", "/api/sign-out-everywhere"),
        ("post", "/api/staff/officers"),
        (
            "post",
            "/api/staff/officers/00000000-0000-0000-0000-000000000000/disable",
        ),
        ("post", "/api/staff/sign-in"),
        ("post", "/api/staff/sign-out"),
        ("post", "/api/staff/sign-out-everywhere"),
        ("put", "/api/cases/CR%2F100001%2F25/preferences"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    assert_eq!(ops, expected);
    for schema in [
        "ErrorBody",
        "ClientConfig",
        "CaseView",
        "VcopTiming",
        "SessionView",
        "StartSignInRequest",
        "ContactPreferences",
        "PreferencesView",
        "PreferencesHistory",
        "PendingContactChange",
        "ConfirmContactRequest",
        "NewCallbackRequest",
        "CallbackView",
        "CallbacksView",
        "StaffSignInRequest",
        "StaffSessionView",
        "StaffCasesView",
        "StaffCaseView",
        "NewOfficerRequest",
        "NewOfficerView",
        "OfficersView",
    ] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "{schema} missing"
        );
    }
    for scheme in ["session_cookie", "staff_session_cookie"] {
        assert!(doc["components"]["securitySchemes"].get(scheme).is_some());
    }
}

#[tokio::test]
async fn every_documented_operation_is_served_in_demo_mode() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    assert_every_operation_is_routed(&app, &doc).await;
}

#[tokio::test]
async fn outside_demo_mode_the_document_drops_the_dev_outbox_and_still_matches() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    let doc = document(&app).await;
    assert!(doc["paths"].get("/api/dev/outbox").is_none());
    assert_every_operation_is_routed(&app, &doc).await;
}

#[tokio::test]
async fn the_answers_of_the_layers_are_documented_on_every_operation() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let shared = &doc["components"]["responses"];
    assert!(shared["Overloaded"]["headers"].get("Retry-After").is_some());
    let mut with_body = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let documented = |status: &str| {
                let Some(answer) = operation["responses"].get(status) else {
                    return false;
                };
                // Either written out, or a reference to a shared answer that exists.
                match answer["$ref"].as_str() {
                    Some(to) => {
                        let name = to.trim_start_matches("#/components/responses/");
                        shared.get(name).is_some()
                    }
                    None => answer.get("description").is_some(),
                }
            };
            let what = format!("{method} {path}");
            if operation.get("requestBody").is_some() {
                with_body += 1;
                assert!(documented("413"), "413 missing on {what}");
            }
            if method != "get" {
                assert!(documented("403"), "403 missing on {what}");
            }
            assert!(documented("408"), "408 missing on {what}");
            assert!(documented("503"), "503 missing on {what}");
        }
    }
    assert!(with_body >= 6, "only {with_body} operations take a body");
}
