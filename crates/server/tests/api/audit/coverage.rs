//! Every route that reads or writes a victim's data records exactly one audit row, by its
//! caller, for the case: a table of routes driven in order over the API, with the whole
//! trail compared after each step, so no row is ever changed or dropped along the way.

use reqwest::{Client, Method};
use serde_json::{json, Value};
use shared::api::callbacks::CallbackView;

use super::{trail_rows, TrailRow};
use crate::builders::BuiltCase;
use crate::callbacks::valid as valid_callback;
use crate::helpers::*;
use crate::preferences::valid as valid_preferences;
use crate::staff::{create_staff, PASSWORD};
use crate::staff_admin::staff_id;

/// The phone `preferences::valid()` moves the victim's texts to, where the confirmation
/// code goes.
const NEW_PHONE: &str = "+447700900001";

/// Who makes a request of the table.
#[derive(Debug, Clone, Copy)]
enum By {
    Victim,
    Officer,
    Supervisor,
}

/// One route of the table: who calls it, how, the status it answers and the action its
/// row records. `{ref}` in the path is the case's reference (percent-encoded), `{callback}`
/// the callback the table asked for.
struct Step {
    by: By,
    method: &'static str,
    path: &'static str,
    status: u16,
    action: &'static str,
}

const fn step(
    by: By,
    method: &'static str,
    path: &'static str,
    status: u16,
    action: &'static str,
) -> Step {
    Step {
        by,
        method,
        path,
        status,
        action,
    }
}

const STEPS: &[Step] = &[
    step(By::Victim, "GET", "/api/cases/{ref}", 200, "read_case"),
    step(
        By::Victim,
        "GET",
        "/api/cases/{ref}/preferences",
        200,
        "read_preferences",
    ),
    step(
        By::Victim,
        "GET",
        "/api/cases/{ref}/preferences/history",
        200,
        "read_preferences",
    ),
    step(
        By::Victim,
        "PUT",
        "/api/cases/{ref}/preferences",
        200,
        "change_preferences",
    ),
    step(
        By::Victim,
        "POST",
        "/api/cases/{ref}/preferences/confirm-contact",
        200,
        "confirm_contact_change",
    ),
    step(
        By::Victim,
        "GET",
        "/api/cases/{ref}/callbacks",
        200,
        "read_callbacks",
    ),
    step(
        By::Victim,
        "POST",
        "/api/cases/{ref}/callbacks",
        201,
        "request_callback",
    ),
    step(
        By::Victim,
        "POST",
        "/api/cases/{ref}/callbacks/{callback}/cancel",
        200,
        "cancel_callback",
    ),
    step(
        By::Victim,
        "GET",
        "/api/cases/{ref}/looks",
        200,
        "read_audit_trail",
    ),
    step(
        By::Officer,
        "GET",
        "/api/staff/cases/{ref}",
        200,
        "read_case",
    ),
    step(
        By::Officer,
        "GET",
        "/api/staff/cases/{ref}/messages",
        200,
        "read_messages",
    ),
    step(
        By::Supervisor,
        "GET",
        "/api/staff/cases/{ref}",
        200,
        "read_case",
    ),
    step(
        By::Supervisor,
        "GET",
        "/api/staff/cases/{ref}/audit",
        200,
        "read_audit_trail",
    ),
];

