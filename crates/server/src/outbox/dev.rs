//! `GET /api/dev/outbox` (demo mode only): the messages the server would have sent, so a
//! demo or a test can read sign-in codes. Not mounted at all outside demo mode.

use axum::extract::State;
use serde::Deserialize;
use shared::api::{ErrorBody, OutboxResponse};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::outbox;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::query::Query;
use crate::platform::state::AppState;
use crate::sign_in;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct OutboxQuery {
    /// Only messages to this phone number (E.164) or email address.
    recipient: Option<String>,
}

/// Messages queued for sending, newest first (at most `DEMO_LIMIT`). Demo mode only.
#[utoipa::path(
    get,
    path = "/api/dev/outbox",
    operation_id = "list_outbox",
    tag = "dev",
    params(OutboxQuery),
    responses(
        (status = 200, description = "Newest first", body = OutboxResponse),
        (status = 422, description = "`recipient` is repeated", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    Query(query): Query<OutboxQuery>,
) -> Result<Json<OutboxResponse>, AppError> {
    // Codes are sent by the sign-in worker just after the request: list them once it is done.
    sign_in::worker::wait_for_queue(&state.db).await?;
    let messages = outbox::latest(
        &state.db,
        &state.keys,
        query.recipient.as_deref(),
        outbox::DEMO_LIMIT,
    )
    .await?;
    Ok(Json(OutboxResponse { messages }))
}
