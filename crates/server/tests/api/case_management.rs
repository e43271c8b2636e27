//! Case management: changing the stage, setting or clearing enhanced rights with a reason,
//! and supervisors reallocating a case; each write leaves a `case_changes` row and an
//! audit row; officers of another team get 404, officers cannot reallocate (404), and
//! `case_changes` cannot be changed afterwards.

use reqwest::Client;
use serde_json::{json, Value};
use server::platform::db::query;
use shared::api::case_management::{AllocationOptionsView, CaseChangeKind, CaseManagementView};

use crate::builders::BuiltCase;
use crate::case_list::{get, staff_client, untold_event};
use crate::helpers::*;
use crate::staff::create_staff;

fn path(case: &BuiltCase, tail: &str) -> String {
    format!(
        "/api/staff/cases/{}/{tail}",
        case.crime_reference.replace('/', "%2F")
    )
}

async fn put(app: &TestApp, client: &Client, path: &str, body: Value) -> reqwest::Response {
    client
        .put(app.url(path))
        .json(&body)
        .send()
        .await
        .expect("PUT")
}

async fn management(app: &TestApp, client: &Client, case: &BuiltCase) -> CaseManagementView {
    let response = get(app, client, &path(case, "management")).await;
    assert_eq!(response.status(), 200);
    response.json().await.expect("management")
}

async fn rows(app: &TestApp, sql: &str, case: &BuiltCase) -> i64 {
    let (count,): (i64,) = query(sql)
        .bind(&case.case_id)
        .fetch_one(&mut app.db.conn())
        .await
        .expect("count");
    count
}

async fn audited(app: &TestApp, case: &BuiltCase, action: &str) -> i64 {
    let (count,): (i64,) =
        query("SELECT COUNT(*) FROM audit_events WHERE case_id = $1 AND action = $2")
            .bind(&case.case_id)
            .bind(action)
            .fetch_one(&mut app.db.conn())
            .await
            .expect("count");
    count
}

async fn north_officer(app: &TestApp) -> Client {
    let account = create_staff(
        app,
        "north.changer",
        "officer",
        Some("demo-team-north"),
        None,
    )
    .await;
    staff_client(app, &account).await
}

#[tokio::test]
async fn an_officer_changes_the_stage_recorded_and_audited() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let officer = north_officer(&app).await;

    let bad = put(
        &app,
        &officer,
        &path(&case, "stage"),
        json!({ "stage": "arrested" }),
    )
    .await;
    assert_eq!(bad.status(), 422);
    let body: Value = bad.json().await.expect("errors");
    assert!(body["errors"]["stage"][0].is_string());

    let done = put(
        &app,
        &officer,
        &path(&case, "stage"),
        json!({ "stage": "charged" }),
    )
    .await;
    assert_eq!(done.status(), 204);
    let view = management(&app, &officer, &case).await;
    assert_eq!(view.stage, "charged");
    assert!(!view.may_reallocate);
    let change = &view.changes[0];
    assert_eq!(change.what, CaseChangeKind::Stage);
    assert_eq!(change.to.as_deref(), Some("Charged: going to court"));
    assert_eq!(change.by, "north.changer");
    assert_eq!(audited(&app, &case, "change_stage").await, 1);
    // The same stage again changes nothing, and records nothing.
    put(
        &app,
        &officer,
        &path(&case, "stage"),
        json!({ "stage": "charged" }),
    )
    .await;
    assert_eq!(audited(&app, &case, "change_stage").await, 1);
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM case_changes WHERE case_id = $1",
            &case
        )
        .await,
        1
    );
}

#[tokio::test]
async fn enhanced_rights_need_a_reason_and_leave_past_deadlines_alone() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    untold_event(&app, &case, "2026-02-10").await;
    let officer = north_officer(&app).await;
    let url = path(&case, "enhanced-rights");

    let missing = put(
        &app,
        &officer,
        &url,
        json!({ "enhanced_rights": true, "reason": " " }),
    )
    .await;
    assert_eq!(missing.status(), 422);
    let body: Value = missing.json().await.expect("errors");
    assert!(body["errors"]["reason"][0].is_string());
    let too_long = json!({ "enhanced_rights": true, "reason": "x".repeat(501) });
    assert_eq!(put(&app, &officer, &url, too_long).await.status(), 422);

    let reason = "The victim told us they are under 18";
    let set = put(
        &app,
        &officer,
        &url,
        json!({ "enhanced_rights": true, "reason": reason }),
    )
    .await;
    assert_eq!(set.status(), 204);
    let again = put(
        &app,
        &officer,
        &url,
        json!({ "enhanced_rights": true, "reason": reason }),
    )
    .await;
    assert_eq!(again.status(), 422, "already so");

    let view = management(&app, &officer, &case).await;
    assert!(view.enhanced_rights);
    let change = &view.changes[0];
    assert_eq!(change.what, CaseChangeKind::EnhancedRights);
    assert_eq!(
        (change.from.as_deref(), change.to.as_deref()),
        (Some("No"), Some("Yes"))
    );
    assert_eq!(change.reason.as_deref(), Some(reason));
    assert_eq!(audited(&app, &case, "set_enhanced_rights").await, 1);
    let (deadline,): (String,) = query("SELECT vcop_deadline FROM case_updates WHERE case_id = $1")
        .bind(&case.case_id)
        .fetch_one(&mut app.db.conn())
        .await
        .expect("deadline");
    assert_eq!(
        deadline, "2026-02-10",
        "a past event's deadline is not recomputed"
    );
    let logged = logs().contents();
    assert!(!logged.contains(reason), "the reason is never logged");
}

