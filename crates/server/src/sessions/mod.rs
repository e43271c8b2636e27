//! `GET /api/session` (who is signed in), `POST /api/sign-out` and
//! `POST /api/sign-out-everywhere`, and the sign-out both apps share.

pub mod caller;
pub mod cookies;
pub mod store;

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use shared::api::{ErrorBody, Role, SessionView};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{Actor, ActorKind};
use crate::platform::db::Conn;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::sessions::cookies::{CookieSecurity, SessionCookie};
use crate::sessions::store as sessions;
use crate::sessions::store::idle_timeout_secs;
use crate::supporters;
use shared::api::supporters::HelpingView;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(current))
        .routes(routes!(sign_out))
        .routes(routes!(sign_out_everywhere))
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
async fn current(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<SessionView>, AppError> {
    // A victim's session reads exactly one case; without it there is nothing to show.
    let scope = actor
        .signed_in_case
        .as_ref()
        .ok_or(AppError::Unauthorized)?;
    if actor.kind == ActorKind::Supporter {
        let mut conn = state.db.acquire().await?;
        return Ok(Json(supporter_view(&mut conn.conn(), &actor.id).await?));
    }
    Ok(Json(SessionView {
        role: Role::Victim,
        crime_reference: scope.crime_reference.clone(),
        idle_timeout_minutes: idle_timeout_minutes(false),
        helping: None,
    }))
}

/// A supporter's session as the app sees it: the case, whom they help and what they may
/// do (the app shows only that; the server refuses the rest anyway).
pub async fn supporter_view(
    conn: &mut Conn<'_>,
    supporter_id: &str,
) -> Result<SessionView, AppError> {
    let (full_name, capabilities, crime_reference) = supporters::store::helping(conn, supporter_id)
        .await?
        .ok_or(AppError::AccessEnded)?;
    Ok(SessionView {
        role: Role::Supporter,
        crime_reference,
        idle_timeout_minutes: idle_timeout_minutes(false),
        helping: Some(HelpingView {
            victim_first_name: supporters::rules::first_name(&full_name),
            permissions: supporters::rules::permissions_of(&capabilities),
        }),
    })
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
async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    end_this_session(&state, SessionCookie::Victim, &headers).await
}

/// Sign out everywhere: ends every session of the signed-in victim, on every device (for
/// someone who fears another person has their phone or saw their code), and deletes this
/// browser's cookie.
#[utoipa::path(
    post,
    path = "/api/sign-out-everywhere",
    operation_id = "sign_out_everywhere",
    tag = "sign-in",
    security(("session_cookie" = [])),
    responses(
        (status = 204, description = "Every session of this victim has ended; the cookie is cleared"),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
    )
)]
async fn sign_out_everywhere(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Response, AppError> {
    end_every_session(&state, SessionCookie::Victim, &actor).await
}

/// Ends the session the request's `cookie` carries, if any, and answers 204 with the
/// cookie deleted. Both apps' sign-out.
pub async fn end_this_session(
    state: &AppState,
    cookie: SessionCookie,
    headers: &HeaderMap,
) -> Result<Response, AppError> {
    let security = CookieSecurity::of(&state.config);
    if let Some(token) = cookie.token(security, headers) {
        if sessions::end(&state.db, token, state.clock.unix()).await? {
            tracing::info!("signed out");
        }
    }
    Ok(cleared(cookie, security))
}

/// Ends every live session of `actor` and answers 204 with this browser's `cookie`
/// deleted. Both apps' "sign out everywhere".
pub async fn end_every_session(
    state: &AppState,
    cookie: SessionCookie,
    actor: &Actor,
) -> Result<Response, AppError> {
    let ended = sessions::end_all_for(&mut state.db.conn(), actor, state.clock.unix()).await?;
    tracing::info!(sessions = ended, "signed out everywhere");
    Ok(cleared(cookie, CookieSecurity::of(&state.config)))
}

fn cleared(cookie: SessionCookie, security: CookieSecurity) -> Response {
    (
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookie.clear(security))],
    )
        .into_response()
}

/// The idle timeout of a staff session, or of a victim's, as the API reports it.
pub fn idle_timeout_minutes(staff: bool) -> u32 {
    u32::try_from(idle_timeout_secs(staff) / 60).unwrap_or(15)
}
