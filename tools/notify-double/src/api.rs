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
use serde_json::{json, Map, Value};

use crate::store::{Kind, Notification, Outcome, Script};
use crate::validate;
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

/// A send request, checked as Notify checks it.
struct Checked {
    to: String,
    recipient: String,
    template_id: String,
    personalisation: Map<String, Value>,
    reference: Option<String>,
    body: String,
    subject: Option<String>,
}

fn validation(message: &str) -> NotifyError {
    error(400, "ValidationError", message)
}

fn check(shared: &Shared, kind: Kind, body: &[u8]) -> Result<Checked, NotifyError> {
    let Ok(Value::Object(request)) = serde_json::from_slice::<Value>(body) else {
        return Err(error(
            400,
            "BadRequestError",
            "Invalid JSON supplied in POST data",
        ));
    };
    let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::to_owned);
    let template_id =
        text("template_id").ok_or_else(|| validation("template_id is a required property"))?;
    if uuid::Uuid::parse_str(&template_id).is_err() {
        return Err(validation("template_id is not a valid UUID"));
    }
    let personalisation = match request.get("personalisation") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(_) => return Err(validation("personalisation is not of type object")),
    };
    let reference = match request.get("reference") {
        None | Some(Value::Null) => None,
        Some(Value::String(reference)) => Some(reference.clone()),
        Some(_) => return Err(validation("reference is not of type string")),
    };
    let (to, recipient) = match kind {
        Kind::Sms => {
            let phone = text("phone_number")
                .ok_or_else(|| validation("phone_number is a required property"))?;
            let national = validate::uk_mobile(&phone).map_err(validation)?;
            (phone, national)
        }
        Kind::Email => {
            let email = text("email_address")
                .ok_or_else(|| validation("email_address is a required property"))?;
            let lower = validate::email(&email).map_err(validation)?;
            (email, lower)
        }
        Kind::Letter => {
            if request.get("personalisation").is_none() {
                return Err(validation("personalisation is a required property"));
            }
            let (lines, postcode) =
                validate::postal_address(&personalisation).map_err(validation)?;
            (lines.join("\n"), postcode)
        }
    };
    let template = shared
        .config
        .templates
        .iter()
        .find(|t| t.id == template_id)
        .ok_or_else(|| error(400, "BadRequestError", "Template not found"))?;
    if template.kind != kind {
        let message = format!(
            "{} template is not suitable for {} notification",
            kind_name(template.kind),
            kind_name(kind)
        );
        return Err(error(400, "BadRequestError", &message));
    }
    let mut texts = vec![template.body.as_str()];
    texts.extend(template.subject.as_deref());
    let rendered = validate::render(&texts, &personalisation)
        .map_err(|message| error(400, "BadRequestError", &message))?;
    Ok(Checked {
        to,
        recipient,
        template_id,
        personalisation,
        reference,
        body: rendered[0].clone(),
        subject: rendered.get(1).cloned(),
    })
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Sms => "sms",
        Kind::Email => "email",
        Kind::Letter => "letter",
    }
}

/// Notify's smoke-test recipients: answered, never stored or receipted.
const SMOKE_TEST: [&str; 6] = [
    "07700900000",
    "07700900111",
    "07700900222",
    "simulate-delivered@notifications.service.gov.uk",
    "simulate-delivered-2@notifications.service.gov.uk",
    "simulate-delivered-3@notifications.service.gov.uk",
];

/// What a test key's recipient ends in, unless a script says otherwise.
fn simulated(recipient: &str) -> Outcome {
    match recipient {
        "07700900003" | "temp-fail@simulator.notify" => Outcome::TemporaryFailure,
        "07700900002" | "perm-fail@simulator.notify" => Outcome::PermanentFailure,
        _ => Outcome::Delivered,
    }
}

fn rejection(status: u16) -> NotifyError {
    match status {
        400 => error(
            400,
            "BadRequestError",
            "Can't send to this recipient using a team-only API key",
        ),
        403 => error(403, "AuthError", "Invalid token: API key not found"),
        429 => error(
            429,
            "RateLimitError",
            "Exceeded rate limit for key type TEST of 3000 requests per 60 seconds",
        ),
        _ => error(status, "Exception", "Internal server error"),
    }
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

/// Notify's 201 answer for a send.
fn created(kind: Kind, id: &str, checked: &Checked) -> Response {
    let base = "http://notify-double.invalid";
    let mut content = json!({ "body": checked.body });
    match kind {
        Kind::Sms => content["from_number"] = json!("SafeUpdate"),
        Kind::Email => {
            content["subject"] = json!(checked.subject);
            content["from_email"] = json!("safe.updates@notifications.service.gov.uk");
        }
        Kind::Letter => content["subject"] = json!(checked.subject),
    }
    let mut answer = json!({
        "id": id,
        "reference": checked.reference,
        "content": content,
        "uri": format!("{base}/v2/notifications/{id}"),
        "template": {
            "id": checked.template_id,
            "version": 1,
            "uri": format!("{base}/v2/template/{}", checked.template_id),
        },
        "scheduled_for": null,
    });
    if kind == Kind::Letter {
        answer["postage"] = json!("second");
    }
    (StatusCode::CREATED, Json(answer)).into_response()
}

/// A notification as `GET /v2/notifications` shows it.
fn view(n: &Notification) -> Value {
    let mut view = json!({
        "id": n.id,
        "reference": n.reference,
        "type": n.kind,
        "status": n.status,
        "email_address": null,
        "phone_number": null,
        "body": n.body,
        "subject": n.subject,
        "created_at": n.created_at,
        "created_by_name": null,
        "sent_at": n.created_at,
        "completed_at": (n.status == n.final_status).then(|| n.created_at.clone()),
        "template": { "id": n.template_id, "version": 1, "uri": format!("/v2/template/{}", n.template_id) },
    });
    match n.kind {
        Kind::Sms => view["phone_number"] = json!(n.to),
        Kind::Email => view["email_address"] = json!(n.to),
        Kind::Letter => {
            for (i, line) in n.to.lines().enumerate() {
                view[format!("line_{}", i + 1)] = json!(line);
            }
            view["postcode"] = json!(n.to.lines().last());
        }
    }
    view
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
