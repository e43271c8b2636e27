//! Reading the trail: the supervisor's page of it (newest first, names and roles of staff,
//! paged), and the victim's "who has looked" (roles and UK days, one line per role per
//! day, the last 90 days, without their own looks or the service's messages).

use reqwest::Client;
use serde_json::json;
use server::access::CaseAccess;
use server::audit::{self, AuditAction, AuditActor, AuditActorKind, AuditEntry};
use shared::api::audit::{AuditTrailView, AuditWhat, AuditWho, Look, LookerRole, LooksView};
use shared::api::ErrorBody;

use crate::builders::BuiltCase;
use crate::helpers::*;
use crate::staff::{create_staff, PASSWORD};
use crate::staff_admin::staff_id;

async fn staff_client(app: &TestApp, name: &str, role: &str, team: Option<&str>) -> Client {
    let (email, secret) = create_staff(app, name, role, team, None).await;
    let client = app.new_client();
    let body = json!({ "email": email, "password": PASSWORD, "code": app.totp_now(&secret) });
    let signed_in = client.post(app.url("/api/staff/sign-in")).json(&body);
    assert_eq!(signed_in.send().await.unwrap().status(), 200);
    client
}

async fn get(app: &TestApp, client: &Client, path: &str) -> reqwest::Response {
    client.get(app.url(path)).send().await.unwrap()
}

/// A case its victim, an officer of its team and the unit's supervisor have each read,
/// a minute apart: (case, officer's client, supervisor's client).
async fn read_by_everyone(app: &TestApp) -> (BuiltCase, Client, Client) {
    app.set_clock_to_tuesday_8am();
    let case = app.create_case().await;
    app.sign_in((&case.crime_reference, "+447700900999")).await;
    let officer = staff_client(app, "north", "officer", Some("demo-team-north")).await;
    let boss = staff_client(app, "boss", "supervisor", None).await;
    let staff_case = format!(
        "/api/staff/cases/{}",
        case.crime_reference.replace('/', "%2F")
    );
    assert_eq!(
        app.get(&case_path(&case.crime_reference)).await.status(),
        200
    );
    app.advance_clock(1);
    assert_eq!(get(app, &officer, &staff_case).await.status(), 200);
    app.advance_clock(1);
    assert_eq!(get(app, &boss, &staff_case).await.status(), 200);
    app.advance_clock(1);
    (case, officer, boss)
}

#[tokio::test]
async fn a_supervisor_pages_through_the_trail_newest_first() {
    let app = spawn_app().await;
    let (case, officer, boss) = read_by_everyone(&app).await;
    let trail = format!(
        "/api/staff/cases/{}/audit",
        case.crime_reference.replace('/', "%2F")
    );

    let first: AuditTrailView = get(&app, &boss, &format!("{trail}?limit=2"))
        .await
        .json()
        .await
        .unwrap();
    let shown = |view: &AuditTrailView| {
        view.events
            .iter()
            .map(|event| (event.who, event.staff_name.clone(), event.what))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        shown(&first),
        [
            // Reading the trail is itself on it, first.
            (
                AuditWho::Supervisor,
                Some("boss".to_owned()),
                AuditWhat::ReadAuditTrail
            ),
            (
                AuditWho::Supervisor,
                Some("boss".to_owned()),
                AuditWhat::ReadCase
            ),
        ]
    );
    // The clock runs on from 08:03 (a test takes well under ten seconds).
    assert!(
        first.events[0].at.starts_with("2026-03-10T08:03:0"),
        "{first:?}"
    );
    let before = first.next_before.clone().expect("a next page");
    let second: AuditTrailView = get(&app, &boss, &format!("{trail}?before={before}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        shown(&second),
        [
            (
                AuditWho::Officer,
                Some("north".to_owned()),
                AuditWhat::ReadCase
            ),
            (AuditWho::Victim, None, AuditWhat::ReadCase),
        ]
    );
    assert_eq!(second.next_before, None);

    for (query, field) in [
        ("?limit=0", "limit"),
        ("?limit=201", "limit"),
        ("?before=x", "before"),
    ] {
        let response = get(&app, &boss, &format!("{trail}{query}")).await;
        assert_eq!(response.status(), 422, "{query}");
        let body: ErrorBody = response.json().await.unwrap();
        assert!(body.errors.contains_key(field), "{query}: {body:?}");
    }
    // Officers may not read it: the same 404 as a case that is not theirs.
    assert_eq!(get(&app, &officer, &trail).await.status(), 404);
}

/// Records `kind` (account `id`) reading `case` at `at`, as if it had happened then.
async fn looked(app: &TestApp, case: &BuiltCase, kind: AuditActorKind, id: Option<&str>, at: i64) {
    let access = CaseAccess {
        case_id: case.case_id.clone(),
        victim_id: case.victim_id.clone(),
    };
    let actor = AuditActor {
        kind,
        id: id.map(str::to_owned),
    };
    let entry = AuditEntry::new(actor, AuditAction::ReadCase, &access, at);
    let mut tx = app.db.begin_write().await.unwrap();
    audit::record(&mut tx.conn(), &entry).await.unwrap();
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn a_victim_sees_who_looked_as_roles_and_days() {
    let app = spawn_app().await;
    let (case, _, _) = read_by_everyone(&app).await;
    create_staff(&app, "south", "officer", Some("demo-team-south"), None).await;
    let south = staff_id(&app, "south@example.org").await;
    let north = staff_id(&app, "north@example.org").await;
    let day = 24 * 3600;
    let now = app.clock.unix();
    // An officer who is not on the case's team, yesterday; the service sending a message
    // and a supporter, 2 days ago; the case's officer 91 days ago (too long ago to show).
    looked(
        &app,
        &case,
        AuditActorKind::Officer,
        Some(&south),
        now - day,
    )
    .await;
    looked(
        &app,
        &case,
        AuditActorKind::DeliveryWorker,
        None,
        now - 2 * day,
    )
    .await;
    looked(
        &app,
        &case,
        AuditActorKind::Supporter,
        Some("a-supporter"),
        now - 2 * day,
    )
    .await;
    looked(
        &app,
        &case,
        AuditActorKind::Officer,
        Some(&north),
        now - 91 * day,
    )
    .await;

    let response = app
        .get(&format!("{}/looks", case_path(&case.crime_reference)))
        .await;
    assert_eq!(response.status(), 200);
    let view: LooksView = response.json().await.unwrap();
    let line = |role, date: &str| Look {
        role,
        date: date.to_owned(),
    };
    let mut today: Vec<Look> = view.looks[..2].to_vec();
    today.sort_by_key(|look| look.role as u8);
    assert_eq!(
        today,
        [
            line(LookerRole::YourOfficer, "2026-03-10"),
            line(LookerRole::Supervisor, "2026-03-10"),
        ]
    );
    assert_eq!(
        view.looks[2..],
        [
            line(LookerRole::AnotherOfficer, "2026-03-09"),
            line(LookerRole::Supporter, "2026-03-08"),
        ]
    );
    assert_eq!(view.days, 90);
    let body = serde_json::to_string(&view).unwrap();
    for id in [&north, &south, &case.victim_id] {
        assert!(!body.contains(id.as_str()), "no ids in the answer");
    }
}
