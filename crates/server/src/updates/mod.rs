//! Officers post updates against the Victims' Code and record how the victim was told:
//! `POST /api/staff/cases/{ref}/updates` (the victim sees it at once and is sent a
//! neutral "you have a new update" at a safe time), `GET …/updates` (the staff timeline),
//! `POST …/updates/{id}/told` (told by call or visit), and `GET /api/staff/due`.

mod due;
pub mod store;
mod validate;

pub use due::status;
pub use validate::{validate, ValidUpdate};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use shared::api::updates::{
    MarkToldRequest, NewUpdate, StaffUpdateView, StaffUpdatesView, TellingMethod,
};
use shared::api::ErrorBody;
use shared::CalendarDate;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::cases::{rules, told};
use crate::outbox;
use crate::platform::case_path::CasePath;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::uk_time;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_updates, post_update))
        .routes(routes!(mark_told))
        .routes(routes!(due::due_list))
}

/// The case's updates as the officer sees them (newest first, each with its deadline and
/// whether and how the victim was told), and what the form needs.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/updates",
    operation_id = "list_staff_updates",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The timeline", body = StaffUpdatesView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn list_updates(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<StaffUpdatesView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::ReadCase, &reference).await?;
    audit::record_read(&state, &actor, AuditAction::ReadCase, &case).await?;
    let mut conn = state.db.acquire().await?;
    let facts = store::case_facts(&mut conn.conn(), &case.case_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let updates = store::timeline(&mut conn.conn(), &case.case_id).await?;
    Ok(Json(StaffUpdatesView {
        updates,
        victim_language: facts.victim_language,
        enhanced_rights: facts.enhanced_rights,
        reported_on: facts.reported_on,
        today: uk_time::local(state.clock.unix()).date.to_string(),
    }))
}

/// Post an update. The server works out its Victims' Code deadline from the event date
/// by the rule in force that day; the victim sees it at once, and is sent "you have a
/// new update" by their safe method at their next safe time.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/updates",
    operation_id = "post_update",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = NewUpdate,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 201, description = "Posted", body = StaffUpdateView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
        (status = 422, description = "A field is wrong (keys as on NewUpdate), or the body is malformed", body = ErrorBody),
    )
)]
async fn post_update(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(update): Json<NewUpdate>,
) -> Result<(StatusCode, Json<StaffUpdateView>), AppError> {
    let case = access::require_case(&state, &actor, Capability::PostUpdate, &reference).await?;
    let now = state.clock.unix();
    let entry = AuditEntry::new(&actor, AuditAction::PostUpdate, &case, now);
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let today = uk_time::local(now).date;
                let facts = store::case_facts(conn, &case.case_id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let reported_on = CalendarDate::parse(&facts.reported_on)
                    .map_err(|_| AppError::internal(anyhow::anyhow!("unreadable reported_on")))?;
                let valid = validate(update, reported_on, today).map_err(AppError::Validation)?;
                let deadline =
                    rules::deadline(conn, valid.event, valid.event_date, facts.enhanced_rights)
                        .await?;
                let id = uuid::Uuid::now_v7().to_string();
                store::insert(
                    conn,
                    &store::NewRow {
                        id: &id,
                        case_id: &case.case_id,
                        posted_on: today,
                        event: valid.event,
                        event_date: valid.event_date,
                        deadline: deadline.map(|d| d.date),
                        title: &valid.title,
                        what_happened: &valid.what_happened,
                        what_happens_next: &valid.what_happens_next,
                        language: valid.language,
                        now,
                    },
                )
                .await?;
                outbox::queue_case_update(conn, &case.victim_id, &case.case_id, &id, now).await?;
                audit::record(conn, &entry).await?;
                store::one(conn, &case.case_id, &id)
                    .await?
                    .ok_or_else(|| AppError::internal(anyhow::anyhow!("posted update not found")))
            })
        })
        .await?;
    tracing::info!(update_id = %view.id, "update posted");
    Ok((StatusCode::CREATED, Json(view)))
}

/// Record that the officer told the victim of an update, by `call` or `visit`, today. An
/// update already told keeps its first telling (the answer shows it).
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/updates/{update_id}/told",
    operation_id = "mark_update_told",
    tag = "staff",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("update_id" = String, Path, description = "The update's id"),
    ),
    request_body = MarkToldRequest,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Told; the update as it now stands", body = StaffUpdateView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case or update, or not one you work", body = ErrorBody),
        (status = 422, description = "`method` is not call or visit, or the body is malformed", body = ErrorBody),
    )
)]
async fn mark_told(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, update_id)): Path<(String, String)>,
    Json(request): Json<MarkToldRequest>,
) -> Result<Json<StaffUpdateView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::PostUpdate, &reference).await?;
    if !matches!(request.method, TellingMethod::Call | TellingMethod::Visit) {
        return Err(AppError::Validation(FieldErrors::single(
            "method",
            Message::server("updates.told_method"),
        )));
    }
    let now = state.clock.unix();
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(
                async move { told_now(conn, &actor, &case, &update_id, request.method, now).await },
            )
        })
        .await?;
    tracing::info!(update_id = %view.id, "update marked told");
    Ok(Json(view))
}

/// The write job of `mark_told`: marks the update (if untold) and records it.
async fn told_now(
    conn: &mut crate::platform::db::Conn<'_>,
    actor: &Actor,
    case: &CaseAccess,
    update_id: &str,
    method: TellingMethod,
    now: i64,
) -> Result<StaffUpdateView, AppError> {
    store::one(conn, &case.case_id, update_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let today = uk_time::local(now).date;
    if told::mark_told(conn, &case.case_id, update_id, method, today).await? {
        audit::record(
            conn,
            &AuditEntry::new(actor, AuditAction::MarkTold, case, now),
        )
        .await?;
    }
    store::one(conn, &case.case_id, update_id)
        .await?
        .ok_or(AppError::NotFound)
}
