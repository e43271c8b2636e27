//! `GET /api/cases/{crime_reference}`: a victim's case as they see it.

pub mod due_list;
pub mod rules;
pub mod stages;
pub mod store;
pub mod told;
pub mod vcop;

use axum::extract::State;
use shared::api::{CaseUpdateView, CaseView, ErrorBody, OfficerContact};

use self::store::UpdateRow;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, ActorKind, Capability, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::i18n::RequestLang;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::uk_time;
use crate::sessions::caller::CallerConnection;

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
    conn: CallerConnection,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<CaseView>, AppError> {
    let mut pooled = conn.take(&state.db).await?;
    let mut conn = pooled.conn();
    let now = state.clock.unix();
    let case = access::require(&mut conn, &actor, Capability::ReadCase, &reference, now).await?;
    let row = store::case_row(&mut conn, &case.case_id).await?;
    // Back to the pool now rather than after the response is built, and before the look
    // is recorded: on PostgreSQL the writer takes a connection of its own.
    drop(pooled);
    let row = row.ok_or(AppError::NotFound)?;
    let recorded = audit::record_read(&state, &actor, AuditAction::ReadCase, &case);
    // The look is queued for the writer first; the timeline is parsed while it commits (an
    // fsync shared with other requests) and the answer sent only once it has.
    let (recorded, timeline) = tokio::join!(recorded, async { parse_timeline(&row.12) });
    recorded?;
    let mut timeline = timeline?;
    if actor.kind == ActorKind::Victim && timeline.iter().any(UpdateRow::untold) {
        let today = told_by_portal(&state, &actor, &case, now).await?;
        for update in timeline.iter_mut().filter(|update| update.untold()) {
            update.8 = Some(today.clone());
        }
    }
    Ok(Json(case_view(row, timeline, lang)?))
}

/// The timeline `CASE_SQL` builds as JSON, parsed.
fn parse_timeline(timeline: &str) -> Result<Vec<UpdateRow>, AppError> {
    serde_json::from_str(timeline).map_err(|error| {
        // Not `error` itself: its message can quote the text it choked on.
        AppError::internal(anyhow::anyhow!(
            "the case timeline is not the JSON CASE_SQL makes ({:?} error at column {})",
            error.classify(),
            error.column()
        ))
    })
}

/// The case as the victim sees it.
fn case_view(
    row: store::CaseRow,
    timeline: Vec<UpdateRow>,
    lang: shared::Lang,
) -> Result<CaseView, AppError> {
    let (
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
        _timeline_json,
    ) = row;
    let stage = stages::find(&stage)
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("case has unknown stage {stage:?}")))?
        .view(lang);
    let updates = timeline
        .into_iter()
        .map(|update| update_view(update, enhanced_rights))
        .collect();
    Ok(CaseView {
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
    })
}

/// The victim is reading their case: every event they had not been told of is told by
/// the portal, today (UK), with its audit row. Only called when there are such events,
/// so an ordinary visit writes nothing. Returns today's date.
async fn told_by_portal(
    state: &AppState,
    actor: &Actor,
    case: &CaseAccess,
    now: i64,
) -> Result<String, AppError> {
    let today = uk_time::local(now).date;
    let entry = AuditEntry::new(actor, AuditAction::MarkTold, case, now);
    let case_id = case.case_id.clone();
    state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                told::mark_told_by_portal(conn, &case_id, today).await?;
                audit::record(conn, &entry).await
            })
        })
        .await?;
    tracing::info!(case_id = %case.case_id, "untold updates told by the portal");
    Ok(today.to_string())
}

/// An update as the API shows it, with its Victims' Code timing.
fn update_view(update: UpdateRow, enhanced_rights: bool) -> CaseUpdateView {
    let UpdateRow(
        id,
        date,
        title,
        what_happened,
        what_happens_next,
        vcop_event,
        event_date,
        deadline,
        told_on,
        language,
    ) = update;
    let stored = vcop::StoredVcop {
        vcop_event: vcop_event.as_deref(),
        event_date: event_date.as_deref(),
        deadline: deadline.as_deref(),
    };
    // Updates told before telling was recorded were told by being posted.
    let told_on = told_on.as_deref().unwrap_or(&date);
    let vcop = vcop::timing_for_row(&id, stored, told_on, enhanced_rights);
    CaseUpdateView {
        id,
        date,
        title,
        what_happened,
        what_happens_next,
        language,
        vcop,
    }
}