/// A signed-in staff member: their client and account id.
async fn staff_client(app: &TestApp, (email, secret): (String, String)) -> (Client, String) {
    let client = app.new_client();
    let body = json!({ "email": email, "password": PASSWORD, "code": app.totp_now(&secret) });
    let response = client
        .post(app.url("/api/staff/sign-in"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let id = staff_id(app, &email).await;
    (client, id)
}

/// The body a step sends, made when it runs (the confirmation code exists only then).
async fn body_for(app: &TestApp, step: &Step) -> Option<Value> {
    match (step.method, step.path) {
        ("PUT", "/api/cases/{ref}/preferences") => Some(valid_preferences()),
        ("POST", "/api/cases/{ref}/preferences/confirm-contact") => {
            let code = app.latest_code_for(NEW_PHONE).await.expect("a code");
            Some(json!({ "code": code }))
        }
        ("POST", "/api/cases/{ref}/callbacks") => Some(valid_callback()),
        ("POST", _) => Some(json!({})),
        _ => None,
    }
}

#[tokio::test]
async fn every_route_records_one_row_by_its_caller_and_no_row_ever_changes() {
    let app = spawn_app().await;
    app.set_clock_to_tuesday_8am();
    let case: BuiltCase = app.create_case().await;
    app.sign_in((&case.crime_reference, "+447700900999")).await;
    let officer = create_staff(&app, "north", "officer", Some("demo-team-north"), None).await;
    let (officer, officer_id) = staff_client(&app, officer).await;
    let boss = create_staff(&app, "boss", "supervisor", None, None).await;
    let (boss, boss_id) = staff_client(&app, boss).await;
    let encoded = case.crime_reference.replace('/', "%2F");

    let mut trail: Vec<TrailRow> = trail_rows(&app, &case.case_id).await;
    assert!(
        trail.is_empty(),
        "nothing recorded before the first request"
    );
    let mut callback = String::new();
    for step in STEPS {
        let (client, kind, actor_id) = match step.by {
            By::Victim => (&app.client, "victim", &case.victim_id),
            By::Officer => (&officer, "officer", &officer_id),
            By::Supervisor => (&boss, "supervisor", &boss_id),
        };
        let path = step
            .path
            .replace("{ref}", &encoded)
            .replace("{callback}", &callback);
        let method = Method::from_bytes(step.method.as_bytes()).unwrap();
        let mut request = client.request(method, app.url(&path));
        if let Some(body) = body_for(&app, step).await {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let what = format!("{} {} by {:?}", step.method, step.path, step.by);
        assert_eq!(response.status().as_u16(), step.status, "{what}");
        if step.action == "request_callback" {
            callback = response.json::<CallbackView>().await.unwrap().id;
        }

        let now = trail_rows(&app, &case.case_id).await;
        assert_eq!(now.len(), trail.len() + 1, "{what}: one new row");
        let new: Vec<&TrailRow> = now.iter().filter(|row| !trail.contains(row)).collect();
        assert_eq!(
            new.len(),
            1,
            "{what}: every earlier row is still there, unchanged"
        );
        let row = new[0];
        assert_eq!(
            (
                row.kind.as_str(),
                row.actor_id.as_deref(),
                row.action.as_str()
            ),
            (kind, Some(actor_id.as_str()), step.action),
            "{what}"
        );
        assert_eq!(
            (row.case_id.as_str(), row.victim_id.as_str()),
            (case.case_id.as_str(), case.victim_id.as_str()),
            "{what}"
        );
        // The clock runs on from Tuesday 8am: recorded at the server's clock, just now.
        assert!((0..=2).contains(&(app.clock.unix() - row.at)), "{what}");
        trail = now;
    }
}

#[tokio::test]
async fn refused_requests_record_nothing() {
    let app = spawn_app().await;
    app.set_clock_to_tuesday_8am();
    let case = app.create_case().await;
    let other = app.create_case().await;
    app.sign_in((&other.crime_reference, "+447700900999")).await;
    let officer = create_staff(&app, "north", "officer", Some("demo-team-north"), None).await;
    let (officer, _) = staff_client(&app, officer).await;
    let encoded = case.crime_reference.replace('/', "%2F");

    // Another victim, and an officer asking for a supervisor's view.
    let victim_read = app.get(&format!("/api/cases/{encoded}")).await;
    assert_eq!(victim_read.status(), 404);
    let officer_audit = officer
        .get(app.url(&format!("/api/staff/cases/{encoded}/audit")))
        .send()
        .await
        .unwrap();
    assert_eq!(officer_audit.status(), 404);
    assert!(trail_rows(&app, &case.case_id).await.is_empty());
}
