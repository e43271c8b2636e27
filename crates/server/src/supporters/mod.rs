//! Supporters: people a victim chooses to help them (a family member, a friend), or an
//! officer adds for a child or a bereaved family, each signing in with their own contact
//! details and a one-time code, and seeing only what was granted.
//!
//! - The victim's routes (`/api/cases/{ref}/supporters…`): list, invite, change what one
//!   may do, remove one (their sessions end in the same transaction).
//! - The staff routes (`staff`): list, add a parent/guardian or family spokesperson with
//!   a reason, remove one with a reason.
//! - Sign-in (`sign_in`, `codes`): by the invitation's link the first time, then by
//!   contact details; the victim's sign-in protections apply.
//!
//! The access question is the one every handler asks (`access::require`): a grant lists
//! capabilities (`rules::capabilities`), and `manage_supporters` is never a supporter's,
//! so no supporter sees or changes who else helps.

pub mod codes;
mod manage;
pub mod rules;
mod sign_in;
mod staff;
pub mod store;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use shared::api::supporters::{ChangeSupporterRequest, InviteSupporterRequest, SupportersView};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::platform::case_path::CasePath;
use crate::platform::config::Config;
use crate::platform::db;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::{Message, RequestLang};
use crate::platform::json::Json;
use crate::platform::state::AppState;

pub use manage::MAX_SUPPORTERS;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, invite))
        .routes(routes!(change))
        .routes(routes!(remove))
        .merge(staff::router())
        .merge(sign_in::router())
}

/// The case's supporters, with what each may do and did lately.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/supporters",
    operation_id = "get_supporters",
    tag = "supporters",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The people who help the victim", body = SupportersView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<SupportersView>, AppError> {
    read(&state, &actor, &reference).await
}

/// The supporters of a case after the access question and the audit row: both apps'
/// list.
async fn read(
    state: &AppState,
    actor: &Actor,
    reference: &shared::CrimeReference,
) -> Result<Json<SupportersView>, AppError> {
    let case = access::require_read(
        state,
        actor,
        Capability::ManageSupporters,
        AuditAction::ReadSupporters,
        reference,
    )
    .await?;
    let mut conn = state.db.acquire().await?;
    let supporters = manage::views(
        &mut conn.conn(),
        &state.keys,
        &case.case_id,
        state.clock.unix(),
    )
    .await?;
    Ok(Json(SupportersView { supporters }))
}

/// Invite someone to help: their name, a mobile number or email address, who they are to
/// the victim, what they may do and for how long. The invitation goes to them at once
/// (neutral words and a single-use link that works for 7 days).
#[utoipa::path(
    post,
    path = "/api/cases/{crime_reference}/supporters",
    operation_id = "invite_supporter",
    tag = "supporters",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = InviteSupporterRequest,
    security(("session_cookie" = [])),
    responses(
        (status = 201, description = "Invited; the case's supporters now", body = SupportersView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 422, description = "A field is wrong, they already help, or the case has 10 supporters", body = ErrorBody),
    )
)]
async fn invite(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<InviteSupporterRequest>,
) -> Result<(StatusCode, Json<SupportersView>), AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ManageSupporters, &reference).await?;
    let details = rules::details(
        rules::Typed {
            name: &request.name,
            channel: request.channel,
            contact: &request.contact,
            relationship: request.relationship,
            permissions: &request.permissions,
        },
        state.config.phone_countries.as_slice(),
    )
    .map_err(AppError::Validation)?;
    let portal = portal_address(&state.config, &headers);
    let adding = manage::Adding {
        details,
        reason: None,
        grant_days: request.access_length.days(),
        lang,
        portal: &portal,
    };
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    manage::add(&mut tx.conn(), &state.keys, &actor, &case, &adding, now).await?;
    let supporters = manage::views(&mut tx.conn(), &state.keys, &case.case_id, now).await?;
    tx.commit().await?;
    state.delivery_wake.notify_one();
    Ok((StatusCode::CREATED, Json(SupportersView { supporters })))
}

