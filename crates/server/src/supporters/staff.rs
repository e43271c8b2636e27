//! The staff app's supporters of a case: officers who work the case see them, add a
//! child's parent or guardian or a bereaved family's nominated spokesperson (with the
//! reason recorded), and remove one where the victim asks or there is a safeguarding
//! concern (with the reason recorded).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use shared::api::supporters::{
    StaffAddSupporterRequest, StaffRemoveSupporterRequest, SupportersView,
};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{manage, portal_address, read, rules};
use crate::access::{self, Actor, Capability};
use crate::platform::case_path::CasePath;
use crate::platform::db;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use shared::Lang;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, add))
        .routes(routes!(remove))
}

/// The case's supporters, as the victim sees them.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/supporters",
    operation_id = "get_case_supporters",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The people who help the victim", body = SupportersView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn list(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<SupportersView>, AppError> {
    read(&state, &actor, &reference).await
}

/// Add a parent or guardian (a child's case) or a nominated family spokesperson (a
/// bereaved family), with why. They are invited like anyone a victim invites; their access
/// lasts a year unless removed.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/supporters",
    operation_id = "add_case_supporter",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = StaffAddSupporterRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 201, description = "Added and invited; the case's supporters now", body = SupportersView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
        (status = 422, description = "A field is wrong (a reason is required; only a parent or guardian or a family spokesperson), they already help, or the case has 10 supporters", body = ErrorBody),
    )
)]
async fn add(
    State(state): State<AppState>,
    headers: HeaderMap,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<StaffAddSupporterRequest>,
) -> Result<(StatusCode, Json<SupportersView>), AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ManageSupporters, &reference).await?;
    let mut errors = crate::platform::error::FieldErrors::default();
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
    .map_err(|e| errors.extend(e))
    .ok();
    let relationship = rules::staff_relationship(request.relationship)
        .map_err(|e| errors.extend(e))
        .ok();
    let reason = rules::reason(&request.reason)
        .map_err(|e| errors.extend(e))
        .ok();
    let (Some(details), Some(_), Some(reason)) = (details, relationship, reason) else {
        return Err(AppError::Validation(errors));
    };
    let now = state.clock.unix();
    let portal = portal_address(&state.config, &headers);
    let mut tx = state.db.begin_write().await?;
    // The invitation is written in the victim's language: the family's, as far as the
    // service knows.
    let lang = victim_lang(&mut tx.conn(), &case.victim_id).await?;
    let adding = manage::Adding {
        details,
        reason: Some(reason),
        grant_days: rules::STAFF_GRANT_DAYS,
        lang,
        portal: &portal,
    };
    manage::add(&mut tx.conn(), &state.keys, &actor, &case, &adding, now).await?;
    let supporters = manage::views(&mut tx.conn(), &state.keys, &case.case_id, now).await?;
    tx.commit().await?;
    state.delivery_wake.notify_one();
    Ok((StatusCode::CREATED, Json(SupportersView { supporters })))
}

async fn victim_lang(
    conn: &mut crate::platform::db::Conn<'_>,
    victim_id: &str,
) -> Result<Lang, AppError> {
    let tag = super::store::victim_language(conn, victim_id).await?;
    Ok(tag.and_then(|tag| Lang::from_tag(&tag)).unwrap_or_default())
}

/// Remove a supporter (the victim asked, or a safeguarding concern), with why: their
/// access and sessions end at once. Removing one already removed changes nothing.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/supporters/{supporter_id}/remove",
    operation_id = "remove_case_supporter",
    tag = "staff",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("supporter_id" = String, Path, description = "The supporter's id"),
    ),
    request_body = StaffRemoveSupporterRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Removed; the case's supporters now", body = SupportersView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case or supporter, or not one you work", body = ErrorBody),
        (status = 422, description = "No reason given, or the body is malformed", body = ErrorBody),
    )
)]
async fn remove(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, supporter_id)): Path<(String, String)>,
    Json(request): Json<StaffRemoveSupporterRequest>,
) -> Result<Json<SupportersView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ManageSupporters, &reference).await?;
    let reason = rules::reason(&request.reason).map_err(AppError::Validation)?;
    let now = state.clock.unix();
    let mut tx = state.db.begin_write().await?;
    db::serialise(&mut tx.conn(), &case.case_id).await?;
    manage::remove(
        &mut tx.conn(),
        &state.keys,
        &actor,
        &case,
        &supporter_id,
        Some(&reason),
        now,
    )
    .await?;
    let supporters = manage::views(&mut tx.conn(), &state.keys, &case.case_id, now).await?;
    tx.commit().await?;
    Ok(Json(SupportersView { supporters }))
}
