//! `POST /api/delivery/notify-receipts`: GOV.UK Notify's delivery receipts. Notify, not a
//! browser, calls it, so it proves itself with the bearer token set in Notify's callback
//! settings (`--notify-receipt-token-file`), compared in constant time, and the
//! same-origin check lets this one path through (`platform::same_origin`). Every receipt
//! with the right token gets a 204, even one for an id we do not know, so the answer
//! tells nothing. The recipient (`to`) in a receipt is never read.

use axum::extract::{FromRequestParts, State};
use axum::http::header::AUTHORIZATION;
use axum::http::request::Parts;
use axum::http::StatusCode;
use serde::Deserialize;
use shared::api::ErrorBody;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{rules, PROVIDER_NAME};
use crate::delivery::record_receipt;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;

/// The path, also named in `platform::same_origin` (its one exemption).
pub const RECEIPTS_PATH: &str = "/api/delivery/notify-receipts";
/// The OpenAPI name of the receipt's bearer token.
pub const RECEIPT_TOKEN_SCHEME: &str = "notify_receipt_token";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(receive))
}

/// A delivery receipt as Notify sends it (the fields we read; `to`, `created_at`,
/// `template_id` and `template_version` are ignored).
#[derive(Debug, Deserialize, ToSchema)]
pub struct NotifyReceipt {
    /// Notify's id for the notification (the `provider_id` we recorded when it was sent).
    pub id: String,
    /// Our reference: the outbox id.
    pub reference: Option<String>,
    /// `delivered`, `permanent-failure`, `temporary-failure` or `technical-failure`.
    pub status: String,
    /// When the status last changed, e.g. `2017-05-14T12:15:30.000000Z`.
    pub completed_at: Option<String>,
    pub sent_at: Option<String>,
    /// `email` or `sms`.
    pub notification_type: Option<String>,
}

/// The caller showed the receipt token: `Authorization: Bearer <token>`.
pub struct FromNotify;

impl FromRequestParts<AppState> for FromNotify {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let presented = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "));
        match (&state.config.notify.notify_receipt_token, presented) {
            (Some(token), Some(presented)) if token.matches(presented.trim()) => Ok(Self),
            _ => {
                tracing::warn!("refused a Notify receipt without the right bearer token");
                Err(AppError::Unauthorized)
            }
        }
    }
}

/// Records a delivery receipt from GOV.UK Notify.
#[utoipa::path(
    post,
    path = "/api/delivery/notify-receipts",
    operation_id = "notify_receipt",
    tag = "delivery",
    request_body = NotifyReceipt,
    security(("notify_receipt_token" = [])),
    responses(
        (status = 204, description = "Recorded (or not ours to record: the answer is the same)"),
        (status = 401, description = "No bearer token, or not the receipt token", body = ErrorBody),
        (status = 422, description = "Not a receipt", body = ErrorBody),
    )
)]
async fn receive(
    State(state): State<AppState>,
    _notify: FromNotify,
    Json(receipt): Json<NotifyReceipt>,
) -> Result<StatusCode, AppError> {
    if uuid::Uuid::try_parse(&receipt.id).is_err() {
        return Err(AppError::BadRequest("body_wrong_shape"));
    }
    let letter = receipt.notification_type.as_deref() == Some("letter");
    let Some(status) = rules::delivery_status(&receipt.status, letter) else {
        let shown: String = receipt.status.chars().take(40).collect();
        tracing::warn!(notify_id = %receipt.id, notify_status = %shown, "a Notify receipt with a status we do not know; ignored");
        return Ok(StatusCode::NO_CONTENT);
    };
    let at = [&receipt.completed_at, &receipt.sent_at]
        .into_iter()
        .flatten()
        .find_map(|text| OffsetDateTime::parse(text, &Rfc3339).ok())
        .map_or_else(|| state.clock.unix(), OffsetDateTime::unix_timestamp);
    let known = record_receipt(&state.db, PROVIDER_NAME, &receipt.id, status, at).await?;
    tracing::info!(notify_id = %receipt.id, ?status, known, "Notify delivery receipt");
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_receipt_path_is_the_one_the_same_origin_check_lets_through() {
        assert!(crate::platform::same_origin::is_exempt(RECEIPTS_PATH));
        assert!(!crate::platform::same_origin::is_exempt(
            "/api/delivery/notify-receipts/"
        ));
        assert!(!crate::platform::same_origin::is_exempt("/api/sign-out"));
    }

    #[test]
    fn notify_times_parse_as_rfc_3339() {
        let at = OffsetDateTime::parse("2017-05-14T12:15:30.000000Z", &Rfc3339).unwrap();
        assert_eq!(at.unix_timestamp(), 1_494_764_130);
    }
}
