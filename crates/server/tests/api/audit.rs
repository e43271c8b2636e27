//! The audit trail: rows are recorded, and none can be changed or deleted by any path;
//! every route that reads or writes a victim's data records its row (`coverage`), and
//! the delivery worker its messages (`worker`); supervisors read the trail and victims
//! who has looked (`views`).

mod coverage;
mod views;
mod worker;

use server::access::CaseAccess;
use server::audit::{self, AuditAction, AuditActor, AuditEntry};
use server::platform::db::query;

use crate::helpers::*;

/// A stored row, every column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailRow {
    pub id: String,
    pub at: i64,
    pub kind: String,
    pub actor_id: Option<String>,
    pub action: String,
    pub case_id: String,
    pub victim_id: String,
}

/// A row as the database answers it: `TrailRow`'s fields in order.
type Stored = (String, i64, String, Option<String>, String, String, String);

/// Every row of `case_id`'s trail, as stored.
pub async fn trail_rows(app: &TestApp, case_id: &str) -> Vec<TrailRow> {
    let rows: Vec<Stored> = query(
        "SELECT id, at, actor_kind, actor_id, action, case_id, victim_id FROM audit_events
         WHERE case_id = $1 ORDER BY id",
    )
    .bind(case_id)
    .fetch_all(&mut app.db.conn())
    .await
    .unwrap();
    rows.into_iter()
        .map(
            |(id, at, kind, actor_id, action, case_id, victim_id)| TrailRow {
                id,
                at,
                kind,
                actor_id,
                action,
                case_id,
                victim_id,
            },
        )
        .collect()
}

#[tokio::test]
async fn audit_rows_can_be_added_but_never_changed_or_deleted() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let (officer_id,): (String,) = query("SELECT officer_id FROM cases WHERE crime_reference = $1")
        .bind(case.crime_reference.as_str())
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(officer_id, case.officer_id);
    let access = CaseAccess {
        case_id: case.case_id.clone(),
        victim_id: case.victim_id.clone(),
    };
    let mut tx = app.db.begin_write().await.unwrap();
    let entry = AuditEntry::new(
        AuditActor::DELIVERY_WORKER,
        AuditAction::SendMessage,
        &access,
        app.clock.unix(),
    );
    audit::record(&mut tx.conn(), &entry).await.unwrap();
    tx.commit().await.unwrap();
    assert_eq!(count(&app.db, "audit_events").await, 1);

    for statement in [
        "UPDATE audit_events SET action = 'read_case'",
        "UPDATE audit_events SET actor_id = 'someone else' WHERE case_id = $1",
        "DELETE FROM audit_events",
        "DELETE FROM audit_events WHERE case_id = $1",
    ] {
        let refused = query(statement)
            .bind(case.case_id.as_str())
            .execute(&mut app.db.conn())
            .await;
        assert!(refused.is_err(), "{statement} was allowed");
    }
    let (action, actor_kind): (String, String) =
        query("SELECT action, actor_kind FROM audit_events WHERE case_id = $1")
            .bind(case.case_id.as_str())
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(
        (action.as_str(), actor_kind.as_str()),
        ("send_message", "delivery_worker")
    );
}