#[tokio::test]
async fn a_supervisor_reallocates_and_officers_cannot() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let south_card = app
        .create_case_with(crate::builders::CaseSpec {
            team: Some("demo-team-south"),
            ..Default::default()
        })
        .await;
    let south = create_staff(
        &app,
        "south.taker",
        "officer",
        Some("demo-team-south"),
        Some(&south_card.crime_reference),
    )
    .await;
    let south = staff_client(&app, &south).await;
    let north = north_officer(&app).await;
    let boss = create_staff(&app, "moving.boss", "supervisor", None, None).await;
    let boss = staff_client(&app, &boss).await;
    let url = path(&case, "allocation");

    // Officers do not hold the capability: 404, as for a case they may not see.
    let body = json!({ "team_id": "demo-team-south" });
    assert_eq!(put(&app, &north, &url, body.clone()).await.status(), 404);
    assert_eq!(
        get(&app, &north, "/api/staff/unit/allocation-options")
            .await
            .status(),
        404
    );
    // Another team's officer cannot see, change or even find the case.
    assert_eq!(
        get(&app, &south, &path(&case, "management")).await.status(),
        404
    );
    let stage = json!({ "stage": "charged" });
    assert_eq!(
        put(&app, &south, &path(&case, "stage"), stage)
            .await
            .status(),
        404
    );
    let rights = json!({ "enhanced_rights": true, "reason": "x" });
    assert_eq!(
        put(&app, &south, &path(&case, "enhanced-rights"), rights)
            .await
            .status(),
        404
    );

    let options: AllocationOptionsView = get(&app, &boss, "/api/staff/unit/allocation-options")
        .await
        .json()
        .await
        .expect("options");
    let taker = options
        .officers
        .iter()
        .find(|o| o.name == "south.taker")
        .expect("the south officer is offered");
    assert!(options.teams.iter().any(|t| t.team_id == "demo-team-north"));
    let unknown = json!({ "team_id": "other-team" });
    assert_eq!(put(&app, &boss, &url, unknown).await.status(), 422);
    assert_eq!(put(&app, &boss, &url, json!({})).await.status(), 422);

    let moved = put(&app, &boss, &url, json!({ "officer_id": taker.officer_id })).await;
    assert_eq!(moved.status(), 204);
    let view = management(&app, &boss, &case).await;
    assert_eq!(view.team_id.as_deref(), Some("demo-team-south"));
    assert!(view.may_reallocate);
    let kinds: Vec<CaseChangeKind> = view.changes.iter().map(|c| c.what).collect();
    assert!(kinds.contains(&CaseChangeKind::Officer) && kinds.contains(&CaseChangeKind::Team));
    assert_eq!(audited(&app, &case, "reallocate_case").await, 1);
    // Now the South officer works it, and the North team no longer sees it.
    assert_eq!(
        get(&app, &south, &path(&case, "management")).await.status(),
        200
    );
    assert_eq!(
        get(&app, &north, &path(&case, "management")).await.status(),
        404
    );
}

#[tokio::test]
async fn case_changes_cannot_be_changed_or_deleted() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let officer = north_officer(&app).await;
    let done = put(
        &app,
        &officer,
        &path(&case, "stage"),
        json!({ "stage": "charged" }),
    )
    .await;
    assert_eq!(done.status(), 204);
    for sql in [
        "UPDATE case_changes SET to_value = 'case_closed' WHERE case_id = $1",
        "DELETE FROM case_changes WHERE case_id = $1",
    ] {
        let refused = query(sql)
            .bind(&case.case_id)
            .execute(&mut app.db.conn())
            .await;
        assert!(refused.is_err(), "{sql}");
    }
    assert_eq!(
        rows(
            &app,
            "SELECT COUNT(*) FROM case_changes WHERE case_id = $1",
            &case
        )
        .await,
        1
    );
}
