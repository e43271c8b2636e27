//! The double's HTTP surface: Notify's endpoints (behind its JWT check) and the test
//! controls under `/_test` (no check: the double listens on loopback for tests only).

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::header::AUTHORIZATION;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use crate::send::{check, created, kind_name, rejection, simulated, view, SMOKE_TEST};
use crate::store::{Kind, Notification, Outcome, Script};
use crate::{notify_time, receipts, unix_now, Shared};

type St = State<Arc<Shared>>;

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/v2/notifications/sms", post(send_sms))
        .route("/v2/notifications/email", post(send_email))
        .route("/v2/notifications/letter", post(send_letter))
        .route("/v2/notifications", get(list))
        .route("/v2/notifications/{id}", get(one))
        .route("/_test/script", post(script))
        .route("/_test/release", post(release_all))
        .route("/_test/send-receipts", post(send_receipts))
        .route("/_test/reset", post(reset))
        .route("/_test/notifications", get(test_notifications))
        .route("/_test/receipts", get(test_receipts))
        .with_state(shared)
}

/// A refusal, sent as Notify's error body:
/// `{"status_code": N, "errors": [{"error": kind, "message": …}]}`.
pub struct NotifyError {
    status: u16,
    kind: &'static str,
    message: String,
}

impl IntoResponse for NotifyError {
    fn into_response(self) -> Response {
        let code = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = json!({
            "status_code": self.status,
            "errors": [{ "error": self.kind, "message": self.message }],
        });
        (code, Json(body)).into_response()
    }
}

pub fn error(status: u16, kind: &'static str, message: &str) -> NotifyError {
    NotifyError {
        status,
        kind,
        message: message.to_owned(),
    }
}

fn authorised(shared: &Shared, headers: &HeaderMap) -> Result<(), NotifyError> {
    let value = headers.get(AUTHORIZATION).and_then(|v| v.to_str().ok());
    crate::auth::check(value, &shared.key, unix_now())
        .map_err(|refusal| error(refusal.status, "AuthError", refusal.message))
}

async fn send_sms(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    send(s, headers, body, Kind::Sms).await
}
async fn send_email(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    send(s, headers, body, Kind::Email).await
}
async fn send_letter(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    send(s, headers, body, Kind::Letter).await
}

async fn send(shared: Arc<Shared>, headers: HeaderMap, body: Bytes, kind: Kind) -> Response {
    if let Err(refused) = authorised(&shared, &headers) {
        return refused.into_response();
    }
    let checked = match check(&shared, kind, &body) {
        Ok(checked) => checked,
        Err(refused) => return refused.into_response(),
    };
    let id = uuid::Uuid::new_v4().to_string();
    let answer = created(kind, &id, &checked);
    if SMOKE_TEST.contains(&checked.recipient.as_str()) {
        return answer;
    }
    let outcome = shared
        .store
        .take_scripted(&checked.recipient)
        .unwrap_or_else(|| simulated(&checked.recipient));
    if let Outcome::Reject(status) = outcome {
        return rejection(status).into_response();
    }
    let mut release = shared.release.subscribe();
    let held = outcome == Outcome::Hold;
    let (status, final_status) = match kind {
        Kind::Letter => ("accepted", "received"),
        _ => ("created", outcome.status()),
    };
    shared.store.insert(Notification {
        id: id.clone(),
        reference: checked.reference,
        kind,
        to: checked.to,
        recipient: checked.recipient,
        template_id: checked.template_id,
        personalisation: checked.personalisation,
        body: checked.body,
        subject: checked.subject,
        status: status.to_owned(),
        final_status: final_status.to_owned(),
        created_at: notify_time(),
        held,
    });
    if held {
        // Until a release comes after this point, or the double stops.
        let _ = release.changed().await;
        shared.store.update(&id, |n| n.held = false);
    }
    receipts::schedule(&shared, id);
    answer
}

async fn list(
    State(shared): St,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Err(refused) = authorised(&shared, &headers) {
        return refused.into_response();
    }
    let matches = |n: &Notification| {
        query
            .get("reference")
            .is_none_or(|r| n.reference.as_deref() == Some(r.as_str()))
            && query.get("status").is_none_or(|s| &n.status == s)
            && query
                .get("template_type")
                .is_none_or(|t| kind_name(n.kind) == t)
    };
    let notifications: Vec<Value> = shared
        .store
        .notifications()
        .iter()
        .rev()
        .filter(|n| matches(n))
        .take(250)
        .map(view)
        .collect();
    Json(json!({ "notifications": notifications, "links": { "current": "/v2/notifications" } }))
        .into_response()
}

async fn one(State(shared): St, headers: HeaderMap, Path(id): Path<String>) -> Response {
    if let Err(refused) = authorised(&shared, &headers) {
        return refused.into_response();
    }
    match shared.store.notifications().iter().find(|n| n.id == id) {
        Some(n) => Json(view(n)).into_response(),
        None => error(404, "NoResultFound", "No result found").into_response(),
    }
}

async fn script(State(shared): St, Json(script): Json<Script>) -> StatusCode {
    shared.store.add_script(script);
    StatusCode::NO_CONTENT
}

/// Lets every answer held so far go.
pub fn release(shared: &Shared) {
    shared.release.send_modify(|generation| *generation += 1);
}

async fn release_all(State(shared): St) -> StatusCode {
    release(&shared);
    StatusCode::NO_CONTENT
}

async fn send_receipts(State(shared): St) -> Json<Value> {
    Json(json!({ "sent": receipts::send_pending(&shared).await }))
}

async fn reset(State(shared): St) -> StatusCode {
    shared.store.reset();
    StatusCode::NO_CONTENT
}

async fn test_notifications(State(shared): St) -> Json<Vec<Notification>> {
    Json(shared.store.notifications())
}

async fn test_receipts(State(shared): St) -> Json<Value> {
    Json(json!(shared.store.receipts()))
}
