//! Case management in the staff app: change a case's stage, set or clear enhanced rights
//! with a reason, and (supervisors) reallocate a case to another officer or team of the
//! unit. Every change is one write job with its `case_changes` row and its audit row.
//! Changing enhanced rights does not recompute the deadlines of events already
//! recorded; events recorded afterwards use the new setting.

pub mod rules;
pub mod store;
mod writes;

use axum::extract::State;
use axum::http::StatusCode;
use shared::api::case_management::{
    AllocationOfficer, AllocationOptionsView, AllocationTeam, CaseChangeKind, CaseChangeView,
    CaseManagementView, ChangeStageRequest, EnhancedRightsRequest, ReallocateRequest, StageChoice,
};
use shared::api::ErrorBody;
use shared::Lang;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, ActorKind, Capability};
use crate::audit::{self, AuditAction};
use crate::cases::stages::{self, STAGES};
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::i18n::{text, RequestLang};
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::stored::{enum_from_text, rfc3339};
use crate::staff::store as staff_store;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(management))
        .routes(routes!(change_stage))
        .routes(routes!(set_enhanced_rights))
        .routes(routes!(reallocate))
        .routes(routes!(allocation_options))
}

/// The case's stage, enhanced rights, allocation and their recorded changes, with the
/// stages to choose from.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/management",
    operation_id = "get_case_management",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The case's management state", body = CaseManagementView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn management(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<CaseManagementView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::ReadCase, &reference).await?;
    // Asking the access question again says whether to offer the reallocation form.
    let may_reallocate =
        access::require_case(&state, &actor, Capability::ReallocateCase, &reference)
            .await
            .is_ok();
    let mut conn = state.db.acquire().await?;
    let now = store::case_state(&mut conn.conn(), &case.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let changes = store::changes(&mut conn.conn(), &case.case_id).await?;
    drop(conn);
    audit::record_read(&state, &actor, AuditAction::ReadCase, &case).await?;
    Ok(Json(CaseManagementView {
        stages: STAGES
            .iter()
            .map(|stage| StageChoice {
                code: stage.code.to_owned(),
                title: stage.view(lang).title,
            })
            .collect(),
        stage: now.stage,
        enhanced_rights: now.enhanced_rights,
        officer_id: now.officer_id,
        officer_name: now.officer_name,
        team_id: now.team_id,
        team_name: now.team_name,
        may_reallocate,
        changes: changes
            .into_iter()
            .filter_map(|row| change_view(row, lang))
            .collect(),
    }))
}

/// A recorded change in words; `None` for a kind this version does not know.
fn change_view(row: store::ChangeRow, lang: Lang) -> Option<CaseChangeView> {
    let what: CaseChangeKind = enum_from_text(&row.what).ok()?;
    let words = |value: Option<String>, name: Option<String>| match what {
        CaseChangeKind::Stage => {
            value.map(|code| stages::find(&code).map_or(code, |stage| stage.view(lang).title))
        }
        CaseChangeKind::EnhancedRights => value.map(|flag| {
            let key = if flag == "true" { "yes" } else { "no" };
            text(lang, &format!("server.case_management.{key}")).to_owned()
        }),
        CaseChangeKind::Officer | CaseChangeKind::Team => name.or(value),
    };
    Some(CaseChangeView {
        what,
        at: rfc3339(row.at).ok()?,
        by: row.by.unwrap_or_default(),
        from: words(row.from, row.from_name),
        to: words(row.to, row.to_name),
        reason: row.reason,
    })
}

