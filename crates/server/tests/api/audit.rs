//! The audit trail: rows are recorded, and none can be changed or deleted by any path.

use server::access::CaseAccess;
use server::audit::{self, AuditAction, AuditActor, AuditEntry};
use server::platform::db::query;

use crate::helpers::*;

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
