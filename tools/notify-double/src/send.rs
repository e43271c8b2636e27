//! A send request as Notify judges it: the checks in order (JSON, template id,
//! personalisation, reference, recipient, template type, placeholders), the outcome its
//! recipient gets (`simulated`, the smoke-test list), and Notify's answers: the 201, the
//! refusals a script asks for, and a notification as `GET /v2/notifications` shows it.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

use crate::api::{error, NotifyError};
use crate::store::{Kind, Notification, Outcome};
use crate::{validate, Shared};

/// A send request, checked as Notify checks it.
pub(crate) struct Checked {
    pub(crate) to: String,
    pub(crate) recipient: String,
    pub(crate) template_id: String,
    pub(crate) personalisation: Map<String, Value>,
    pub(crate) reference: Option<String>,
    pub(crate) body: String,
    pub(crate) subject: Option<String>,
}

fn validation(message: &str) -> NotifyError {
    error(400, "ValidationError", message)
}

pub(crate) fn check(shared: &Shared, kind: Kind, body: &[u8]) -> Result<Checked, NotifyError> {
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

pub(crate) fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Sms => "sms",
        Kind::Email => "email",
        Kind::Letter => "letter",
    }
}

/// Notify's smoke-test recipients: answered, never stored or receipted.
pub(crate) const SMOKE_TEST: [&str; 6] = [
    "07700900000",
    "07700900111",
    "07700900222",
    "simulate-delivered@notifications.service.gov.uk",
    "simulate-delivered-2@notifications.service.gov.uk",
    "simulate-delivered-3@notifications.service.gov.uk",
];

/// What a test key's recipient ends in, unless a script says otherwise.
pub(crate) fn simulated(recipient: &str) -> Outcome {
    match recipient {
        "07700900003" | "temp-fail@simulator.notify" => Outcome::TemporaryFailure,
        "07700900002" | "perm-fail@simulator.notify" => Outcome::PermanentFailure,
        _ => Outcome::Delivered,
    }
}

pub(crate) fn rejection(status: u16) -> NotifyError {
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

/// Notify's 201 answer for a send.
pub(crate) fn created(kind: Kind, id: &str, checked: &Checked) -> Response {
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
pub(crate) fn view(n: &Notification) -> Value {
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
