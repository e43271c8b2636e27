//! `Json<T>`: axum's JSON extractor with its rejections turned into `AppError::BadRequest`,
//! so a malformed body gets the same 422 shape as any other input error (and a body over
//! the size limit a 413 of that shape).

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::platform::error::AppError;

/// A JSON request body (and, for symmetry, a JSON response).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json<T>(pub T);

impl<T, S> FromRequest<S> for Json<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(AppError::PayloadTooLarge)
            }
            Err(rejection) => Err(AppError::BadRequest(message_for(&rejection))),
        }
    }
}

impl<T: Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}

/// A fixed message (`errors.json` key) per kind of rejection. serde's own text is not
/// passed on: it can quote the submitted values back.
fn message_for(rejection: &JsonRejection) -> &'static str {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => "body_content_type",
        JsonRejection::JsonSyntaxError(_) => "body_not_json",
        JsonRejection::JsonDataError(_) => "body_wrong_shape",
        _ => "body_unreadable",
    }
}
