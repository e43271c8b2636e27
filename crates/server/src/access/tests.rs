//! The access question against a real (migrated) database: one unit with two teams, and a
//! second unit, each case allocated to an officer's contact card and a team.

use shared::CrimeReference;

use super::*;
use crate::platform::db::{self, query, Db};

const NOW: i64 = 1_800_000_000;

struct World {
    db: Db,
    _dir: tempfile::TempDir,
}

async fn exec(db: &Db, sql: &str) {
    query(sql).execute(&mut db.conn()).await.unwrap();
}

/// Unit U1 (teams T1, T2), unit U2 (team T3). Cases: CR/1/25 (officer card O1, team T1),
/// CR/2/25 (card O2, team T2), CR/3/25 (card O3, team T3). Staff: A (card O1, team T1),
/// B (card O2, team T1), D (disabled, team T2), S (supervisor of U1), S2 (of U2).
async fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = db::connect(&format!("sqlite://{}/access.db", dir.path().display()))
        .await
        .unwrap();
    exec(
        &db,
        "INSERT INTO units VALUES ('U1', 'Unit one', 0), ('U2', 'Unit two', 0)",
    )
    .await;
    exec(
        &db,
        "INSERT INTO teams VALUES ('T1', 'U1', 'One', 0), ('T2', 'U1', 'Two', 0),
             ('T3', 'U2', 'Three', 0)",
    )
    .await;
    for n in 1..=3 {
        exec(
            &db,
            &format!(
                "INSERT INTO victims (id, full_name, contact_method, created_at)
                 VALUES ('V{n}', 'Victim {n}', 'email', 0);
                 INSERT INTO officers VALUES ('O{n}', 'Officer {n}', 'Victim care officer',
                     '01632 960 000', '+441632960000', 'o{n}@example.org', '9 to 5', 0);
                 INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type,
                     stage, enhanced_rights, reported_on, created_at, team_id)
                 VALUES ('C{n}', 'CR/{n}/25', 'V{n}', 'O{n}', 'Burglary', 'reported', FALSE,
                     '2026-01-01', 0, 'T{n}')"
            ),
        )
        .await;
    }
    exec(
        &db,
        "INSERT INTO staff (id, email, display_name, role, officer_id, team_id, unit_id,
             password_hash, disabled_at, created_at) VALUES
         ('A', 'a@example.org', 'A', 'officer', 'O1', 'T1', 'U1', 'x', NULL, 0),
         ('B', 'b@example.org', 'B', 'officer', 'O2', 'T1', 'U1', 'x', NULL, 0),
         ('D', 'd@example.org', 'D', 'officer', 'O2', 'T2', 'U1', 'x', 5, 0),
         ('S', 's@example.org', 'S', 'supervisor', NULL, NULL, 'U1', 'x', NULL, 0),
         ('S2', 's2@example.org', 'S2', 'supervisor', NULL, NULL, 'U2', 'x', NULL, 0)",
    )
    .await;
    World { db, _dir: dir }
}

impl World {
    async fn may(&self, actor: &Actor, capability: Capability, reference: &str) -> bool {
        let mut conn = self.db.acquire().await.unwrap();
        let reference = CrimeReference::parse(reference).unwrap();
        match require(&mut conn.conn(), actor, capability, &reference, NOW).await {
            Ok(_) => true,
            Err(AppError::NotFound) => false,
            Err(other) => panic!("unexpected {other:?}"),
        }
    }
}

fn actor(kind: ActorKind, id: &str) -> Actor {
    Actor {
        kind,
        id: id.into(),
        signed_in_case: None,
    }
}

fn victim(id: &str, case: &str) -> Actor {
    Actor {
        signed_in_case: Some(SignedInCase {
            case_id: case.into(),
            crime_reference: String::new(),
        }),
        ..actor(ActorKind::Victim, id)
    }
}

#[tokio::test]
async fn a_victim_reaches_only_the_case_their_session_is_for() {
    let w = world().await;
    assert!(
        w.may(
            &victim("V1", "C1"),
            Capability::ChangePreferences,
            "CR/1/25"
        )
        .await
    );
    assert!(
        !w.may(&victim("V1", "C1"), Capability::ReadCase, "CR/2/25")
            .await
    );
    // Their own case, but the session was for another: denied.
    assert!(
        !w.may(&victim("V1", "C2"), Capability::ReadCase, "CR/1/25")
            .await
    );
    assert!(
        !w.may(&victim("V1", "C1"), Capability::ReadCase, "CR/9/25")
            .await
    );
}

