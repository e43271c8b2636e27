//! `Json<T>`: axum's JSON extractor with its rejections turned into `AppError::BadRequest`,
//! so a malformed body gets the same 422 shape as any other input error (and a body over
//! the size limit a 413 of that shape). Every string in the body is cleaned
//! (`text::clean_text`: NFC, no control or bidi-override characters) before the body is
//! read into `T`, so no handler ever sees text that was not.

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::platform::error::AppError;
use crate::platform::text::{clean_text, is_clean};

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
        match axum::Json::<Value>::from_request(req, state).await {
            Ok(axum::Json(mut value)) => {
                clean_strings(&mut value);
                T::deserialize(value)
                    .map(Self)
                    .map_err(|_| AppError::BadRequest(WRONG_SHAPE))
            }
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

/// Valid JSON that is not the expected shape (an `errors.json` key).
const WRONG_SHAPE: &str = "body_wrong_shape";

/// Cleans every string value in place, however deep. Object keys are left alone: they
/// are matched against field names, never stored. serde_json refuses nesting deeper than
/// 128 levels, which bounds the recursion.
fn clean_strings(value: &mut Value) {
    match value {
        Value::String(text) if !is_clean(text) => *text = clean_text(text),
        Value::Array(items) => items.iter_mut().for_each(clean_strings),
        Value::Object(fields) => fields.values_mut().for_each(clean_strings),
        _ => {}
    }
}

/// A fixed message (`errors.json` key) per kind of rejection. serde's own text is not
/// passed on: it can quote the submitted values back.
fn message_for(rejection: &JsonRejection) -> &'static str {
    match rejection {
        JsonRejection::MissingJsonContentType(_) => "body_content_type",
        JsonRejection::JsonSyntaxError(_) => "body_not_json",
        JsonRejection::JsonDataError(_) => WRONG_SHAPE,
        _ => "body_unreadable",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_cleaned_at_any_depth_and_keys_are_not() {
        let mut body = serde_json::json!({
            "name\u{202E}": "Ame\u{0301}lie\u{202E}",
            "lines": ["a\r\nb", {"deep": ["\u{2066}x\u{2069}"]}],
            "count": 3,
        });
        clean_strings(&mut body);
        assert_eq!(
            body,
            serde_json::json!({
                "name\u{202E}": "Amélie",
                "lines": ["a\nb", {"deep": ["x"]}],
                "count": 3,
            })
        );
    }
}
