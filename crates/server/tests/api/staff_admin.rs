//! Supervisors manage their unit's officer accounts over the API: create one (who then
//! signs in and sees their team's cases), list them, disable one (whose session ends at
//! once); officers and other units' supervisors get 404; unfit fields get a 422 each.

use reqwest::{Client, Response};
use serde_json::{json, Value};
use server::staff::credentials;
use shared::api::staff::{NewOfficerView, OfficersView, StaffCasesView};
use shared::api::ErrorBody;

use crate::helpers::*;
use crate::staff::{create_staff, PASSWORD};
use server::platform::db::query;

const FIRST_PASSWORD: &str = "a first officer password";
const OFFICERS: &str = "/api/staff/officers";

fn new_officer(email: &str) -> Value {
    json!({
        "email": email,
        "display_name": "PC Nia Llewellyn",
        "team_id": "demo-team-north",
        "password": FIRST_PASSWORD,
    })
}

/// Someone with a client (and cookies) of their own, beside `app`'s own client.
struct Person(Client);

impl Person {
    /// Signs in with the account's current code; the answer's status.
    async fn signed_in(app: &TestApp, email: &str, password: &str, secret: &str) -> (Self, u16) {
        let person = Self(app.new_client());
        let code = credentials::code_at(secret, app.clock.unix()).expect("a code");
        let status = person.sign_in(app, email, password, &code).await;
        (person, status)
    }

    async fn sign_in(&self, app: &TestApp, email: &str, password: &str, code: &str) -> u16 {
        let body = json!({ "email": email, "password": password, "code": code });
        let request = self.0.post(app.url("/api/staff/sign-in")).json(&body);
        request.send().await.expect("sign in").status().as_u16()
    }

    async fn get(&self, app: &TestApp, path: &str) -> Response {
        self.0.get(app.url(path)).send().await.expect("GET")
    }

    async fn post(&self, app: &TestApp, path: &str) -> u16 {
        let response = self.0.post(app.url(path)).json(&json!({})).send().await;
        response.expect("POST").status().as_u16()
    }
}

/// A supervisor of the demo unit, signed in on `app`'s own client.
async fn signed_in_supervisor(app: &TestApp) {
    let boss = create_staff(app, "boss", "supervisor", None, None).await;
    app.staff_signed_in(&boss).await;
}

/// Another unit with one team ("other-team"), and its supervisor signed in.
async fn other_units_supervisor(app: &TestApp) -> Person {
    let (email, secret) = create_other_units_supervisor(app).await;
    let (other, status) = Person::signed_in(app, &email, PASSWORD, &secret).await;
    assert_eq!(status, 200);
    other
}

/// A second unit with one team (`other-team`), and a supervisor of it. Returns (email,
/// TOTP secret).
pub async fn create_other_units_supervisor(app: &TestApp) -> (String, String) {
    for sql in [
        "INSERT INTO units (id, name, created_at) VALUES ('other-unit', 'Other unit', 0)",
        "INSERT INTO teams (id, unit_id, name, created_at)
         VALUES ('other-team', 'other-unit', 'Other team', 0)",
    ] {
        query(sql).execute(&mut app.db.conn()).await.expect("unit");
    }
    let (email, secret) = create_staff(app, "other.boss", "supervisor", None, None).await;
    query("UPDATE staff SET unit_id = 'other-unit' WHERE email = $1")
        .bind(&email)
        .execute(&mut app.db.conn())
        .await
        .expect("moved");
    (email, secret)
}

async fn one_number(app: &TestApp, sql: &str, bind: &str) -> i64 {
    let query = query(sql).bind(bind);
    query
        .fetch_one::<(i64,)>(&mut app.db.conn())
        .await
        .expect("a number")
        .0
}

pub async fn staff_id(app: &TestApp, email: &str) -> String {
    let query = query("SELECT id FROM staff WHERE email = $1");
    query
        .bind(email)
        .fetch_one::<(String,)>(&mut app.db.conn())
        .await
        .expect("id")
        .0
}