#[tokio::test]
async fn an_officer_reaches_their_own_and_their_teams_cases_only() {
    let w = world().await;
    let a = actor(ActorKind::Officer, "A");
    assert!(
        w.may(&a, Capability::ReadCase, "CR/1/25").await,
        "allocated and team"
    );
    let b = actor(ActorKind::Officer, "B");
    assert!(
        w.may(&b, Capability::ReadCase, "CR/2/25").await,
        "allocated to B's card"
    );
    assert!(
        w.may(&b, Capability::ReadCase, "CR/1/25").await,
        "B's team's case"
    );
    assert!(
        !w.may(&a, Capability::ReadCase, "CR/2/25").await,
        "another team's"
    );
    assert!(
        !w.may(&a, Capability::ReadCase, "CR/3/25").await,
        "another unit's"
    );
    // Officers read preferences but only the victim changes them.
    assert!(!w.may(&a, Capability::ChangePreferences, "CR/1/25").await);
}

#[tokio::test]
async fn a_disabled_account_reaches_nothing() {
    let w = world().await;
    assert!(
        !w.may(
            &actor(ActorKind::Officer, "D"),
            Capability::ReadCase,
            "CR/2/25"
        )
        .await
    );
}

#[tokio::test]
async fn a_supervisor_reaches_every_case_of_their_unit() {
    let w = world().await;
    let s = actor(ActorKind::Supervisor, "S");
    assert!(w.may(&s, Capability::ReadCase, "CR/1/25").await);
    assert!(w.may(&s, Capability::ReadCase, "CR/2/25").await);
    assert!(!w.may(&s, Capability::ReadCase, "CR/3/25").await);
    assert!(
        w.may(
            &actor(ActorKind::Supervisor, "S2"),
            Capability::ReadCase,
            "CR/3/25"
        )
        .await
    );
    // A staff id used with the wrong kind gets nothing.
    assert!(
        !w.may(
            &actor(ActorKind::Officer, "S"),
            Capability::ReadCase,
            "CR/1/25"
        )
        .await
    );
}

#[tokio::test]
async fn a_supporter_acts_only_within_a_live_grant() {
    let w = world().await;
    exec(
        &w.db,
        &format!(
            "INSERT INTO supporter_grants VALUES
             ('G1', 'C1', 'P1', 'read_case,read_callbacks', {live}, NULL, 0),
             ('G2', 'C2', 'P2', 'read_case', {expired}, NULL, 0),
             ('G3', 'C3', 'P3', 'read_case', {live}, 1, 0)",
            live = NOW + 60,
            expired = NOW - 1,
        ),
    )
    .await;
    // A supporter's session covers the case of their grant (one each), like a victim's.
    let on = |supporter: &str, case: &str| Actor {
        kind: ActorKind::Supporter,
        ..victim(supporter, case)
    };
    let p = on("P1", "C1");
    assert!(w.may(&p, Capability::ReadCase, "CR/1/25").await);
    assert!(w.may(&p, Capability::ReadCallbacks, "CR/1/25").await);
    assert!(
        !w.may(&p, Capability::ReadPreferences, "CR/1/25").await,
        "not granted"
    );
    assert!(
        !w.may(&on("P2", "C2"), Capability::ReadCase, "CR/2/25")
            .await,
        "expired"
    );
    assert!(
        !w.may(&on("P3", "C3"), Capability::ReadCase, "CR/3/25")
            .await,
        "revoked"
    );
    // A live grant reaches nothing through a session for another case.
    assert!(
        !w.may(&on("P1", "C2"), Capability::ReadCase, "CR/1/25")
            .await,
        "other session"
    );
    assert!(
        !w.may(
            &actor(ActorKind::Supporter, "P1"),
            Capability::ReadCase,
            "CR/1/25"
        )
        .await,
        "no case in the session"
    );
    // A capability name that merely contains a granted one is not granted.
    exec(
        &w.db,
        "INSERT INTO role_capabilities VALUES ('supporter', 'read')",
    )
    .await;
    let mut conn = w.db.acquire().await.unwrap();
    let found = store::case_access(
        &mut conn.conn(),
        store::AccessQuery {
            reference: "CR/1/25",
            kind: "supporter",
            actor_id: "P1",
            capability: "read",
            signed_in_case_id: Some("C1"),
            now: NOW,
        },
    )
    .await
    .unwrap();
    assert_eq!(found, None);
}

#[test]
fn capabilities_are_stored_by_their_serde_names() {
    assert_eq!(
        enum_text(&Capability::ChangePreferences).unwrap(),
        "change_preferences"
    );
    assert_eq!(enum_text(&ActorKind::Supervisor).unwrap(), "supervisor");
}
