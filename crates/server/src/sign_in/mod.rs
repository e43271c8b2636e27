//! Signing in with a one-time code: `POST /api/sign-in/start` asks for a code (queued for
//! the `worker`, which sends it if it can), `POST /api/sign-in/verify` exchanges it for a
//! session cookie.
//!
//! Neither answer reveals whether a crime reference exists: start always says 202, every
//! failed verify gets the same 422, and both write the same rows either way (so they take
//! the same time). Too many requests get a 429 with `Retry-After` (`rules` has every
//! limit and the guessing arithmetic).

pub mod codes;
pub mod failures;
pub mod rules;
pub mod store;
pub mod worker;

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use shared::api::{
    ErrorBody, Role, SessionView, StartSignInRequest, StartSignInResponse, VerifySignInRequest,
};
use shared::{CrimeReference, SignInCode};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use self::codes::Checked;
use self::rules::Endpoint;
use crate::access::{Actor, ActorKind};
use crate::platform::db;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::rate_limit::{self, ClientIp, Exceeded};
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

/// The 429 a victim (or supporter) sees: when to try again, or to call 101.
pub fn too_many(exceeded: Exceeded) -> AppError {
    AppError::TooManyRequests {
        retry_after_secs: exceeded.retry_after_secs,
        message: rate_limit::try_again_message(
            Message::error,
            "too_many_tries",
            exceeded.retry_after_secs,
        ),
    }
}

/// Ask for a one-time code.
///
/// Always 202 for a well-formed reference, whether or not it exists. A code is sent only
/// if the victim chose text or email; asking again within a minute of a live code re-uses
/// it (nothing is sent), and a case is sent at most 8 codes a day. 429 after 5 requests an
/// hour for one reference, or too many from one address or from everyone.
#[utoipa::path(
    post,
    path = "/api/sign-in/start",
    operation_id = "start_sign_in",
    tag = "sign-in",
    request_body = StartSignInRequest,
    responses(
        (status = 202, description = "If we can, we will send a code", body = StartSignInResponse),
        (status = 422, description = "The reference is not in a valid format, or the body is malformed", body = ErrorBody),
        (status = 429, description = "Too many requests: the message says when to try again", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn start(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(request): Json<StartSignInRequest>,
) -> Result<(StatusCode, Json<StartSignInResponse>), AppError> {
    let reference = CrimeReference::parse(&request.crime_reference)
        .map_err(|e| AppError::Validation(FieldErrors::single("crime_reference", e)))?;
    let now = state.clock.unix();
    let limits = [
        (rules::per_ip(&state.config, Endpoint::Start), ip.as_str()),
        (
            rules::global(&state.config, Endpoint::Start),
            rules::EVERYONE,
        ),
        (rules::START_PER_REFERENCE, reference.as_str()),
    ];
    let mut tx = state.db.begin_write().await?;
    let allowed = rate_limit::hit_all(&mut tx.conn(), &limits, now).await?;
    if allowed.is_ok() {
        store::queue_request(&mut tx.conn(), reference.as_str(), now).await?;
    }
    tx.commit().await?;
    allowed.map_err(too_many)?;
    state.sign_in_wake.notify_one();
    Ok((
        StatusCode::ACCEPTED,
        Json(StartSignInResponse {
            expires_in_minutes: rules::LIFETIME_MINUTES,
        }),
    ))
}

/// Exchange a code for a session.
///
/// On success sets the `__Host-su_session` cookie (HttpOnly, Secure, SameSite=Strict, 30
/// idle minutes) and ends any session the request's cookie still had.
/// A wrong, expired, used or unknown code all get the same 422 on the field `code`. After
/// 10 wrong codes for a reference in a day (45 in a year) the answer is 429 and the case's
/// officer is alerted.
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
        (status = 429, description = "Too many tries: the message says when to try again, or to call 101", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn verify(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
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
    if let Err(exceeded) =
        verify_allowed(&mut tx.conn(), &state, &ip, reference.as_str(), now).await?
    {
        tx.commit().await?;
        return Err(too_many(exceeded));
    }
    let signed_in = match codes::check(&mut tx.conn(), &state.keys, &reference, code.as_str(), now)
        .await?
    {
        Checked::SignedIn(signed_in) => signed_in,
        Checked::Refused { case_id } => {
            failures::count(&mut tx.conn(), reference.as_str(), case_id.as_deref(), now).await?;
            // Commit: a wrong code must use up a try.
            tx.commit().await?;
            return Err(AppError::Validation(FieldErrors::single(
                "code",
                CODE_REJECTED,
            )));
        }
    };
    let actor = Actor {
        kind: ActorKind::Victim,
        id: signed_in.victim_id,
        signed_in_case: None,
    };
    let cookie = open_session(
        &mut tx.conn(),
        &state,
        &headers,
        &actor,
        &signed_in.case_id,
        now,
    )
    .await?;
    tx.commit().await?;

    let view = SessionView {
        role: Role::Victim,
        crime_reference: reference.to_string(),
        idle_timeout_minutes: idle_timeout_minutes(false),
        helping: None,
    };
    Ok(([(SET_COOKIE, cookie)], Json(view)).into_response())
}

/// Whether a code may be checked for `key` (a crime reference, or a supporter's contact
/// key) from `ip` now: the per-address and global limits, then the key's wrong-code caps.
/// Takes the key's turn first, so its caps hold under parallel guesses. On `Err` the
/// caller commits (the hits count) and answers `too_many`.
pub async fn verify_allowed(
    conn: &mut db::Conn<'_>,
    state: &AppState,
    ip: &str,
    key: &str,
    now: i64,
) -> Result<Result<(), Exceeded>, AppError> {
    db::serialise(conn, key).await?;
    let limits = [
        (rules::per_ip(&state.config, Endpoint::Verify), ip),
        (
            rules::global(&state.config, Endpoint::Verify),
            rules::EVERYONE,
        ),
    ];
    let allowed = rate_limit::hit_all(conn, &limits, now).await?;
    if allowed.is_err() {
        return Ok(allowed);
    }
    Ok(failures::allow(conn, key, now).await?)
}

/// Starts `actor`'s session on the victim app's cookie, covering `case_id`, and ends any
/// session the request's cookie still had (one browser, one person signed in). Returns
/// the `Set-Cookie` value.
pub async fn open_session(
    conn: &mut db::Conn<'_>,
    state: &AppState,
    headers: &HeaderMap,
    actor: &Actor,
    case_id: &str,
    now: i64,
) -> Result<axum::http::HeaderValue, AppError> {
    let security = cookies::CookieSecurity::of(&state.config);
    if let Some(old) = cookies::SessionCookie::Victim.token(security, headers) {
        sessions::end_in(conn, old, now).await?;
    }
    let token = sessions::create(conn, actor, Some(case_id), now).await?;
    Ok(cookies::SessionCookie::Victim.set(security, &token))
}
