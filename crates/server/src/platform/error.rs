//! `AppError`: every way a request can fail, and the one JSON shape (`ErrorBody`) each
//! failure is sent as. Messages are `errors.json` keys until the response is made: the
//! body is written in English, and `PendingErrorBody` rides along as a response extension
//! so `middleware::localize_errors` can write it again in the request's language.

use std::collections::BTreeMap;

use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use shared::api::ErrorBody;
use shared::Lang;

use crate::platform::i18n::Message;

/// Seconds a client is asked to wait (`Retry-After`) after a 503 from load shedding.
pub const RETRY_AFTER_SECS: u32 = 2;

/// The heading of the GOV.UK error summary, used for every 422 (an `errors.json` key).
pub const THERE_IS_A_PROBLEM: &str = "there_is_a_problem";
/// What a removed or expired supporter is told (`errors.json`).
pub const ACCESS_ENDED: &str = "access_ended";
/// What a victim sees when something broke on our side. Never more detail than this.
pub const SERVICE_PROBLEM: &str = "service_problem";

/// Messages for one or more request fields, in the order the form shows them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FieldErrors(BTreeMap<String, Vec<Message>>);

impl FieldErrors {
    /// One field, one message.
    pub fn single(field: &str, message: impl Into<Message>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    /// `message` is a `Message`, an `errors.json` key or a shared `ParseError`.
    pub fn add(&mut self, field: &str, message: impl Into<Message>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
    }

    /// Adds every message of `other`.
    pub fn extend(&mut self, other: FieldErrors) {
        for (field, messages) in other.0 {
            self.0.entry(field).or_default().extend(messages);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no field has an error, otherwise the 422 to send.
    pub fn into_result(self) -> Result<(), AppError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(self))
        }
    }
}

