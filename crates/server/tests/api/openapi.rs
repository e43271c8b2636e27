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
                    .replace("{staff_id}", "00000000-0000-0000-0000-000000000000")
                    .replace("{update_id}", "00000000-0000-0000-0000-000000000000")
                    .replace("{supporter_id}", "00000000-0000-0000-0000-000000000000");
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
        ("get", "/api/cases/CR%2F100001%2F25/looks"),
        ("get", "/api/cases/CR%2F100001%2F25/preferences"),
        ("get", "/api/cases/CR%2F100001%2F25/preferences/history"),
        ("get", "/api/cases/CR%2F100001%2F25/supporters"),
        ("get", "/api/config"),
        ("get", "/api/dev/outbox"),
        ("get", "/api/health"),
        ("get", "/api/openapi.json"),
        ("get", "/api/session"),
        ("get", "/api/staff/callbacks"),
        ("get", "/api/staff/cases"),
        ("get", "/api/staff/cases/CR%2F100001%2F25"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/audit"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/callbacks"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/contacts"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/management"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/messages"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/supporters"),
        ("get", "/api/staff/cases/CR%2F100001%2F25/updates"),
        ("get", "/api/staff/due"),
        ("get", "/api/staff/officers"),
        ("get", "/api/staff/session"),
        ("get", "/api/staff/unit/allocation-options"),
        ("post", "/api/cases/CR%2F100001%2F25/callbacks"),
        (
            "post",
            "/api/cases/CR%2F100001%2F25/callbacks/00000000-0000-0000-0000-000000000000/cancel",
        ),
        (
            "post",
            "/api/cases/CR%2F100001%2F25/preferences/confirm-contact",
        ),
        ("post", "/api/cases/CR%2F100001%2F25/supporters"),
        (
            "post",
            "/api/cases/CR%2F100001%2F25/supporters/00000000-0000-0000-0000-000000000000/remove",
        ),
        ("post", "/api/delivery/notify-receipts"),
        ("post", "/api/dev/cases"),
        ("post", "/api/sign-in/start"),
        ("post", "/api/sign-in/verify"),
        ("post", "/api/sign-out"),
        ("post", "/api/sign-out-everywhere"),
        (
            "post",
            "/api/staff/cases/CR%2F100001%2F25/callbacks/00000000-0000-0000-0000-000000000000/complete",
        ),
        (
            "post",
            "/api/staff/cases/CR%2F100001%2F25/callbacks/00000000-0000-0000-0000-000000000000/schedule",
        ),
        ("post", "/api/staff/cases/CR%2F100001%2F25/contact-check"),
        ("post", "/api/staff/cases/CR%2F100001%2F25/contacts"),
        ("post", "/api/staff/cases/CR%2F100001%2F25/supporters"),
        (
            "post",
            "/api/staff/cases/CR%2F100001%2F25/supporters/00000000-0000-0000-0000-000000000000/remove",
        ),
        ("post", "/api/staff/cases/CR%2F100001%2F25/updates"),
        (
            "post",
            "/api/staff/cases/CR%2F100001%2F25/updates/00000000-0000-0000-0000-000000000000/told",
        ),
        ("post", "/api/staff/officers"),
        (
            "post",
            "/api/staff/officers/00000000-0000-0000-0000-000000000000/disable",
        ),
        ("post", "/api/staff/sign-in"),
        ("post", "/api/staff/sign-out"),
        ("post", "/api/staff/sign-out-everywhere"),
        ("post", "/api/supporter-sign-in/invitation"),
        ("post", "/api/supporter-sign-in/start"),
        ("post", "/api/supporter-sign-in/verify"),
        ("put", "/api/cases/CR%2F100001%2F25/preferences"),
        (
            "put",
            "/api/cases/CR%2F100001%2F25/supporters/00000000-0000-0000-0000-000000000000",
        ),
        ("put", "/api/staff/cases/CR%2F100001%2F25/allocation"),
        ("put", "/api/staff/cases/CR%2F100001%2F25/enhanced-rights"),
        ("put", "/api/staff/cases/CR%2F100001%2F25/stage"),
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
        "StaffCaseMessagesView",
        "NewOfficerRequest",
        "NewOfficerView",
        "OfficersView",
    ] {
        assert!(
            doc["components"]["schemas"].get(schema).is_some(),
            "{schema} missing"
        );
    }
    for scheme in [
        "session_cookie",
        "staff_session_cookie",
        "notify_receipt_token",
    ] {
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

#[tokio::test]
async fn the_document_states_the_limits_the_server_enforces() {
    use shared::api::callbacks::{MAX_DETAILS_CHARS, MAX_WINDOWS};
    use shared::api::preferences::*;

    let app = spawn_app().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    let prefs = &schemas["ContactPreferences"]["properties"];
    assert_eq!(prefs["address"]["maxLength"], MAX_ADDRESS_CHARS);
    assert_eq!(
        prefs["other_language"]["maxLength"],
        MAX_OTHER_LANGUAGE_CHARS
    );
    assert_eq!(prefs["other_needs"]["maxLength"], MAX_OTHER_NEEDS_CHARS);
    assert_eq!(prefs["safe_times"]["maxItems"], MAX_SAFE_TIMES);
    assert_eq!(
        prefs["communication_needs"]["maxItems"],
        MAX_COMMUNICATION_NEEDS
    );
    assert_eq!(prefs["phone"]["pattern"], UK_PHONE_PATTERN);
    assert_eq!(prefs["postcode"]["pattern"], UK_POSTCODE_PATTERN);
    assert_eq!(prefs["email"]["format"], "email");
    let window = &schemas["SafeTimeWindow"]["properties"];
    assert_eq!(window["days"]["maxItems"], MAX_DAYS);
    assert_eq!(window["days"]["minItems"], 1);
    assert_eq!(window["start"]["pattern"], CLOCK_TIME_PATTERN);
    assert_eq!(window["end"]["pattern"], CLOCK_TIME_PATTERN);

    let callback = &schemas["NewCallbackRequest"]["properties"];
    assert_eq!(callback["details"]["maxLength"], MAX_DETAILS_CHARS);
    assert_eq!(callback["windows"]["maxItems"], MAX_WINDOWS);
    assert_eq!(callback["one_off_phone"]["pattern"], UK_PHONE_PATTERN);
    let callback_window = &schemas["CallbackWindow"]["properties"];
    assert_eq!(callback_window["date"]["format"], "date");
    assert_eq!(callback_window["start"]["pattern"], CLOCK_TIME_PATTERN);

    // The rules between fields are on the PUT body's own schema.
    let put = &doc["paths"]["/api/cases/{crime_reference}/preferences"]["put"];
    assert_eq!(
        put["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ContactPreferencesInput"
    );
    assert!(
        schemas["ContactPreferencesInput"]["allOf"]
            .as_array()
            .unwrap()
            .len()
            > 1
    );

    let history = &doc["paths"]["/api/cases/{crime_reference}/preferences/history"]["get"];
    let limit = history["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "limit")
        .expect("a limit parameter");
    assert_eq!(limit["schema"]["maximum"], MAX_HISTORY_PAGE);
    assert_eq!(
        schemas["PreferencesHistory"]["properties"]["versions"]["maxItems"],
        MAX_HISTORY_PAGE
    );
}

/// Every candidate the pattern allows, the parser accepts: the document never promises
/// more than the server takes.
fn assert_pattern_within_parser(
    pattern: &str,
    candidates: &[String],
    parses: impl Fn(&str) -> bool,
) {
    let pattern = regex::Regex::new(pattern).unwrap();
    let allowed: Vec<&String> = candidates.iter().filter(|c| pattern.is_match(c)).collect();
    assert!(!allowed.is_empty(), "no candidate matches {pattern}");
    for candidate in allowed {
        assert!(
            parses(candidate),
            "{pattern} allows {candidate:?}, the parser refuses it"
        );
    }
}

#[test]
fn the_documented_patterns_allow_only_what_the_parsers_accept() {
    use shared::api::preferences::{CLOCK_TIME_PATTERN, UK_PHONE_PATTERN, UK_POSTCODE_PATTERN};
    use shared::contact::{ClockTime, PhoneNumber, UkPostcode};

    let mut phones = Vec::new();
    for prefix in ["+44", "0", "0044", "+33", "", "+440"] {
        for start in [
            "1", "2", "3", "4", "5", "70", "71", "75", "76", "77", "79", "8", "9",
        ] {
            for length in 6..=12 {
                let rest = "1234567890123".get(..length - start.len().min(length));
                phones.push(format!("{prefix}{start}{}", rest.unwrap_or("")));
            }
        }
    }
    assert_pattern_within_parser(UK_PHONE_PATTERN, &phones, |p| PhoneNumber::parse(p).is_ok());

    let mut times = Vec::new();
    for hours in ["0", "00", "9", "09", "19", "23", "24", "29", "99"] {
        for minutes in ["00", "0", "59", "60", "5"] {
            times.push(format!("{hours}:{minutes}"));
        }
    }
    assert_pattern_within_parser(CLOCK_TIME_PATTERN, &times, |t| ClockTime::parse(t).is_ok());

    let mut postcodes = Vec::new();
    for outward in ["A1", "A12", "AB1", "AB12", "A1B", "AB1C", "1A", "ABC1", "A"] {
        for inward in ["1AA", "1A", "AAA", "12A", "1aa"] {
            postcodes.push(format!("{outward} {inward}"));
            postcodes.push(format!("{outward}{inward}"));
            postcodes.push(format!("{}{inward}", outward.to_lowercase()));
        }
    }
    assert_pattern_within_parser(UK_POSTCODE_PATTERN, &postcodes, |p| {
        UkPostcode::parse(p).is_ok()
    });
}

#[tokio::test]
async fn text_patterns_account_for_the_characters_the_server_removes() {
    use server::platform::text::clean_text;
    use shared::api::{NOTHING_REMOVED_PATTERN, NOT_BLANK_PATTERN};

    let app = spawn_app().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    let officer = &schemas["NewOfficerRequest"]["properties"];
    assert_eq!(officer["display_name"]["pattern"], NOT_BLANK_PATTERN);
    assert_eq!(officer["password"]["pattern"], NOTHING_REMOVED_PATTERN);
    assert_eq!(
        schemas["StaffSignInRequest"]["properties"]["email"]["pattern"],
        NOT_BLANK_PATTERN
    );

    let candidates: Vec<String> = [
        "a",
        " a ",
        " ",
        "",
        "\u{85}",
        "\u{2}",
        "\u{202E}",
        "\u{FEFF}",
        "\u{A0}",
        "\u{3000}x",
        "\r\n",
        "\t",
        "\u{2066}\u{2069}",
        "é",
        "\u{200F}",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    assert_pattern_within_parser(NOT_BLANK_PATTERN, &candidates, |s| {
        !clean_text(s).trim().is_empty()
    });
    assert_pattern_within_parser(NOTHING_REMOVED_PATTERN, &candidates, |s| {
        clean_text(s).chars().count() == s.chars().count()
    });
}