/// Move the case to another stage of the catalogue.
#[utoipa::path(
    put,
    path = "/api/staff/cases/{crime_reference}/stage",
    operation_id = "change_case_stage",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ChangeStageRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 204, description = "Changed (or already at that stage)"),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you may change", body = ErrorBody),
        (status = 422, description = "Not a stage of the catalogue (field `stage`), or a malformed body", body = ErrorBody),
    )
)]
async fn change_stage(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<ChangeStageRequest>,
) -> Result<StatusCode, AppError> {
    let case = access::require_case(&state, &actor, Capability::ChangeCase, &reference).await?;
    let stage = rules::stage(&request.stage).map_err(AppError::Validation)?;
    let now = state.clock.unix();
    let case_id = case.case_id.clone();
    state
        .writes
        .run(move |conn| {
            Box::pin(async move { writes::change_stage(conn, &actor, &case, stage, now).await })
        })
        .await?;
    tracing::info!(%case_id, "case stage changed");
    Ok(StatusCode::NO_CONTENT)
}

/// Set or clear enhanced rights, with a reason (recorded). Deadlines of events already
/// recorded stay as they were; events recorded afterwards use the new setting.
#[utoipa::path(
    put,
    path = "/api/staff/cases/{crime_reference}/enhanced-rights",
    operation_id = "set_case_enhanced_rights",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = EnhancedRightsRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 204, description = "Changed"),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you may change", body = ErrorBody),
        (status = 422, description = "No reason or too long (field `reason`), already so (field `enhanced_rights`), or a malformed body", body = ErrorBody),
    )
)]
async fn set_enhanced_rights(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<EnhancedRightsRequest>,
) -> Result<StatusCode, AppError> {
    let case = access::require_case(&state, &actor, Capability::ChangeCase, &reference).await?;
    let reason = rules::reason(&request.reason).map_err(AppError::Validation)?;
    let (now, wanted, case_id) = (
        state.clock.unix(),
        request.enhanced_rights,
        case.case_id.clone(),
    );
    state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                writes::set_enhanced_rights(conn, &actor, &case, (wanted, &reason), now).await
            })
        })
        .await?;
    tracing::info!(%case_id, enhanced_rights = wanted, "case enhanced rights changed");
    Ok(StatusCode::NO_CONTENT)
}

/// Reallocate the case to another officer or team of the supervisor's unit.
#[utoipa::path(
    put,
    path = "/api/staff/cases/{crime_reference}/allocation",
    operation_id = "reallocate_case",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ReallocateRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 204, description = "Reallocated (or already so)"),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, not of your unit, or not a supervisor", body = ErrorBody),
        (status = 422, description = "No officer or team, or one not of your unit (fields `officer_id`, `team_id`)", body = ErrorBody),
    )
)]
async fn reallocate(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<ReallocateRequest>,
) -> Result<StatusCode, AppError> {
    let case = access::require_case(&state, &actor, Capability::ReallocateCase, &reference).await?;
    let (now, case_id) = (state.clock.unix(), case.case_id.clone());
    state
        .writes
        .run(move |conn| {
            Box::pin(async move { writes::reallocate(conn, &actor, &case, &request, now).await })
        })
        .await?;
    tracing::info!(%case_id, "case reallocated");
    Ok(StatusCode::NO_CONTENT)
}

/// The officers (with an officer card) and teams of the supervisor's unit, for the
/// reallocation form.
#[utoipa::path(
    get,
    path = "/api/staff/unit/allocation-options",
    operation_id = "list_allocation_options",
    tag = "staff",
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The unit's officers and teams", body = AllocationOptionsView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "Not signed in as a supervisor", body = ErrorBody),
    )
)]
async fn allocation_options(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<AllocationOptionsView>, AppError> {
    if actor.kind != ActorKind::Supervisor {
        return Err(AppError::NotFound);
    }
    let mut conn = state.db.acquire().await?;
    let unit = staff_store::live_supervisor_unit(&mut conn.conn(), &actor.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let officers = store::unit_officers(&mut conn.conn(), &unit).await?;
    let teams = store::unit_teams(&mut conn.conn(), &unit).await?;
    Ok(Json(AllocationOptionsView {
        officers: officers
            .into_iter()
            .map(|(officer_id, name, team_id)| AllocationOfficer {
                officer_id,
                name,
                team_id,
            })
            .collect(),
        teams: teams
            .into_iter()
            .map(|(team_id, name)| AllocationTeam { team_id, name })
            .collect(),
    }))
}
