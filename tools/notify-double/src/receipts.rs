//! Delivery receipts: a notification moves to its final status and, for texts and emails,
//! the callback URL is told, as Notify tells it (`POST` with the bearer token). Letters
//! get no receipts from Notify; theirs only changes status.

use serde_json::json;

use crate::store::{Kind, ReceiptRecord};
use crate::{notify_time, Receipts, Shared};

/// After a send is answered: the receipt now-ish, or later when asked.
pub fn schedule(shared: &std::sync::Arc<Shared>, id: String) {
    if let Receipts::After(delay) = shared.config.receipts {
        let shared = shared.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            finish(&shared, &id).await;
        });
    }
}

/// Finishes every notification not yet finished (and not held); returns how many.
pub async fn send_pending(shared: &Shared) -> usize {
    let pending: Vec<String> = shared
        .store
        .notifications()
        .into_iter()
        .filter(|n| n.status != n.final_status && !n.held)
        .map(|n| n.id)
        .collect();
    for id in &pending {
        finish(shared, id).await;
    }
    pending.len()
}

/// Moves one notification to its final status and posts its receipt.
async fn finish(shared: &Shared, id: &str) {
    let completed_at = notify_time();
    let Some(notification) = shared
        .store
        .update(id, |n| n.status = n.final_status.clone())
    else {
        return;
    };
    let callback = shared
        .callback
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let Some(callback) = callback else {
        return;
    };
    if notification.kind == Kind::Letter {
        return;
    }
    let receipt = json!({
        "id": notification.id,
        "reference": notification.reference,
        "to": notification.to,
        "status": notification.status,
        "created_at": notification.created_at,
        "completed_at": completed_at,
        "sent_at": notification.created_at,
        "notification_type": notification.kind,
        "template_id": notification.template_id,
        "template_version": 1,
    });
    let answered = shared
        .http
        .post(&callback.url)
        .bearer_auth(&callback.bearer_token)
        .json(&receipt)
        .send()
        .await
        .ok()
        .map(|response| response.status().as_u16());
    shared.store.record_receipt(ReceiptRecord {
        notification_id: notification.id,
        status: notification.status,
        answered,
    });
}
