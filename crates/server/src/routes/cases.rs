//! `GET /api/cases/{crime_reference}`: a victim's case as they see it.

use axum::extract::{Path, State};
use shared::api::{CaseUpdateView, CaseView, ErrorBody, OfficerContact};
use shared::CrimeReference;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::AppError;
use crate::extract::{Caller, Json};
use crate::i18n::RequestLang;
use crate::stages;
use crate::state::AppState;
use crate::vcop;

/// The case and its officer, by the case id from the caller's scope.
pub(crate) const CASE_SQL: &str =
    "SELECT c.crime_reference, c.crime_type, c.crime_category, c.stage, c.enhanced_rights,
            c.reported_on, o.name, o.role, o.phone, o.phone_link, o.email, o.hours
     FROM cases c JOIN officers o ON o.id = c.officer_id
     WHERE c.id = $1";

/// The timeline, newest first: one backward range of `case_updates_case_timeline`.
pub(crate) const TIMELINE_SQL: &str =
    "SELECT id, update_date, title, what_happened, what_happens_next, vcop_event, event_date
     FROM case_updates WHERE case_id = $1
     ORDER BY update_date DESC, created_at DESC, id DESC";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(case))
}

/// A case: its stage explained, the officer, and the updates, newest first. Updates the
/// Victims' Code says we must tell you about carry `vcop`: the deadline and whether we
/// met it.
///
/// Percent-encode the slashes of the reference: `/api/cases/CR%2F100001%2F25`. A case
/// that does not exist and a case the caller may not read get the same 404.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}",
    operation_id = "get_case",
    tag = "cases",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The case", body = CaseView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn case(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    caller: Caller,
    Path(crime_reference): Path<String>,
) -> Result<Json<CaseView>, AppError> {
    let reference = CrimeReference::parse(&crime_reference).map_err(|_| AppError::NotFound)?;
    let scope = caller
        .scope_for(reference.as_str())
        .ok_or(AppError::NotFound)?;

    type CaseRow = (
        String,
        String,
        String,
        String,
        bool,
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    );
    let row: Option<CaseRow> = sqlx::query_as(CASE_SQL)
        .bind(&scope.case_id)
        .fetch_optional(&state.db)
        .await?;
    let Some((
        crime_reference,
        crime_type,
        crime_category,
        stage,
        enhanced_rights,
        reported_on,
        name,
        role,
        phone,
        phone_link,
        email,
        hours,
    )) = row
    else {
        return Err(AppError::NotFound);
    };
    let stage = stages::find(&stage)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("case has unknown stage {stage:?}")))?
        .view(lang);

    type UpdateRow = (
        String,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<String>,
    );
    let updates: Vec<UpdateRow> = sqlx::query_as(TIMELINE_SQL)
        .bind(&scope.case_id)
        .fetch_all(&state.db)
        .await?;
    let updates = updates
        .into_iter()
        .map(
            |(id, date, title, what_happened, what_happens_next, vcop_event, event_date)| {
                let vcop = vcop::timing_for_row(
                    &id,
                    vcop_event.as_deref(),
                    event_date.as_deref(),
                    &date,
                    enhanced_rights,
                );
                CaseUpdateView {
                    id,
                    date,
                    title,
                    what_happened,
                    what_happens_next,
                    vcop,
                }
            },
        )
        .collect();

    Ok(Json(CaseView {
        crime_reference,
        crime_type,
        crime_category,
        stage,
        enhanced_rights,
        reported_on,
        officer: OfficerContact {
            name,
            role,
            phone,
            phone_link,
            email,
            hours,
        },
        updates,
    }))
}
