//! `GET /api/health`: the service is up and its database answers.

use axum::extract::State;
use shared::api::{ErrorBody, HealthResponse};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::db::query;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

/// Is the service up?
#[utoipa::path(
    get,
    path = "/api/health",
    operation_id = "health",
    tag = "health",
    responses(
        (status = 200, description = "Up, and the database answers", body = HealthResponse),
        (status = 500, description = "The database does not answer", body = ErrorBody),
    )
)]
async fn health(State(state): State<AppState>) -> Result<Json<HealthResponse>, AppError> {
    query("SELECT 1").execute(&mut state.db.conn()).await?;
    Ok(Json(HealthResponse {
        status: "ok".to_owned(),
    }))
}
