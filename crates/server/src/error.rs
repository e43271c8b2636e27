//! `AppError`: every way a request can fail, and the one JSON shape (`ErrorBody`) each
//! failure is sent as.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use shared::api::ErrorBody;

/// The heading of the GOV.UK error summary, used for every 422.
pub const THERE_IS_A_PROBLEM: &str = "There is a problem";
/// What a victim sees when something broke on our side. Never more detail than this.
pub const SERVICE_PROBLEM: &str = "Sorry, there is a problem with the service. Try again later.";

/// Messages for one or more request fields, in the order the form shows them.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct FieldErrors(BTreeMap<String, Vec<String>>);

impl FieldErrors {
    /// One field, one message.
    pub fn single(field: &str, message: impl Into<String>) -> Self {
        let mut errors = Self::default();
        errors.add(field, message);
        errors
    }

    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0
            .entry(field.to_owned())
            .or_default()
            .push(message.into());
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
    /// `application/json`. Same shape as `Validation`, under the field `body`.
    #[error("malformed request body")]
    BadRequest(&'static str),
    /// 401: not signed in, or the session has ended.
    #[error("not signed in")]
    Unauthorized,
    /// 404: nothing here, or nothing here this caller may see (the two look the same).
    #[error("not found")]
    NotFound,
    /// 409: the request is fine but clashes with the state of things (e.g. a fourth open
    /// callback request, or cancelling one twice). Body: `message`, and the same message
    /// under `field` in `errors` so the app's error summary can show it.
    #[error("conflict")]
    Conflict {
        field: &'static str,
        message: &'static str,
    },
    /// 405: the path exists but not with this method.
    #[error("method not allowed")]
    MethodNotAllowed,
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

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            Self::Validation(FieldErrors(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody {
                    message: THERE_IS_A_PROBLEM.into(),
                    errors,
                    request_id: None,
                },
            ),
            Self::BadRequest(message) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorBody {
                    message: THERE_IS_A_PROBLEM.into(),
                    errors: BTreeMap::from([("body".to_owned(), vec![message.to_owned()])]),
                    request_id: None,
                },
            ),
            Self::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                plain("You need to sign in. If you were signed in, your session has ended."),
            ),
            Self::NotFound => (StatusCode::NOT_FOUND, plain("Not found")),
            Self::Conflict { field, message } => (
                StatusCode::CONFLICT,
                ErrorBody {
                    message: message.to_owned(),
                    errors: BTreeMap::from([(field.to_owned(), vec![message.to_owned()])]),
                    request_id: None,
                },
            ),
            Self::MethodNotAllowed => (
                StatusCode::METHOD_NOT_ALLOWED,
                plain("This method is not allowed here"),
            ),
            Self::Internal(cause) => {
                let request_id = uuid::Uuid::new_v4().to_string();
                // `{:#}` prints the whole cause chain on one line. Causes come from the
                // database and the OS: they carry no request data.
                tracing::error!(%request_id, error = format!("{cause:#}"), "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ErrorBody {
                        message: SERVICE_PROBLEM.into(),
                        errors: BTreeMap::new(),
                        request_id: Some(request_id),
                    },
                )
            }
        };
        (status, Json(body)).into_response()
    }
}

fn plain(message: &str) -> ErrorBody {
    ErrorBody {
        message: message.to_owned(),
        ..ErrorBody::default()
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
        assert_eq!(body.message, SERVICE_PROBLEM);
        assert!(body.request_id.is_some());
        assert!(!serde_json::to_string(&body).unwrap().contains("secret"));
    }

    #[tokio::test]
    async fn validation_lists_each_field() {
        let mut errors = FieldErrors::single("code", "Enter the code");
        errors.add("crime_reference", "Enter your crime reference number");
        let (status, body) = body_of(AppError::Validation(errors)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body.message, THERE_IS_A_PROBLEM);
        assert_eq!(body.errors["code"], vec!["Enter the code"]);
        assert_eq!(body.errors.len(), 2);
    }

    #[tokio::test]
    async fn conflicts_say_why_in_both_places() {
        let (status, body) = body_of(AppError::Conflict {
            field: "callbacks",
            message: "Too many",
        })
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body.message, "Too many");
        assert_eq!(body.errors["callbacks"], vec!["Too many"]);
    }

    #[tokio::test]
    async fn bad_bodies_use_the_body_field() {
        let (status, body) = body_of(AppError::BadRequest("Send JSON")).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body.errors["body"], vec!["Send JSON"]);
    }
}
