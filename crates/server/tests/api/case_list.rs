//! The staff case list: scope, sort, filters and keyset pages, the open-callback count
//! and the allocation on each line, 422s for wrong parameters, and the access model's
//! visibility (another team's officer never sees a case). Each test builds its own team
//! in the demo unit, so the demo cases do not count.

use reqwest::Client;
use serde_json::{json, Value};
use server::platform::db::query;
use shared::api::staff::StaffCasesView;

use crate::builders::{BuiltCase, CaseSpec};
use crate::helpers::*;
use crate::staff::{create_staff, PASSWORD};
use server::staff::credentials;

/// A team of the demo unit with no cases yet.
pub async fn new_team(app: &TestApp, id: &str) {
    query("INSERT INTO teams (id, unit_id, name, created_at) VALUES ($1, 'demo-unit', $2, 0)")
        .bind(id)
        .bind(format!("Team {id}"))
        .execute(&mut app.db.conn())
        .await
        .expect("team");
}

/// A client signed in as the staff account (its own cookies).
pub async fn staff_client(app: &TestApp, (email, secret): &(String, String)) -> Client {
    let client = app.new_client();
    let code = credentials::code_at(secret, app.clock.unix()).expect("code");
    let body = json!({ "email": email, "password": PASSWORD, "code": code });
    let response = client
        .post(app.url("/api/staff/sign-in"))
        .json(&body)
        .send()
        .await
        .expect("sign in");
    assert_eq!(response.status(), 200);
    client
}

pub async fn get(app: &TestApp, client: &Client, path: &str) -> reqwest::Response {
    client.get(app.url(path)).send().await.expect("GET")
}

async fn list(app: &TestApp, client: &Client, query: &str) -> StaffCasesView {
    let response = get(app, client, &format!("/api/staff/cases{query}")).await;
    assert_eq!(response.status(), 200, "{query}");
    response.json().await.expect("list")
}

fn references(view: &StaffCasesView) -> Vec<&str> {
    view.cases
        .iter()
        .map(|c| c.crime_reference.as_str())
        .collect()
}

/// An untold Victims' Code event of `case` due on `deadline`.
pub async fn untold_event(app: &TestApp, case: &BuiltCase, deadline: &str) {
    query(
        "INSERT INTO case_updates (id, case_id, update_date, title, what_happened,
                                   what_happens_next, vcop_event, event_date, vcop_deadline,
                                   created_at)
         VALUES ($1, $2, '2026-01-05', 'Arrested', 'x', 'y', 'arrest', '2026-01-05', $3, 0)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&case.case_id)
    .bind(deadline)
    .execute(&mut app.db.conn())
    .await
    .expect("event");
}

/// An open callback request on `case`.
pub async fn open_callback(app: &TestApp, case: &BuiltCase) {
    query(
        "INSERT INTO callback_requests (id, case_id, reason, urgency, phone, phone_is_one_off,
                                        status, requested_at, requested_by, requested_by_id)
         VALUES ($1, $2, 'case_question', 'routine', '+447700900999', FALSE, 'requested', 0,
                 'victim', $3)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(&case.case_id)
    .bind(&case.victim_id)
    .execute(&mut app.db.conn())
    .await
    .expect("callback");
}

fn in_team(team: &'static str) -> CaseSpec {
    CaseSpec {
        team: Some(team),
        ..CaseSpec::default()
    }
}

#[tokio::test]
async fn pages_go_forwards_and_back_by_cursor_soonest_deadline_first() {
    let app = spawn_app().await;
    new_team(&app, "paging").await;
    let mut built = Vec::new();
    for _ in 0..55 {
        built.push(app.create_case_with(in_team("paging")).await);
    }
    // Two cases with deadlines come first, soonest first, whatever their references.
    untold_event(&app, &built[40], "2026-02-10").await;
    untold_event(&app, &built[41], "2026-02-03").await;
    let officer = create_staff(&app, "pager", "officer", Some("paging"), None).await;
    let client = staff_client(&app, &officer).await;

    let first = list(&app, &client, "").await;
    assert_eq!(first.total, 55);
    assert_eq!(first.cases.len(), 50);
    assert_eq!(first.previous, None);
    assert_eq!(
        references(&first)[..2],
        [
            built[41].crime_reference.as_str(),
            built[40].crime_reference.as_str()
        ]
    );
    assert_eq!(first.cases[0].next_deadline.as_deref(), Some("2026-02-03"));
    let next = first.next.clone().expect("a next page");

    let second = list(&app, &client, &format!("?after={}", urlencode(&next))).await;
    assert_eq!(second.cases.len(), 5);
    assert_eq!(second.next, None);
    let previous = second.previous.clone().expect("a previous page");
    let mut all: Vec<&str> = references(&first);
    all.extend(references(&second));
    let mut unique = all.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 55, "every case once");

    let back = list(&app, &client, &format!("?before={}", urlencode(&previous))).await;
    assert_eq!(references(&back), references(&first));
    assert_eq!(back.previous, None);
    assert!(back.next.is_some());

    let by_reference = list(&app, &client, "?sort=reference").await;
    let mut sorted = references(&by_reference);
    sorted.sort();
    assert_eq!(references(&by_reference), sorted);
}

fn urlencode(text: &str) -> String {
    text.replace('/', "%2F").replace('|', "%7C")
}

