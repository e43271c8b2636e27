//! Signing in with a one-time code: `POST /api/sign-in/start` sends a code (if it can),
//! `POST /api/sign-in/verify` exchanges it for a session cookie.
//!
//! Neither answer reveals whether a crime reference exists: start always says 202, and
//! every failed verify gets the same 422.

pub mod codes;
pub mod store;

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use shared::api::{
    ErrorBody, Role, SessionView, StartSignInRequest, StartSignInResponse, VerifySignInRequest,
};
use shared::{CrimeReference, SignInCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{Actor, ActorKind};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::sessions::{cookies, idle_timeout_minutes, store as sessions};

/// The one message (`errors.json` key) for every failed verify, so it cannot tell an
/// attacker anything.
pub const CODE_REJECTED: &str = "sign_in_code_rejected";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(start))
        .routes(routes!(verify))
}

/// Ask for a one-time code.
///
/// Always 202 for a well-formed reference, whether or not it exists. A code is sent only
/// if the victim chose text or email, and at most 5 times an hour per case.
#[utoipa::path(
    post,
    path = "/api/sign-in/start",
    operation_id = "start_sign_in",
    tag = "sign-in",
    request_body = StartSignInRequest,
    responses(
        (status = 202, description = "If we can, we have sent a code", body = StartSignInResponse),
        (status = 422, description = "The reference is not in a valid format, or the body is malformed", body = ErrorBody),
    )
)]
async fn start(
    State(state): State<AppState>,
    Json(request): Json<StartSignInRequest>,
) -> Result<(StatusCode, Json<StartSignInResponse>), AppError> {
    let reference = CrimeReference::parse(&request.crime_reference)
        .map_err(|e| AppError::Validation(FieldErrors::single("crime_reference", e)))?;
    let mut tx = state.db.begin_write().await?;
    // What happened is logged (ids only) inside `issue`; the reply does not depend on it.
    let _issued = codes::issue(&mut tx.conn(), &state.keys, &reference, state.clock.unix()).await?;
    tx.commit().await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(StartSignInResponse {
            expires_in_minutes: codes::LIFETIME_MINUTES,
        }),
    ))
}

/// Exchange a code for a session.
///
/// On success sets the `__Host-su_session` cookie (HttpOnly, Secure, SameSite=Strict, 30
/// idle minutes).
/// A wrong, expired, used or unknown code all get the same 422 on the field `code`.
#[utoipa::path(
    post,
    path = "/api/sign-in/verify",
    operation_id = "verify_sign_in",
    tag = "sign-in",
    request_body = VerifySignInRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = SessionView,
            headers(("set-cookie" = String, description = "__Host-su_session=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800; Secure"))),
        (status = 422, description = "A field is in the wrong format, or the code was not accepted", body = ErrorBody),
    )
)]
async fn verify(
    State(state): State<AppState>,
    Json(request): Json<VerifySignInRequest>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    let reference = CrimeReference::parse(&request.crime_reference)
        .map_err(|e| errors.add("crime_reference", e))
        .ok();
    let code = SignInCode::parse(&request.code)
        .map_err(|e| errors.add("code", e))
        .ok();
    let (Some(reference), Some(code)) = (reference, code) else {
        return Err(AppError::Validation(errors));
    };

    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    let token =
        match codes::check(&mut tx.conn(), &state.keys, &reference, code.as_str(), now).await? {
            Some(signed_in) => Some(
                sessions::create(
                    &mut tx.conn(),
                    &Actor {
                        kind: ActorKind::Victim,
                        id: signed_in.victim_id,
                        signed_in_case: None,
                    },
                    Some(&signed_in.case_id),
                    now,
                )
                .await?,
            ),
            None => None,
        };
    // Commit either way: a wrong code must use up a try.
    tx.commit().await?;
    let Some(token) = token else {
        return Err(AppError::Validation(FieldErrors::single(
            "code",
            CODE_REJECTED,
        )));
    };

    let view = SessionView {
        role: Role::Victim,
        crime_reference: reference.to_string(),
        idle_timeout_minutes: idle_timeout_minutes(false),
    };
    let security = cookies::CookieSecurity::of(&state.config);
    let cookie = cookies::SessionCookie::Victim.set(security, &token);
    Ok(([(SET_COOKIE, cookie)], Json(view)).into_response())
}
