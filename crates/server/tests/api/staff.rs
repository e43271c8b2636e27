//! Staff accounts and the one access model over the API: password and second factor,
//! lockout and replay, separate cookies for the two apps, and officers seeing only their
//! own or their team's cases (supervisors their unit's). Each test builds its own account
//! on top of the demo unit and teams.

use reqwest::Client;
use serde_json::json;
use server::staff::{credentials, store};
use shared::api::staff::{StaffCaseView, StaffCasesView, StaffRole, StaffSessionView};
use shared::api::ErrorBody;

use crate::helpers::*;
use server::platform::db::query;

pub const PASSWORD: &str = "a long test password";

/// A new account in the demo unit (other tests build on it too): `team` and `card_case` (the case whose officer card
/// becomes theirs) as given. Returns (email, TOTP secret).
pub async fn create_staff(
    app: &TestApp,
    name: &str,
    role: &str,
    team: Option<&str>,
    card_case: Option<&str>,
) -> (String, String) {
    let email = format!("{name}@example.org");
    let secret = credentials::new_totp_secret().unwrap();
    let officer: Option<(String,)> = match card_case {
        Some(reference) => query("SELECT officer_id FROM cases WHERE crime_reference = $1")
            .bind(reference)
            .fetch_optional(&mut app.db.conn())
            .await
            .unwrap(),
        None => None,
    };
    let mut conn = app.db.acquire().await.unwrap();
    let created = store::insert(
        &mut conn.conn(),
        &crate::helpers::test_keys(),
        &store::NewAccount {
            email: &email,
            display_name: name,
            role,
            officer_id: officer.as_ref().map(|(id,)| id.as_str()),
            team_id: team,
            unit_id: "demo-unit",
            password_hash: &credentials::hash_password(PASSWORD).unwrap(),
            totp_secret: &secret,
            now: app.clock.unix(),
        },
    )
    .await
    .unwrap();
    assert!(created.is_some());
    (email, secret)
}

impl TestApp {
    pub fn totp_now(&self, secret: &str) -> String {
        credentials::code_at(secret, self.clock.unix()).unwrap()
    }

    pub async fn staff_sign_in(
        &self,
        email: &str,
        password: &str,
        code: &str,
    ) -> reqwest::Response {
        self.post_json(
            "/api/staff/sign-in",
            &json!({ "email": email, "password": password, "code": code }),
        )
        .await
    }

    /// Signs in with the account's current code; the client keeps the staff cookie.
    pub async fn staff_signed_in(&self, (email, secret): &(String, String)) {
        let response = self
            .staff_sign_in(email, PASSWORD, &self.totp_now(secret))
            .await;
        assert_eq!(response.status(), 200);
    }

    pub async fn refused(&self, email: &str, password: &str, code: &str) -> bool {
        let response = self.staff_sign_in(email, password, code).await;
        if response.status() != 422 {
            return false;
        }
        let body: ErrorBody = response.json().await.unwrap();
        body.errors["email"][0].starts_with("We could not sign you in")
    }
}

fn staff_case_path(reference: &str) -> String {
    format!("/api/staff/cases/{}", reference.replace('/', "%2F"))
}

async fn references(app: &TestApp) -> Vec<String> {
    let response = app.get("/api/staff/cases").await;
    assert_eq!(response.status(), 200);
    let view: StaffCasesView = response.json().await.unwrap();
    let mut references: Vec<String> = view.cases.into_iter().map(|c| c.crime_reference).collect();
    references.sort();
    references
}

#[tokio::test]
async fn an_officer_signs_in_and_sees_their_own_and_their_teams_cases_only() {
    let app = spawn_app().await;
    let account = create_staff(&app, "north", "officer", Some("demo-team-north"), None).await;
    app.staff_signed_in(&account).await;

    let session: StaffSessionView = app.get("/api/staff/session").await.json().await.unwrap();
    assert_eq!(session.role, StaffRole::Officer);
    assert_eq!(session.idle_timeout_minutes, 15);
    assert_eq!(
        references(&app).await,
        ["CR/100001/25", "CR/100002/25", "CR/100003/25"]
    );

    let case = app.get(&staff_case_path("CR/100001/25")).await;
    assert_eq!(case.status(), 200);
    let case: StaffCaseView = case.json().await.unwrap();
    assert!(
        !case.preferences.summary.is_empty(),
        "safe-contact choices first"
    );
    for other in ["CR/100004/25", "CR/100005/25", "CR/999999/25", "nonsense"] {
        assert_eq!(
            app.get(&staff_case_path(other)).await.status(),
            404,
            "{other}"
        );
    }
}