#[tokio::test]
async fn filters_narrow_the_list_and_lines_show_callbacks_and_allocation() {
    let app = spawn_app().await;
    new_team(&app, "filters").await;
    let plain = app.create_case_with(in_team("filters")).await;
    let enhanced = app
        .create_case_with(CaseSpec {
            enhanced_rights: true,
            stage: "charged",
            ..in_team("filters")
        })
        .await;
    open_callback(&app, &enhanced).await;
    open_callback(&app, &enhanced).await;
    let officer = create_staff(&app, "filterer", "officer", Some("filters"), None).await;
    let client = staff_client(&app, &officer).await;

    let only = |view: StaffCasesView| -> Vec<String> {
        view.cases.into_iter().map(|c| c.crime_reference).collect()
    };
    let enhanced_ref = vec![enhanced.crime_reference.clone()];
    let plain_ref = vec![plain.crime_reference.clone()];
    assert_eq!(
        only(list(&app, &client, "?enhanced_rights=yes").await),
        enhanced_ref
    );
    assert_eq!(
        only(list(&app, &client, "?enhanced_rights=no").await),
        plain_ref
    );
    assert_eq!(
        only(list(&app, &client, "?stage=charged").await),
        enhanced_ref
    );
    assert_eq!(
        only(list(&app, &client, "?open_callbacks=yes").await),
        enhanced_ref
    );
    assert_eq!(
        only(list(&app, &client, "?open_callbacks=no").await),
        plain_ref
    );
    assert!(list(&app, &client, "?undelivered=yes")
        .await
        .cases
        .is_empty());
    let combined = list(&app, &client, "?stage=charged&enhanced_rights=no").await;
    assert_eq!((combined.total, combined.cases.len()), (0, 0));

    let view = list(&app, &client, "?sort=stage").await;
    let line = view
        .cases
        .iter()
        .find(|c| c.crime_reference == enhanced.crime_reference)
        .expect("listed");
    assert_eq!(line.open_callbacks, 2);
    assert_eq!(line.stage_code, "charged");
    assert_eq!(line.officer_name, "PC Built Officer");
    assert_eq!(line.team_name.as_deref(), Some("Team filters"));
    // The catalogue's order: under investigation comes before charged.
    assert_eq!(
        references(&view),
        [
            plain.crime_reference.as_str(),
            enhanced.crime_reference.as_str()
        ]
    );
}

#[tokio::test]
async fn scopes_follow_the_access_model() {
    let app = spawn_app().await;
    new_team(&app, "east").await;
    new_team(&app, "west").await;
    let own = app.create_case_with(in_team("east")).await;
    let teams = app.create_case_with(in_team("east")).await;
    let others = app.create_case_with(in_team("west")).await;
    let officer = create_staff(
        &app,
        "easterly",
        "officer",
        Some("east"),
        Some(&own.crime_reference),
    )
    .await;
    let client = staff_client(&app, &officer).await;

    let mut team = references(&list(&app, &client, "").await)
        .iter()
        .map(|r| r.to_string())
        .collect::<Vec<_>>();
    team.sort();
    let mut expected = vec![own.crime_reference.clone(), teams.crime_reference.clone()];
    expected.sort();
    assert_eq!(team, expected);
    let mine = list(&app, &client, "?scope=mine").await;
    assert_eq!(references(&mine), [own.crime_reference.as_str()]);
    assert!(!references(&list(&app, &client, "?scope=team").await)
        .contains(&others.crime_reference.as_str()));

    let west = create_staff(&app, "westerly", "officer", Some("west"), None).await;
    let west = staff_client(&app, &west).await;
    let seen = list(&app, &west, "").await;
    assert_eq!(references(&seen), [others.crime_reference.as_str()]);

    let boss = create_staff(&app, "unit.boss", "supervisor", None, None).await;
    let boss = staff_client(&app, &boss).await;
    let unit = list(&app, &boss, "?scope=unit&sort=reference").await;
    assert_eq!(unit.scope, shared::api::case_management::CaseScope::Unit);
    for case in [&own, &teams, &others] {
        assert!(references(&unit).contains(&case.crime_reference.as_str()));
    }
    assert!(
        references(&unit).contains(&"CR/100001/25"),
        "the demo teams are in the unit too"
    );
}

#[tokio::test]
async fn wrong_parameters_are_field_errors() {
    let app = spawn_app().await;
    let officer = create_staff(&app, "typo", "officer", Some("demo-team-north"), None).await;
    let client = staff_client(&app, &officer).await;
    let response = get(
        &app,
        &client,
        "/api/staff/cases?scope=unit&sort=soon&stage=arrested&enhanced_rights=maybe&open_callbacks=1&undelivered=x&after=nonsense",
    )
    .await;
    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.expect("errors");
    for field in [
        "scope",
        "sort",
        "stage",
        "enhanced_rights",
        "open_callbacks",
        "undelivered",
        "after",
    ] {
        assert!(body["errors"][field][0].is_string(), "{field}: {body}");
    }
    let boss = create_staff(&app, "scope.boss", "supervisor", None, None).await;
    let boss = staff_client(&app, &boss).await;
    assert_eq!(
        get(&app, &boss, "/api/staff/cases?scope=mine")
            .await
            .status(),
        422
    );
    // Repeated parameters cannot be read.
    assert_eq!(
        get(&app, &client, "/api/staff/cases?sort=stage&sort=reference")
            .await
            .status(),
        422
    );
}