/// Why a request failed. The status each variant sends is part of the API contract.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// 422: one or more fields are wrong. Body: "There is a problem" and a message per field.
    #[error("validation failed")]
    Validation(FieldErrors),
    /// 422: the body is not JSON, not the expected JSON, or not sent as
    /// `application/json`. Same shape as `Validation`, under the field `body`. Holds an
    /// `errors.json` key.
    #[error("malformed request body")]
    BadRequest(&'static str),
    /// 413: the body is over the size limit (`BODY_LIMIT_BYTES`). Same shape as
    /// `BadRequest`, under the field `body`.
    #[error("request body too large")]
    PayloadTooLarge,
    /// 401: not signed in, or the session has ended.
    #[error("not signed in")]
    Unauthorized,
    /// 401: a supporter whose access was removed or ran out. Says only that, nothing
    /// about the victim or the case.
    #[error("access ended")]
    AccessEnded,
    /// 404: nothing here, or nothing here this caller may see (the two look the same).
    #[error("not found")]
    NotFound,
    /// 409: the request is fine but clashes with the state of things (e.g. a fourth open
    /// callback request, or cancelling one twice). Body: `message`, and the same message
    /// under `field` in `errors` so the app's error summary can show it. `message` is an
    /// `errors.json` key.
    #[error("conflict")]
    Conflict {
        field: &'static str,
        message: &'static str,
    },
    /// 429: too many attempts (`rate_limit`). Sends `Retry-After` (seconds) and a body
    /// whose `message` is a plain sentence saying when to try again (or whom to call),
    /// shown as it comes; `errors` is empty.
    #[error("too many requests")]
    TooManyRequests {
        retry_after_secs: i64,
        message: Message,
    },
    /// 405: the path exists but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
    /// 403: a state-changing request without proof that it came from our own pages
    /// (`Sec-Fetch-Site` or `Origin`; see `middleware::same_origin_writes`).
    #[error("cross-site request")]
    CrossSite,
    /// 408: the request took longer than `--request-timeout-secs` (for example a body sent
    /// too slowly). The connection is closed after the answer.
    #[error("request timed out")]
    RequestTimeout,
    /// 503 with `Retry-After`: the server is handling as many requests as it may
    /// (`--max-concurrent-requests`) and shed this one.
    #[error("overloaded")]
    Overloaded,
    /// 500: our fault. The cause is logged with a fresh request id; the response carries
    /// only that id and `SERVICE_PROBLEM`.
    #[error("internal error")]
    Internal(#[source] anyhow::Error),
}

impl AppError {
    /// Wraps any error as a 500, keeping its cause chain for the log.
    pub fn internal(cause: impl Into<anyhow::Error>) -> Self {
        Self::Internal(cause.into())
    }
}

impl From<anyhow::Error> for AppError {
    fn from(cause: anyhow::Error) -> Self {
        Self::Internal(cause)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(cause: sqlx::Error) -> Self {
        Self::internal(cause)
    }
}

/// An error body whose words are still keys: what `localize_errors` renders again.
#[derive(Debug, Clone)]
pub struct PendingErrorBody {
    message: Message,
    errors: BTreeMap<String, Vec<Message>>,
    request_id: Option<String>,
    access_ended: bool,
}

impl PendingErrorBody {
    fn new(message: impl Into<Message>) -> Self {
        Self {
            message: message.into(),
            errors: BTreeMap::new(),
            request_id: None,
            access_ended: false,
        }
    }

    /// The body with the same message under `field` as well.
    fn also_under(mut self, field: &str) -> Self {
        self.errors
            .insert(field.to_owned(), vec![self.message.clone()]);
        self
    }

    pub fn render(&self, lang: Lang) -> ErrorBody {
        ErrorBody {
            message: self.message.render(lang),
            errors: self
                .errors
                .iter()
                .map(|(field, messages)| {
                    let texts = messages.iter().map(|m| m.render(lang)).collect();
                    (field.clone(), texts)
                })
                .collect(),
            request_id: self.request_id.clone(),
            access_ended: self.access_ended,
        }
    }
}

impl AppError {
    /// The answer with its body written in `lang`, for layers outside `localize_errors`.
    pub fn response_in(self, lang: Lang) -> Response {
        self.respond(lang).0
    }

    /// The response in `lang`, and the body as keys for writing it again.
    fn respond(self, lang: Lang) -> (Response, PendingErrorBody) {
        let retry_after = self.retry_after_secs();
        let (status, pending) = self.status_and_body();
        let mut response = (status, Json(pending.render(lang))).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        (response, pending)
    }

    /// Seconds for `Retry-After`, on the answers that say when to try again.
    fn retry_after_secs(&self) -> Option<i64> {
        match self {
            Self::Overloaded => Some(i64::from(RETRY_AFTER_SECS)),
            Self::TooManyRequests {
                retry_after_secs, ..
            } => Some((*retry_after_secs).max(1)),
            _ => None,
        }
    }

    fn status_and_body(self) -> (StatusCode, PendingErrorBody) {
        match self {
            Self::Validation(FieldErrors(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                PendingErrorBody {
                    errors,
                    ..PendingErrorBody::new(THERE_IS_A_PROBLEM)
                },
            ),
            Self::BadRequest(key) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                PendingErrorBody {
                    errors: BTreeMap::from([("body".to_owned(), vec![Message::error(key)])]),
                    ..PendingErrorBody::new(THERE_IS_A_PROBLEM)
                },
            ),
            Self::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                PendingErrorBody {
                    errors: BTreeMap::from([(
                        "body".to_owned(),
                        vec![Message::server("body_too_large")],
                    )]),
                    ..PendingErrorBody::new(THERE_IS_A_PROBLEM)
                },
            ),
            Self::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                PendingErrorBody::new("sign_in_needed"),
            ),
            Self::AccessEnded => (
                StatusCode::UNAUTHORIZED,
                PendingErrorBody {
                    access_ended: true,
                    ..PendingErrorBody::new(ACCESS_ENDED)
                },
            ),
            Self::NotFound => (StatusCode::NOT_FOUND, PendingErrorBody::new("not_found")),
            Self::Conflict { field, message } => (
                StatusCode::CONFLICT,
                PendingErrorBody::new(message).also_under(field),
            ),
            Self::TooManyRequests { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                PendingErrorBody::new(message),
            ),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                PendingErrorBody::new("method_not_allowed"),
            ),
            Self::CrossSite => (
                StatusCode::FORBIDDEN,
                PendingErrorBody::new(Message::server("cross_site_refused")),
            ),
            Self::RequestTimeout => (
                StatusCode::REQUEST_TIMEOUT,
                PendingErrorBody::new(Message::server("request_timeout")),
            ),
            Self::Overloaded => (
                StatusCode::SERVICE_UNAVAILABLE,
                PendingErrorBody::new(Message::server("overloaded")),
            ),
            Self::Internal(cause) => {
                let request_id = uuid::Uuid::new_v4().to_string();
                // `{:#}` prints the whole cause chain on one line. Causes come from the
                // database and the OS: they carry no request data.
                tracing::error!(%request_id, error = format!("{cause:#}"), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    PendingErrorBody {
                        request_id: Some(request_id),
                        ..PendingErrorBody::new(SERVICE_PROBLEM)
                    },
                )
            }
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (mut response, pending) = self.respond(Lang::En);
        response.extensions_mut().insert(pending);
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn body_of(error: AppError) -> (StatusCode, ErrorBody) {
        let response = error.into_response();
        let status = response.status();
        let bytes = axum::body::to_bytes(response.into_body(), 64 * 1024)
            .await
            .unwrap();
        (status, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn internal_errors_hide_their_cause() {
        let (status, body) = body_of(AppError::internal(anyhow::anyhow!(
            "disk full at /secret/path"
        )))
        .await;
        assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(
            body.message,
            "Sorry, there is a problem with the service. Try again later."
        );
        assert!(body.request_id.is_some());
        assert!(!serde_json::to_string(&body).unwrap().contains("secret"));
    }

    #[tokio::test]
    async fn validation_lists_each_field() {
        let mut errors = FieldErrors::single("code", "sign_in_code_enter");
        errors.add("crime_reference", "crime_reference_enter");
        let (status, body) = body_of(AppError::Validation(errors)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body.message, "There is a problem");
        assert_eq!(
            body.errors["code"],
            vec!["Enter the 6-digit code we sent you"]
        );
        assert_eq!(body.errors.len(), 2);
    }

    #[tokio::test]
    async fn conflicts_say_why_in_both_places() {
        let (status, body) = body_of(AppError::Conflict {
            field: "callbacks",
            message: "callbacks_too_many_open",
        })
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body.message.starts_with("You already have 3"));
        assert_eq!(body.errors["callbacks"], vec![body.message.clone()]);
    }

    #[tokio::test]
    async fn shed_requests_are_told_when_to_retry() {
        let response = AppError::Overloaded.response_in(Lang::Cy);
        assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(response.headers()[RETRY_AFTER], "2");
        let (_, body) = body_of(AppError::Overloaded).await;
        assert!(body.message.contains("busy"), "{}", body.message);
    }

    #[tokio::test]
    async fn too_many_requests_says_when_to_try_again() {
        let response = AppError::TooManyRequests {
            retry_after_secs: 540,
            message: Message::error("too_many_tries").with("minutes", "9"),
        }
        .into_response();
        assert_eq!(response.headers()[RETRY_AFTER], "540");
        let (status, body) = body_of(AppError::TooManyRequests {
            retry_after_secs: 540,
            message: Message::error("too_many_tries").with("minutes", "9"),
        })
        .await;
        assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(
            body.message,
            "Too many tries. Try again in 9 minutes, or call 101."
        );
        assert!(body.errors.is_empty());
    }

    #[tokio::test]
    async fn bad_bodies_use_the_body_field() {
        let (status, body) = body_of(AppError::BadRequest("body_not_json")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            body.errors["body"],
            vec!["The request body is not valid JSON"]
        );
    }
}
