//! `POST /api/staff/sign-in` (email, password and a code from the authenticator app, in
//! one step), `GET /api/staff/session`, `POST /api/staff/sign-out` and
//! `POST /api/staff/sign-out-everywhere`.
//!
//! Every refusal is the same 422, whatever was wrong (unknown email, wrong password,
//! wrong or replayed code, locked or disabled account), so the answer tells an attacker
//! nothing; an unknown email still costs a password check. Five failures lock the
//! account for 15 minutes, counted in the database so every server sees the lock.
//!
//! Before any of that, the same kinds of limit as the victims' sign-in (`sign_in::rules`):
//! per client address and for everyone (a 429 with `Retry-After`), and at most 20
//! failures a day per email address, account or not (then 429 until the day ends).

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use shared::api::staff::{StaffRole, StaffSessionView, StaffSignInRequest};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{credentials, store};
use crate::access::{Actor, ActorKind};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::rate_limit::{self, ClientIp, Exceeded};
use crate::platform::sealed::STAFF_TOTP_SECRET;
use crate::platform::state::AppState;
use crate::platform::stored::enum_from_text;
use crate::sessions::cookies::{self, SessionCookie};
use crate::sessions::store as sessions;
use crate::sessions::{end_every_session, end_this_session, idle_timeout_minutes};
use crate::sign_in::rules::{self, Endpoint, STAFF_FAILS_PER_DAY};

/// Failed sign-ins that lock an account...
pub const MAX_FAILURES: i64 = 5;
/// ...for this long.
pub const LOCK_SECONDS: i64 = 15 * 60;
/// The one `server.json` key for every refused sign-in.
pub const SIGN_IN_REFUSED: &str = "staff.sign_in_refused";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(sign_in))
        .routes(routes!(current))
        .routes(routes!(sign_out))
        .routes(routes!(sign_out_everywhere))
}

/// Sign in as an officer or supervisor.
#[utoipa::path(
    post,
    path = "/api/staff/sign-in",
    operation_id = "staff_sign_in",
    tag = "staff",
    request_body = StaffSignInRequest,
    responses(
        (status = 200, description = "Signed in; the staff session cookie is set", body = StaffSessionView),
        (status = 422, description = "A field is missing, or the sign-in was refused", body = ErrorBody),
        (status = 429, description = "Too many tries: the message says when to try again", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(request): Json<StaffSignInRequest>,
) -> Result<Response, AppError> {
    let email = request.email.trim().to_lowercase();
    let code: String = request
        .code
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let mut errors = FieldErrors::default();
    if email.is_empty() {
        errors.add("email", Message::server("staff.email_missing"));
    }
    if request.password.is_empty() {
        errors.add("password", Message::server("staff.password_missing"));
    }
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        errors.add("code", Message::server("staff.code_format"));
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }

    let now = state.clock.unix();
    let limits = [
        (rules::per_ip(&state.config, Endpoint::Staff), ip.as_str()),
        (
            rules::global(&state.config, Endpoint::Staff),
            rules::EVERYONE,
        ),
    ];
    let mut tx = state.db.begin_write().await?;
    let mut allowed = rate_limit::hit_all(&mut tx.conn(), &limits, now).await?;
    if allowed.is_ok() {
        allowed = rate_limit::has_room(&mut tx.conn(), &STAFF_FAILS_PER_DAY, &email, now).await?;
    }
    tx.commit().await?;
    allowed.map_err(too_many)?;

    // The account is read, and the password checked, outside any write transaction: an
    // argon2 check takes tens of milliseconds and must not hold SQLite's write lock, nor
    // an async worker (it runs on the blocking pool). Lockout counting and the
    // second-factor step are each one conditional update below, so racing sign-ins stay
    // correct without a transaction around the check.
    let account = store::find_by_email(&mut state.db.conn(), &email).await?;
    let stored_hash = account.as_ref().map(|a| a.password_hash.clone());
    let password = request.password;
    let password_ok = tokio::task::spawn_blocking(move || match stored_hash {
        Some(hash) => credentials::password_matches(&hash, &password),
        None => {
            credentials::burn_a_password_check(&password);
            false
        }
    })
    .await
    .map_err(AppError::internal)?;
    let Some(account) = account else {
        // Counted like an account's failure, so the cap says nothing about who has one
        // (whether this one reached it shows on the next try).
        let _counted =
            rate_limit::hit(&mut state.db.conn(), &STAFF_FAILS_PER_DAY, &email, now).await?;
        return Err(refused());
    };
    let usable = account.disabled_at.is_none() && account.locked_until.is_none_or(|t| t <= now);
    let totp_secret = state
        .keys
        .open_optional(STAFF_TOTP_SECRET, account.totp_secret.as_deref())?;
    let step = totp_secret
        .as_deref()
        .and_then(|secret| credentials::accepted_step(secret, &code, now, account.totp_last_step));
    let kind: Option<ActorKind> = enum_from_text(&account.role).ok();
    let mut tx = state.db.begin_write().await?;
    let signed_in = match (usable, password_ok, step, kind) {
        (true, true, Some(step), Some(kind)) => {
            if store::record_success(&mut tx.conn(), &account.id, step).await? {
                Some(kind)
            } else {
                None
            }
        }
        _ => None,
    };
    let Some(kind) = signed_in else {
        let failures = rate_limit::hit(&mut tx.conn(), &STAFF_FAILS_PER_DAY, &email, now).await?;
        if failures == Ok(STAFF_FAILS_PER_DAY.max) {
            tracing::warn!(staff_id = %account.id, "staff sign-in: daily failure cap reached");
        }
        if account.disabled_at.is_none() {
            store::record_failure(
                &mut tx.conn(),
                &account.id,
                MAX_FAILURES,
                now + LOCK_SECONDS,
            )
            .await?;
        }
        tx.commit().await?;
        tracing::warn!(staff_id = %account.id, "staff sign-in refused");
        return Err(refused());
    };
    let actor = Actor {
        kind,
        id: account.id.clone(),
        signed_in_case: None,
    };
    // A staff session this browser already had ends: one browser, one person signed in.
    let security = cookies::CookieSecurity::of(&state.config);
    if let Some(old) = SessionCookie::Staff.token(security, &headers) {
        sessions::end_in(&mut tx.conn(), old, now).await?;
    }
    let token = sessions::create(&mut tx.conn(), &actor, None, now).await?;
    tx.commit().await?;
    tracing::info!(staff_id = %account.id, "staff signed in");
    let view = session_view(kind, account.display_name)?;
    let security = cookies::CookieSecurity::of(&state.config);
    let cookie = cookies::SessionCookie::Staff.set(security, &token);
    Ok(([(SET_COOKIE, cookie)], Json(view)).into_response())
}

