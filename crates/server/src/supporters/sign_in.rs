//! A supporter's sign-in: `POST /api/supporter-sign-in/invitation` (can this link still
//! be used?), `…/start` (send a code to my own contact details) and `…/verify` (exchange
//! it for a session). The first sign-in comes by the invitation's link, which it uses up;
//! later ones by contact details alone.
//!
//! The victim's protections apply, keyed by the contact's blind index instead of a crime
//! reference: the same per-address, global, per-key and wrong-code caps, 5 tries per code,
//! codes re-used within a minute and 8 a day; start always answers 202 and the work that
//! differs is the worker's (`codes`); every refused code is the same 422.

use axum::extract::State;
use axum::http::header::SET_COOKIE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use shared::api::supporters::{
    CheckInvitationRequest, StartSupporterSignInRequest, VerifySupporterSignInRequest,
};
use shared::api::{ErrorBody, SessionView, StartSignInResponse};
use shared::SignInCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{codes, invitation_unusable, store};
use crate::access::{Actor, ActorKind};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::rate_limit::{self, ClientIp};
use crate::platform::secrets;
use crate::platform::state::AppState;
use crate::sessions;
use crate::sign_in::rules::{self, Endpoint};
use crate::sign_in::store::SUPPORTER_CODES;
use crate::sign_in::{
    codes as code_checks, failures, open_session, too_many, verify_allowed, CODE_REJECTED,
};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(check_invitation))
        .routes(routes!(start))
        .routes(routes!(verify))
}

/// The contact as stored, or the field error.
fn parse_contact(state: &AppState, typed: &str) -> Result<String, FieldErrors> {
    super::rules::sign_in_contact(typed, state.config.phone_countries.as_slice())
        .ok_or_else(|| FieldErrors::single("contact", Message::server("supporters.contact_format")))
}