#[tokio::test]
async fn an_officer_without_a_team_sees_only_cases_allocated_to_them() {
    let app = spawn_app().await;
    let account = create_staff(&app, "solo", "officer", None, Some("CR/100004/25")).await;
    app.staff_signed_in(&account).await;
    assert_eq!(references(&app).await, ["CR/100004/25"]);
}

#[tokio::test]
async fn a_supervisor_sees_the_whole_unit() {
    let app = spawn_app().await;
    let account = create_staff(&app, "boss", "supervisor", None, None).await;
    app.staff_signed_in(&account).await;
    assert_eq!(references(&app).await.len(), 5);
    assert_eq!(
        app.get(&staff_case_path("CR/100005/25")).await.status(),
        200
    );
}

#[tokio::test]
async fn wrong_and_replayed_codes_and_unknown_accounts_get_the_same_refusal() {
    let app = spawn_app().await;
    let (email, secret) = create_staff(&app, "codes", "officer", None, None).await;
    let code = app.totp_now(&secret);
    let wrong = other_code(&code);
    assert!(app.refused(&email, PASSWORD, &wrong).await, "wrong code");
    assert!(
        app.refused(&email, "not the password", &code).await,
        "wrong password"
    );
    assert!(
        app.refused("nobody@example.org", PASSWORD, &code).await,
        "unknown"
    );
    assert_eq!(
        app.staff_sign_in(&email, PASSWORD, &code).await.status(),
        200
    );
    assert!(app.refused(&email, PASSWORD, &code).await, "replayed");
    app.advance_clock(1);
    let fresh = app.totp_now(&secret);
    assert_eq!(
        app.staff_sign_in(&email, PASSWORD, &fresh).await.status(),
        200
    );
}

#[tokio::test]
async fn missing_fields_are_named() {
    let app = spawn_app().await;
    let response = app.staff_sign_in("", "", "12").await;
    assert_eq!(response.status(), 422);
    let body: ErrorBody = response.json().await.unwrap();
    for field in ["email", "password", "code"] {
        assert!(body.errors.contains_key(field), "{field}");
    }
}

#[tokio::test]
async fn five_failures_lock_the_account_for_15_minutes() {
    let app = spawn_app().await;
    let (email, secret) = create_staff(&app, "locked", "officer", None, None).await;
    for _ in 0..5 {
        assert!(app.refused(&email, "wrong password!", "000000").await);
    }
    // The right password and code do not open a locked account...
    assert!(app.refused(&email, PASSWORD, &app.totp_now(&secret)).await);
    app.advance_clock(16);
    // ...until the lock has passed.
    let code = app.totp_now(&secret);
    assert_eq!(
        app.staff_sign_in(&email, PASSWORD, &code).await.status(),
        200
    );
}

