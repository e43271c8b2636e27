//! `GET /api/staff/cases` ("My cases": every case the officer works, or the unit's for a
//! supervisor, soonest Victims' Code deadline first) and `GET /api/staff/cases/{ref}`
//! (one case, with the victim's safe-contact choices first).

use axum::extract::State;
use shared::api::staff::{StaffCaseView, StaffCasesView};
use shared::api::ErrorBody;
use shared::Lang;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::AuditAction;
use crate::case_list::{self, rules::CaseListQuery};
use crate::cases::stages;
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::i18n::RequestLang;
use crate::platform::json::Json;
use crate::platform::query::Query;
use crate::platform::state::AppState;
use crate::preferences::store as preferences;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(my_cases))
        .routes(routes!(one_case))
}

/// The cases this officer works (allocated to them or their team; `scope=mine`: to them
/// only), or, for a supervisor, every case of their unit's teams; soonest untold Victims'
/// Code deadline first unless `sort` says otherwise; filtered; 50 a page, with cursors.
#[utoipa::path(
    get,
    path = "/api/staff/cases",
    operation_id = "list_staff_cases",
    tag = "staff",
    params(CaseListQuery),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "One page of the caseload", body = StaffCasesView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 422, description = "A parameter is wrong (keys as the parameters)", body = ErrorBody),
    )
)]
async fn my_cases(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    Query(query): Query<CaseListQuery>,
) -> Result<Json<StaffCasesView>, AppError> {
    let request = case_list::rules::parse(&query, actor.kind).map_err(AppError::Validation)?;
    let now = state.clock.unix();
    let mut conn = state.db.acquire().await?;
    let view = case_list::page(&mut conn.conn(), &actor, &request, lang, now).await?;
    Ok(Json(view))
}

/// One case the officer works, with the victim's current contact preferences.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}",
    operation_id = "get_staff_case",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The case", body = StaffCaseView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn one_case(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<StaffCaseView>, AppError> {
    let now = state.clock.unix();
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadPreferences,
        AuditAction::ReadCase,
        &reference,
    )
    .await?;
    let summary = access::caseload_entry(&mut state.db.conn(), &case.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let current =
        preferences::current_or_initial(&state.db, &state.keys, &case.victim_id, now).await?;
    tracing::info!(case_id = %case.case_id, "staff read a case");
    Ok(Json(StaffCaseView {
        crime_reference: summary.crime_reference,
        crime_type: summary.crime_type,
        stage: stage_title(lang, summary.stage),
        enhanced_rights: summary.enhanced_rights,
        next_deadline: summary.next_deadline,
        sign_in_blocked: summary
            .sign_in_blocked_until
            .is_some_and(|until| until > now),
        undelivered_messages: u32::try_from(summary.undelivered_messages).unwrap_or(u32::MAX),
        preferences: current.view(lang)?,
    }))
}

/// A stage's title in `lang`; the stored code itself if the catalogue lacks it.
fn stage_title(lang: Lang, code: String) -> String {
    stages::find(&code).map_or(code, |stage| stage.view(lang).title)
}