/// The per-address and global limits of `endpoint` for `ip`.
fn client_limits<'a>(
    state: &AppState,
    endpoint: Endpoint,
    ip: &'a str,
) -> [(rate_limit::Limit, &'a str); 2] {
    [
        (rules::per_ip(&state.config, endpoint), ip),
        (rules::global(&state.config, endpoint), rules::EVERYONE),
    ]
}

/// Whether an invitation link can still be used.
///
/// 204 if it can; a 422 on the field `invitation` if it has expired, been used, been
/// withdrawn or never existed (all the same message).
#[utoipa::path(
    post,
    path = "/api/supporter-sign-in/invitation",
    operation_id = "check_supporter_invitation",
    tag = "supporters",
    request_body = CheckInvitationRequest,
    responses(
        (status = 204, description = "The invitation can be used"),
        (status = 422, description = "It cannot: expired, used, withdrawn or made up", body = ErrorBody),
        (status = 429, description = "Too many requests", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn check_invitation(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(request): Json<CheckInvitationRequest>,
) -> Result<StatusCode, AppError> {
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    let allowed = rate_limit::hit_all(
        &mut tx.conn(),
        &client_limits(&state, Endpoint::Start, &ip),
        now,
    )
    .await?;
    let usable = store::invitation_usable(
        &mut tx.conn(),
        &secrets::token_hash(request.invitation.trim()),
        now,
    )
    .await?;
    tx.commit().await?;
    allowed.map_err(too_many)?;
    if usable {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(invitation_unusable())
    }
}

/// Ask for a supporter's sign-in code.
///
/// Always 202 for well-formed contact details, whether or not they are a supporter's
/// (with an invitation: whether or not they are the ones it was sent to). A code goes to
/// them if they are. An invitation that can no longer be used is a 422 on `invitation`. 429 after 5 requests an hour for one contact, or too many from one
/// address or from everyone.
#[utoipa::path(
    post,
    path = "/api/supporter-sign-in/start",
    operation_id = "start_supporter_sign_in",
    tag = "supporters",
    request_body = StartSupporterSignInRequest,
    responses(
        (status = 202, description = "If we can, we will send a code", body = StartSignInResponse),
        (status = 422, description = "The contact details are not a mobile number or email address, or the body is malformed", body = ErrorBody),
        (status = 429, description = "Too many requests: the message says when to try again", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn start(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    Json(request): Json<StartSupporterSignInRequest>,
) -> Result<(StatusCode, Json<StartSignInResponse>), AppError> {
    let contact = parse_contact(&state, &request.contact).map_err(AppError::Validation)?;
    let index = codes::contact_index(&state.keys, &contact);
    let key = codes::limit_key(&index);
    let now = state.clock.unix();
    let [per_ip, global] = client_limits(&state, Endpoint::Start, &ip);
    let limits = [per_ip, global, (rules::START_PER_REFERENCE, key.as_str())];
    let invitation = request
        .invitation
        .as_deref()
        .map(|token| secrets::token_hash(token.trim()));
    let mut tx = state.db.begin_write().await?;
    let allowed = rate_limit::hit_all(&mut tx.conn(), &limits, now).await?;
    if let (Ok(()), Some(invitation)) = (&allowed, &invitation) {
        if !store::invitation_usable(&mut tx.conn(), invitation, now).await? {
            tx.commit().await?;
            return Err(invitation_unusable());
        }
    }
    if allowed.is_ok() {
        store::queue_request(&mut tx.conn(), &index, invitation.as_deref(), now).await?;
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

/// Exchange a supporter's code for a session.
///
/// With an invitation (the first sign-in) the invitation is used up and the supporter
/// accepted. Sets the same session cookie as a victim's sign-in; the session covers the
/// case of the supporter's grant, and only what it lists. A wrong, expired, used or
/// unknown code is the same 422 on `code`; an invitation that can no longer be used a
/// 422 on `invitation`.
#[utoipa::path(
    post,
    path = "/api/supporter-sign-in/verify",
    operation_id = "verify_supporter_sign_in",
    tag = "supporters",
    request_body = VerifySupporterSignInRequest,
    responses(
        (status = 200, description = "Signed in; the session cookie is set", body = SessionView,
            headers(("set-cookie" = String, description = "__Host-su_session=…; HttpOnly; SameSite=Strict; Path=/; Max-Age=1800; Secure"))),
        (status = 422, description = "A field is in the wrong format, the code was not accepted, or the invitation cannot be used", body = ErrorBody),
        (status = 429, description = "Too many tries: the message says when to try again", body = ErrorBody,
            headers(("retry-after" = i64, description = "Seconds to wait"))),
    )
)]
async fn verify(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    Json(request): Json<VerifySupporterSignInRequest>,
) -> Result<Response, AppError> {
    let mut errors = FieldErrors::default();
    let contact = parse_contact(&state, &request.contact)
        .map_err(|e| errors.extend(e))
        .ok();
    let code = SignInCode::parse(&request.code)
        .map_err(|e| errors.add("code", e))
        .ok();
    let (Some(contact), Some(code)) = (contact, code) else {
        return Err(AppError::Validation(errors));
    };
    let index = codes::contact_index(&state.keys, &contact);
    let key = codes::limit_key(&index);
    let invitation = request
        .invitation
        .as_deref()
        .map(|token| secrets::token_hash(token.trim()));
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    if let Err(exceeded) = verify_allowed(&mut tx.conn(), &state, &ip, &key, now).await? {
        tx.commit().await?;
        return Err(too_many(exceeded));
    }
    if let Some(invitation) = &invitation {
        if !store::invitation_usable(&mut tx.conn(), invitation, now).await? {
            tx.commit().await?;
            return Err(invitation_unusable());
        }
    }
    let target = codes::target(&mut tx.conn(), &index, invitation.as_deref(), now).await?;
    let owner = target.as_ref().map(|target| target.supporter_id.as_str());
    let accepted = code_checks::try_code(
        &mut tx.conn(),
        &state.keys,
        SUPPORTER_CODES,
        owner,
        &key,
        code.as_str(),
        now,
    )
    .await
    .map_err(AppError::internal)?;
    let Some(target) = target.filter(|_| accepted) else {
        failures::count(&mut tx.conn(), &key, None, now).await?;
        // Commit: a wrong code must use up a try.
        tx.commit().await?;
        return Err(AppError::Validation(FieldErrors::single(
            "code",
            CODE_REJECTED,
        )));
    };
    if let Some(invitation) = &invitation {
        if !store::accept(&mut tx.conn(), &target.supporter_id, invitation, now).await? {
            return Err(invitation_unusable());
        }
    }
    store::signed_in(&mut tx.conn(), &target.supporter_id, now).await?;
    let actor = Actor {
        kind: ActorKind::Supporter,
        id: target.supporter_id.clone(),
        signed_in_case: None,
    };
    let cookie = open_session(
        &mut tx.conn(),
        &state,
        &headers,
        &actor,
        &target.case_id,
        now,
    )
    .await?;
    let view = sessions::supporter_view(&mut tx.conn(), &target.supporter_id).await?;
    tx.commit().await?;
    tracing::info!(supporter_id = %target.supporter_id, case_id = %target.case_id, "supporter signed in");
    Ok(([(SET_COOKIE, cookie)], Json(view)).into_response())
}