fn disable_path(id: &str) -> String {
    format!("{OFFICERS}/{id}/disable")
}

async fn disable(app: &TestApp, id: &str) -> u16 {
    let response = app.post_json(&disable_path(id), &json!({})).await;
    response.status().as_u16()
}

async fn officers(app: &TestApp) -> OfficersView {
    let response = app.get(OFFICERS).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("officers")
}

#[tokio::test]
async fn a_supervisor_creates_an_officer_who_signs_in_and_sees_their_teams_cases() {
    let app = spawn_app().await;
    signed_in_supervisor(&app).await;
    let body = new_officer(" Nia.Llewellyn@Example.org");
    let response = app.post_json(OFFICERS, &body).await;
    assert_eq!(response.status(), 201);
    let created: NewOfficerView = response.json().await.expect("created");
    let secret = &created.totp_secret;
    assert!(created.otpauth_link.starts_with("otpauth://totp/"));
    assert!(created.otpauth_link.contains(&format!("secret={secret}")));

    let listed = officers(&app).await.officers;
    let names: Vec<&str> = listed.iter().map(|o| o.display_name.as_str()).collect();
    assert_eq!(
        names,
        ["PC Aisha Rahman", "PC Daniel Okafor", "PC Nia Llewellyn"]
    );
    let new = &listed[2];
    assert_eq!(new.id, created.id);
    assert_eq!(new.email, "nia.llewellyn@example.org");
    assert_eq!(new.team_id.as_deref(), Some("demo-team-north"));
    assert!(!new.disabled);

    let email = "nia.llewellyn@example.org";
    let (officer, status) = Person::signed_in(&app, email, FIRST_PASSWORD, secret).await;
    assert_eq!(status, 200);
    let cases = officer.get(&app, "/api/staff/cases").await;
    let cases: StaffCasesView = cases.json().await.expect("cases");
    let mut references: Vec<String> = cases.cases.into_iter().map(|c| c.crime_reference).collect();
    references.sort();
    assert_eq!(references, ["CR/100001/25", "CR/100002/25", "CR/100003/25"]);

    let logged = logs().contents();
    assert!(
        logged.contains("officer account created"),
        "the capture works"
    );
    for value in ["Nia Llewellyn", "nia.llewellyn", FIRST_PASSWORD, secret] {
        assert!(!logged.contains(value), "{value} appears in the logs");
    }
}

#[tokio::test]
async fn officers_and_strangers_cannot_manage_accounts() {
    let app = spawn_app().await;
    let daniel = staff_id(&app, "daniel.okafor@example.org").await;
    let body = new_officer("someone@example.org");
    // Not signed in: 401, as on every staff route.
    assert_eq!(app.post_json(OFFICERS, &body).await.status(), 401);
    assert_eq!(disable(&app, &daniel).await, 401);

    let officer = create_staff(&app, "plain", "officer", Some("demo-team-north"), None).await;
    app.staff_signed_in(&officer).await;
    assert_eq!(app.post_json(OFFICERS, &body).await.status(), 404);
    assert_eq!(app.get(OFFICERS).await.status(), 404);
    assert_eq!(disable(&app, &daniel).await, 404);
    let sql = "SELECT COUNT(*) FROM staff WHERE email = $1 OR disabled_at IS NOT NULL";
    assert_eq!(one_number(&app, sql, "someone@example.org").await, 0);
}

/// The first message for `field` in a 422.
async fn field_error(response: Response, field: &str) -> String {
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.expect("error body");
    let first = body.errors.get(field).and_then(|m| m.first().cloned());
    first.unwrap_or_else(|| panic!("no error for {field}: {:?}", body.errors))
}