/// Change what a supporter may do, from their next request on. Only supporters the victim
/// invited: one an officer added is changed by the officer.
#[utoipa::path(
    put,
    path = "/api/cases/{crime_reference}/supporters/{supporter_id}",
    operation_id = "change_supporter",
    tag = "supporters",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("supporter_id" = String, Path, description = "The supporter's id"),
    ),
    request_body = ChangeSupporterRequest,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Changed; the case's supporters now", body = SupportersView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case or supporter, or not yours", body = ErrorBody),
        (status = 409, description = "An officer added this supporter", body = ErrorBody),
        (status = 422, description = "No permission chosen, or the body is malformed", body = ErrorBody),
    )
)]
async fn change(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, supporter_id)): Path<(String, String)>,
    Json(request): Json<ChangeSupporterRequest>,
) -> Result<Json<SupportersView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ManageSupporters, &reference).await?;
    let permissions = rules::permissions(&request.permissions).map_err(AppError::Validation)?;
    let capabilities = rules::grant_text(&permissions).map_err(AppError::internal)?;
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    db::serialise(&mut tx.conn(), &case.case_id).await?;
    match store::on_case(&mut tx.conn(), &case.case_id, &supporter_id).await? {
        Some(found) if found.removed => return Err(AppError::NotFound),
        Some(found) if !found.added_by_victim() => return Err(added_by_officer()),
        Some(_) => {}
        None => return Err(AppError::NotFound),
    }
    store::set_capabilities(&mut tx.conn(), &supporter_id, &capabilities).await?;
    audit::record(
        &mut tx.conn(),
        &AuditEntry::new(&actor, AuditAction::ChangeSupporter, &case, now),
    )
    .await?;
    let supporters = manage::views(&mut tx.conn(), &state.keys, &case.case_id, now).await?;
    tx.commit().await?;
    tracing::info!(case_id = %case.case_id, supporter_id, "supporter's permissions changed");
    Ok(Json(SupportersView { supporters }))
}

fn added_by_officer() -> AppError {
    AppError::Conflict {
        field: "supporter",
        message: "supporter_added_by_officer",
    }
}

/// Remove a supporter at once: their access and every session they have end now, and any
/// invitation or code they hold stops working. Only supporters the victim invited.
/// Removing one already removed changes nothing.
#[utoipa::path(
    post,
    path = "/api/cases/{crime_reference}/supporters/{supporter_id}/remove",
    operation_id = "remove_supporter",
    tag = "supporters",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("supporter_id" = String, Path, description = "The supporter's id"),
    ),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Removed; the case's supporters now", body = SupportersView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case or supporter, or not yours", body = ErrorBody),
        (status = 409, description = "An officer added this supporter", body = ErrorBody),
    )
)]
async fn remove(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, supporter_id)): Path<(String, String)>,
) -> Result<Json<SupportersView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ManageSupporters, &reference).await?;
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    // Changes to one case's supporters take turns, so this check holds until the commit.
    db::serialise(&mut tx.conn(), &case.case_id).await?;
    let found = store::on_case(&mut tx.conn(), &case.case_id, &supporter_id).await?;
    if found.is_some_and(|found| !found.added_by_victim()) {
        return Err(added_by_officer());
    }
    manage::remove(
        &mut tx.conn(),
        &state.keys,
        &actor,
        &case,
        &supporter_id,
        None,
        now,
    )
    .await?;
    let supporters = manage::views(&mut tx.conn(), &state.keys, &case.case_id, now).await?;
    tx.commit().await?;
    Ok(Json(SupportersView { supporters }))
}

/// The portal's address for links in messages: the configured public origin, else the
/// `Origin` of the request (the same-origin check has already matched it to `Host`), else
/// `Host` over HTTPS.
fn portal_address(config: &Config, headers: &HeaderMap) -> String {
    let header = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    if let Some(origin) = &config.public_origin {
        return origin.clone();
    }
    if let Some(origin) = header("origin") {
        return origin.to_owned();
    }
    format!("https://{}", header("host").unwrap_or("localhost"))
}

/// The field error for an unusable invitation link: expired, used, withdrawn or made up
/// all read the same.
fn invitation_unusable() -> AppError {
    AppError::Validation(FieldErrors::single(
        "invitation",
        Message::server("supporters.invitation_unusable"),
    ))
}