#[tokio::test]
async fn a_disabled_account_cannot_sign_in_and_its_session_ends() {
    let app = spawn_app().await;
    let account = create_staff(&app, "leaver", "officer", Some("demo-team-north"), None).await;
    app.staff_signed_in(&account).await;
    query("UPDATE staff SET disabled_at = 1 WHERE email = $1")
        .bind(&account.0)
        .execute(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(
        app.get(&staff_case_path("CR/100001/25")).await.status(),
        404
    );
    assert_eq!(app.get("/api/staff/session").await.status(), 401);
    app.advance_clock(1);
    let code = app.totp_now(&account.1);
    assert!(app.refused(&account.0, PASSWORD, &code).await);
}

#[tokio::test]
async fn staff_and_victim_sessions_never_work_on_each_others_routes() {
    let app = spawn_app().await;
    let account = create_staff(&app, "cross", "officer", Some("demo-team-north"), None).await;
    let response = app
        .staff_sign_in(&account.0, PASSWORD, &app.totp_now(&account.1))
        .await;
    let staff_token = set_cookie(&response)
        .and_then(|c| {
            c.split(';')
                .next()?
                .strip_prefix("__Host-su_staff_session=")
                .map(str::to_owned)
        })
        .expect("staff cookie");
    let victim_token = app.sign_in(TEXT_VICTIM).await;

    let bare = Client::new();
    let get = |path: String, cookie: String| {
        let bare = bare.clone();
        let url = app.url(&path);
        async move {
            bare.get(url)
                .header("cookie", cookie)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    let case = case_path(TEXT_VICTIM.0);
    let victim_routes = [
        case.clone(),
        format!("{case}/preferences"),
        format!("{case}/preferences/history"),
        format!("{case}/callbacks"),
        "/api/session".to_owned(),
    ];
    let staff_routes = [
        "/api/staff/cases".to_owned(),
        staff_case_path(TEXT_VICTIM.0),
        "/api/staff/session".to_owned(),
        "/api/staff/officers".to_owned(),
    ];
    // A staff token is never a victim session, under either cookie name...
    for cookie in [
        format!("__Host-su_session={staff_token}"),
        format!("__Host-su_staff_session={staff_token}"),
    ] {
        for route in &victim_routes {
            assert_eq!(get(route.clone(), cookie.clone()).await, 401, "{route}");
        }
    }
    // ...and a victim token is never a staff session.
    for cookie in [
        format!("__Host-su_staff_session={victim_token}"),
        format!("__Host-su_session={victim_token}"),
    ] {
        for route in &staff_routes {
            assert_eq!(get(route.clone(), cookie.clone()).await, 401, "{route}");
        }
    }
    // Each works where it belongs.
    assert_eq!(
        get(
            "/api/staff/cases".into(),
            format!("__Host-su_staff_session={staff_token}")
        )
        .await,
        200
    );
    assert_eq!(
        get(
            case_path(TEXT_VICTIM.0),
            format!("__Host-su_session={victim_token}")
        )
        .await,
        200
    );
}

#[tokio::test]
async fn signing_out_everywhere_ends_every_session_of_that_account_only() {
    let app = spawn_app().await;
    let account = create_staff(&app, "shared", "officer", Some("demo-team-north"), None).await;
    let colleague = create_staff(&app, "colleague", "officer", Some("demo-team-north"), None).await;
    app.staff_signed_in(&account).await;
    // The same account on another computer, with the next code (codes are single-use).
    app.advance_clock(1);
    let other_computer = app.new_client();
    let colleagues_computer = app.new_client();
    for (client, (email, secret)) in [
        (&other_computer, &account),
        (&colleagues_computer, &colleague),
    ] {
        let body = json!({ "email": email, "password": PASSWORD, "code": app.totp_now(secret) });
        let response = client
            .post(app.url("/api/staff/sign-in"))
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
    }
    let status = |client: Client| {
        let url = app.url("/api/staff/session");
        async move { client.get(url).send().await.unwrap().status() }
    };
    assert_eq!(status(other_computer.clone()).await, 200);

    let response = app
        .post_json("/api/staff/sign-out-everywhere", &json!({}))
        .await;
    assert_eq!(response.status(), 204);
    let cookie = set_cookie(&response).unwrap();
    assert!(cookie.starts_with("__Host-su_staff_session=;"), "{cookie}");
    assert_eq!(app.get("/api/staff/session").await.status(), 401);
    assert_eq!(status(other_computer).await, 401);
    assert_eq!(status(colleagues_computer).await, 200);
}

#[tokio::test]
async fn staff_sessions_end_after_15_idle_minutes() {
    let app = spawn_app().await;
    let account = create_staff(&app, "idle", "officer", Some("demo-team-north"), None).await;
    app.staff_signed_in(&account).await;
    app.advance_clock(14);
    assert_eq!(app.get("/api/staff/session").await.status(), 200);
    app.advance_clock(16);
    assert_eq!(app.get("/api/staff/session").await.status(), 401);
}

#[tokio::test]
async fn the_demo_accounts_sign_in_with_the_code_the_demo_page_shows() {
    let app = spawn_app().await;
    // The start of a 30-second step, so the page and the test see the same step.
    let now = app.clock.unix();
    app.clock.set_unix(now - now % 30);
    let html = app.get("/demo/outbox").await.text().await.unwrap();
    assert!(html.contains("supervisor@example.org"));
    let code = credentials::code_at(
        server::demo::staff::DEMO_STAFF[0].totp_secret,
        app.clock.unix(),
    )
    .unwrap();
    assert!(html.contains(&code));
    let response = app
        .staff_sign_in(
            "Supervisor@Example.org ",
            server::demo::staff::DEMO_PASSWORD,
            &code,
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(references(&app).await.len(), 5);
}
