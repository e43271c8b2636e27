//! The delivery worker records that it used a victim's contact details (`send_message`,
//! no actor id) in the same transaction as what became of the message: sent or failed,
//! for a message about a case and for one about the victim (a contact change), which is
//! recorded on each of the victim's cases.

use server::delivery::message::SendFailure;
use server::delivery::worker::deliver_due;

use super::trail_rows;
use crate::delivery::recording::Recording;
use crate::helpers::*;
use crate::preferences::valid as valid_preferences;

#[tokio::test]
async fn each_message_sent_or_failed_records_the_worker_on_its_case() {
    let (provider, providers) = Recording::new();
    let app = spawn_app_with_providers(providers).await;
    let case = app.create_case().await;

    // A sign-in code, about the case: sent.
    assert_eq!(app.start_sign_in(&case.crime_reference).await.status(), 202);
    deliver_due(&app.state).await.unwrap();
    assert_eq!(provider.sent().len(), 1);
    let rows = trail_rows(&app, &case.case_id).await;
    let worker: Vec<_> = rows
        .iter()
        .map(|row| {
            (
                row.kind.as_str(),
                row.actor_id.as_deref(),
                row.action.as_str(),
            )
        })
        .collect();
    assert_eq!(worker, [("delivery_worker", None, "send_message")]);

    // A contact change's code, about the victim rather than a case: refused for good.
    let code = app.latest_code_for("+447700900999").await.unwrap();
    assert_eq!(app.verify(&case.crime_reference, &code).await.status(), 200);
    let saved = app
        .put_preferences(&case.crime_reference, &valid_preferences())
        .await;
    assert_eq!(saved.status(), 200);
    provider.then(Err(SendFailure::Permanent {
        reason: "number not in use".into(),
    }));
    deliver_due(&app.state).await.unwrap();
    let rows = trail_rows(&app, &case.case_id).await;
    let actions: Vec<_> = rows
        .iter()
        .map(|row| (row.kind.as_str(), row.action.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("delivery_worker", "send_message"),
            ("victim", "change_preferences"),
            ("delivery_worker", "send_message"),
        ]
    );
    let (status,): (String,) = server::platform::db::query(
        "SELECT status FROM outbox WHERE case_id IS NULL AND victim_id = $1",
    )
    .bind(&case.victim_id)
    .fetch_one(&mut app.db.conn())
    .await
    .unwrap();
    assert_eq!(status, "permanent_failure");
}
