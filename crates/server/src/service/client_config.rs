//! `GET /api/config`: the few settings the app reads once at start (none of them secret).

use axum::extract::State;
use shared::api::ClientConfig;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::json::Json;
use crate::platform::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(client_config))
}

/// Settings for the app, such as where "Exit this page" goes.
#[utoipa::path(
    get,
    path = "/api/config",
    operation_id = "get_config",
    tag = "meta",
    responses((status = 200, description = "The app's settings", body = ClientConfig))
)]
async fn client_config(State(state): State<AppState>) -> Json<ClientConfig> {
    Json(ClientConfig {
        exit_url: state.config.exit_url.clone(),
    })
}