/// The 429 staff see: when to try again, or to ask their supervisor.
fn too_many(exceeded: Exceeded) -> AppError {
    AppError::TooManyRequests {
        retry_after_secs: exceeded.retry_after_secs,
        message: rate_limit::try_again_message(
            Message::server,
            "staff.too_many_tries",
            exceeded.retry_after_secs,
        ),
    }
}

fn refused() -> AppError {
    AppError::Validation(FieldErrors::single(
        "email",
        Message::server(SIGN_IN_REFUSED),
    ))
}

fn session_view(kind: ActorKind, display_name: String) -> Result<StaffSessionView, AppError> {
    let role = match kind {
        ActorKind::Officer => StaffRole::Officer,
        ActorKind::Supervisor => StaffRole::Supervisor,
        ActorKind::Victim | ActorKind::Supporter => return Err(AppError::Unauthorized),
    };
    Ok(StaffSessionView {
        role,
        display_name,
        idle_timeout_minutes: idle_timeout_minutes(true),
    })
}

/// Who is signed in on the staff side.
#[utoipa::path(
    get,
    path = "/api/staff/session",
    operation_id = "get_staff_session",
    tag = "staff",
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Signed in", body = StaffSessionView),
        (status = 401, description = "Not signed in as staff, or the session has ended", body = ErrorBody),
    )
)]
async fn current(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<StaffSessionView>, AppError> {
    let mut conn = state.db.acquire().await?;
    let name = store::display_name(&mut conn.conn(), &actor.id)
        .await?
        .ok_or(AppError::Unauthorized)?;
    Ok(Json(session_view(actor.kind, name)?))
}

/// Sign out of the staff app: ends the session and deletes its cookie. 204 either way.
#[utoipa::path(
    post,
    path = "/api/staff/sign-out",
    operation_id = "staff_sign_out",
    tag = "staff",
    responses((status = 204, description = "Signed out; the cookie is cleared"))
)]
async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Result<Response, AppError> {
    end_this_session(&state, SessionCookie::Staff, &headers).await
}

/// Sign out of the staff app on every device: ends every session of this officer or
/// supervisor (a lost or shared computer) and deletes this browser's cookie.
#[utoipa::path(
    post,
    path = "/api/staff/sign-out-everywhere",
    operation_id = "staff_sign_out_everywhere",
    tag = "staff",
    security(("staff_session_cookie" = [])),
    responses(
        (status = 204, description = "Every session of this account has ended; the cookie is cleared"),
        (status = 401, description = "Not signed in as staff, or the session has ended", body = ErrorBody),
    )
)]
async fn sign_out_everywhere(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Response, AppError> {
    end_every_session(&state, SessionCookie::Staff, &actor).await
}