#[tokio::test]
async fn each_unfit_field_gets_its_own_message() {
    let app = spawn_app().await;
    other_units_supervisor(&app).await;
    signed_in_supervisor(&app).await;

    let empty = json!({ "email": "", "display_name": " ", "team_id": "", "password": "" });
    let body: ErrorBody = app
        .post_json(OFFICERS, &empty)
        .await
        .json()
        .await
        .expect("body");
    assert_eq!(body.message, "There is a problem");
    let fields: Vec<&str> = body.errors.keys().map(String::as_str).collect();
    assert_eq!(fields, ["display_name", "email", "password", "team_id"]);
    assert_eq!(body.errors["team_id"], ["Select a team"]);
    assert_eq!(body.errors["password"], ["Enter a password"]);

    let cases = [
        (
            "email",
            "not an address",
            "Enter an email address in the correct",
        ),
        (
            "email",
            "Daniel.Okafor@example.org",
            "An account with this email",
        ),
        ("team_id", "other-team", "Select one of your unit's teams"),
        ("team_id", "no-such-team", "Select one of your unit's teams"),
        (
            "password",
            "short",
            "Password must be 12 characters or more",
        ),
        ("password", "password1234", "Choose a different password"),
    ];
    for (field, value, expected) in cases {
        let mut body = new_officer("fresh@example.org");
        body[field] = json!(value);
        let message = field_error(app.post_json(OFFICERS, &body).await, field).await;
        assert!(message.starts_with(expected), "{field}={value}: {message}");
    }

    // In Welsh when asked.
    let mut no_team = new_officer("fresh@example.org");
    no_team["team_id"] = json!("");
    let request = app.client.post(app.url(OFFICERS)).json(&no_team);
    let welsh = request.header("accept-language", "cy").send().await;
    let message = field_error(welsh.expect("POST"), "team_id").await;
    assert_eq!(message, "Dewiswch dîm");
    let sql = "SELECT COUNT(*) FROM staff WHERE role = $1";
    assert_eq!(one_number(&app, sql, "officer").await, 2, "the demo's only");
}

#[tokio::test]
async fn another_units_supervisor_cannot_see_or_disable_this_units_officers() {
    let app = spawn_app().await;
    let other = other_units_supervisor(&app).await;
    let daniel = staff_id(&app, "daniel.okafor@example.org").await;
    assert_eq!(other.post(&app, &disable_path(&daniel)).await, 404);
    let listed: OfficersView = other.get(&app, OFFICERS).await.json().await.expect("list");
    assert!(listed.officers.is_empty());
    let sql = "SELECT COUNT(*) FROM staff WHERE id = $1 AND disabled_at IS NULL";
    assert_eq!(one_number(&app, sql, &daniel).await, 1, "still enabled");
}

#[tokio::test]
async fn disabling_an_officer_ends_their_session_and_they_cannot_sign_in_again() {
    let app = spawn_app().await;
    let north = Some("demo-team-north");
    let (email, secret) = create_staff(&app, "leaving", "officer", north, None).await;
    let (officer, status) = Person::signed_in(&app, &email, PASSWORD, &secret).await;
    assert_eq!(status, 200);
    assert_eq!(officer.get(&app, "/api/staff/cases").await.status(), 200);

    signed_in_supervisor(&app).await;
    let id = staff_id(&app, &email).await;
    assert_eq!(disable(&app, &id).await, 204);
    assert_eq!(officer.get(&app, "/api/staff/cases").await.status(), 401);
    assert_eq!(officer.get(&app, "/api/staff/session").await.status(), 401);
    let sql = "SELECT COUNT(*) FROM sessions WHERE subject_id = $1 AND ended_at IS NULL";
    assert_eq!(one_number(&app, sql, &id).await, 0);

    app.advance_clock(1);
    let code = credentials::code_at(&secret, app.clock.unix()).expect("a code");
    assert_eq!(officer.sign_in(&app, &email, PASSWORD, &code).await, 422);
    let listed = officers(&app).await.officers;
    assert!(listed.iter().any(|o| o.id == id && o.disabled));

    // Again is no change; a supervisor (their own account) or an unknown id is no officer.
    assert_eq!(disable(&app, &id).await, 204);
    let boss = staff_id(&app, "boss@example.org").await;
    assert_eq!(disable(&app, &boss).await, 404);
    assert_eq!(disable(&app, "no-such-account").await, 404);
    assert_eq!(
        app.get("/api/staff/session").await.status(),
        200,
        "still signed in"
    );
}
