//! `GET /api/session` (who is signed in) and `POST /api/sign-out`.

pub mod caller;
pub mod cookies;
pub mod store;

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use shared::api::{ErrorBody, Role, SessionView};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::Actor;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::sessions::store as sessions;
use crate::sessions::store::idle_timeout_secs;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current))
        .routes(routes!(sign_out))
}

/// Who is signed in.
#[utoipa::path(
    get,
    path = "/api/session",
    operation_id = "get_session",
    tag = "sign-in",
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Signed in", body = SessionView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
    )
)]
async fn current(actor: Actor) -> Result<Json<SessionView>, AppError> {
    // A victim's session reads exactly one case; without it there is nothing to show.
    let scope = actor
        .signed_in_case
        .as_ref()
        .ok_or(AppError::Unauthorized)?;
    Ok(Json(SessionView {
        role: Role::Victim,
        crime_reference: scope.crime_reference.clone(),
        idle_timeout_minutes: idle_timeout_minutes(false),
    }))
}

/// Sign out: ends the session on the server and deletes the cookie. 204 even when not
/// signed in.
#[utoipa::path(
    post,
    path = "/api/sign-out",
    operation_id = "sign_out",
    tag = "sign-in",
    responses((status = 204, description = "Signed out; the cookie is cleared"))
)]
async fn sign_out(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<
    (
        StatusCode,
        [(axum::http::HeaderName, axum::http::HeaderValue); 1],
    ),
    AppError,
> {
    if let Some(token) = cookies::session_token(&headers) {
        if sessions::end(&state.db, token, state.clock.unix()).await? {
            tracing::info!("signed out");
        }
    }
    let cookie = cookies::clear_session();
    Ok((StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]))
}

/// The idle timeout of a staff session, or of a victim's, as the API reports it.
pub fn idle_timeout_minutes(staff: bool) -> u32 {
    u32::try_from(idle_timeout_secs(staff) / 60).unwrap_or(15)
}
