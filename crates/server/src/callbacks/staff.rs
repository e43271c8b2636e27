//! The officer's callback routes: the queue across their cases
//! (`GET /api/staff/callbacks`), a case's requests (`GET /api/staff/cases/{ref}/callbacks`),
//! booking a call inside a window the victim chose (`…/{id}/schedule`) and closing a
//! request (`…/{id}/complete`). An attempt that does not close a request is a contact
//! (`POST /api/staff/cases/{ref}/contacts` with its `callback_id`).

use axum::extract::{Path, State};
use serde::Deserialize;
use shared::api::callbacks::CallbackView;
use shared::api::staff_callbacks::{
    CallbackQueueView, CompleteCallback, QueueScope, ScheduleCallback, StaffCallbackView,
    StaffCaseCallbacksView, QUEUE_PAGE_SIZE,
};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::queue::{order_key, unsafe_now};
use super::{staff_store, staff_writes};
use crate::access::{self, Actor, Capability, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::contact_log;
use crate::platform::case_path::CasePath;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Conn;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::query::{number_in, Query};
use crate::platform::state::AppState;
use crate::platform::stored::{enum_from_text, enum_text};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(callback_queue))
        .routes(routes!(case_callbacks))
        .routes(routes!(schedule_callback))
        .routes(routes!(complete_callback))
}

/// `?scope=&page=` of the queue, as typed.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct QueueQuery {
    /// `mine` (cases allocated to you; a supervisor's unit) or `unit` (your team's too).
    #[param(inline, value_type = Option<QueueScope>)]
    scope: Option<String>,
    /// 1-based page of `QUEUE_PAGE_SIZE` requests.
    #[param(value_type = Option<u32>, minimum = 1)]
    page: Option<String>,
}

/// Open callback requests across the cases you work: "I feel unsafe now" first, then the
/// soonest call (booked time, else the earliest window), a page at a time.
#[utoipa::path(
    get,
    path = "/api/staff/callbacks",
    operation_id = "list_staff_callback_queue",
    tag = "staff",
    params(QueueQuery),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "A page of the queue", body = CallbackQueueView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 422, description = "`scope` or `page` is not one we know", body = ErrorBody),
    )
)]
async fn callback_queue(
    State(state): State<AppState>,
    actor: Actor,
    Query(query): Query<QueueQuery>,
) -> Result<Json<CallbackQueueView>, AppError> {
    if !actor.kind.is_staff() {
        return Err(AppError::Unauthorized);
    }
    let (scope, page) = queue_params(&query).map_err(AppError::Validation)?;
    let kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    let mut conn = state.db.acquire().await?;
    let mut queued =
        staff_store::queue(&mut conn.conn(), &state.keys, &actor.id, &kind, scope).await?;
    queued.sort_by_cached_key(|request| order_key(&request.view));
    let total = u32::try_from(queued.len()).unwrap_or(u32::MAX);
    let skip = usize::try_from((page - 1) * QUEUE_PAGE_SIZE).unwrap_or(usize::MAX);
    let on_page: Vec<_> = queued
        .into_iter()
        .skip(skip)
        .take(QUEUE_PAGE_SIZE as usize)
        .collect();
    let mut callbacks = Vec::with_capacity(on_page.len());
    let mut cases: Vec<CaseAccess> = Vec::new();
    for request in on_page {
        let case = CaseAccess {
            case_id: request.case_id,
            victim_id: request.victim_id,
        };
        let view = staff_view(&mut conn.conn(), &state.keys, &case, request.view).await?;
        callbacks.push(StaffCallbackView {
            crime_reference: request.crime_reference,
            ..view
        });
        if !cases.contains(&case) {
            cases.push(case);
        }
    }
    drop(conn);
    // One look recorded per case shown, before the page is answered.
    let (reader, now) = (actor.clone(), state.clock.unix());
    state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                for case in &cases {
                    let entry = AuditEntry::new(&reader, AuditAction::ReadCallbacks, case, now);
                    audit::record(conn, &entry).await?;
                }
                Ok(())
            })
        })
        .await?;
    Ok(Json(CallbackQueueView {
        callbacks,
        page,
        page_size: QUEUE_PAGE_SIZE,
        total,
    }))
}

/// `(scope, page)` from the query, or a field error for each wrong one.
fn queue_params(query: &QueueQuery) -> Result<(QueueScope, u32), FieldErrors> {
    let mut errors = FieldErrors::default();
    let scope = match query.scope.as_deref() {
        None => Some(QueueScope::Mine),
        Some(text) => enum_from_text(text.trim()).ok(),
    };
    if scope.is_none() {
        errors.add("scope", Message::server("staff_callbacks.scope"));
    }
    let page = number_in(query.page.as_deref(), 1..=100_000, 1);
    if page.is_none() {
        errors.add("page", Message::server("staff_callbacks.page"));
    }
    match (scope, page) {
        (Some(scope), Some(page)) => Ok((scope, page)),
        _ => Err(errors),
    }
}

/// A request as the officer sees it: flagged when unsafe now, and when its number is
/// stopped. `crime_reference` is left for the caller to fill.
async fn staff_view(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case: &CaseAccess,
    view: CallbackView,
) -> Result<StaffCallbackView, AppError> {
    let phone = staff_store::phone(conn, keys, &case.case_id, &view.id).await?;
    let number_flagged = match phone {
        Some(phone) => contact_log::number_stopped(conn, keys, &case.victim_id, &phone).await?,
        None => false,
    };
    Ok(StaffCallbackView {
        crime_reference: String::new(),
        unsafe_now: unsafe_now(&view),
        number_flagged,
        callback: view,
    })
}

/// A case's callback requests, newest first, as the officer sees them.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/callbacks",
    operation_id = "list_staff_case_callbacks",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The case's requests", body = StaffCaseCallbacksView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn case_callbacks(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<StaffCaseCallbacksView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::WorkCallbacks, &reference).await?;
    audit::record_read(&state, &actor, AuditAction::ReadCallbacks, &case).await?;
    let mut conn = state.db.acquire().await?;
    let list = super::list(&mut conn.conn(), &state.keys, &case.case_id).await?;
    let mut callbacks = Vec::with_capacity(list.len());
    for view in list {
        let view = staff_view(&mut conn.conn(), &state.keys, &case, view).await?;
        callbacks.push(StaffCallbackView {
            crime_reference: reference.as_str().to_owned(),
            ..view
        });
    }
    Ok(Json(StaffCaseCallbacksView { callbacks }))
}

/// Book a call (or move a booking) for an open request.
///
/// The call (`CALL_SLOT_MINUTES` from `start`) must fit one of the windows the victim
/// chose for this request AND their current safe times, and start in the future; and the
/// number must not be stopped (someone else answered it). 422 otherwise.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/schedule",
    operation_id = "schedule_staff_callback",
    tag = "staff",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("callback_id" = String, Path, description = "The request's id"),
    ),
    request_body = ScheduleCallback,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Booked", body = CallbackView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case or request, or not one you work", body = ErrorBody),
        (status = 422, description = "Outside the victim's windows or safe times, in the past, the number is stopped, or the request is closed (keys `date`, `start`, `callback`)", body = ErrorBody),
    )
)]
async fn schedule_callback(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, callback_id)): Path<(String, String)>,
    Json(asked): Json<ScheduleCallback>,
) -> Result<Json<CallbackView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::WorkCallbacks, &reference).await?;
    let (now, keys, case_id, id) = (
        state.clock.unix(),
        state.keys.clone(),
        case.case_id.clone(),
        callback_id.clone(),
    );
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                staff_writes::schedule(conn, &keys, (&actor, &case), &id, asked, now).await
            })
        })
        .await?;
    tracing::info!(case_id = %case_id, callback_id = %callback_id, "callback scheduled");
    Ok(Json(view))
}

/// Close an open request with its outcome. "Spoke to the victim" is logged as a contact.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/complete",
    operation_id = "complete_staff_callback",
    tag = "staff",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("callback_id" = String, Path, description = "The request's id"),
    ),
    request_body = CompleteCallback,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Closed", body = CallbackView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case or request, or not one you work", body = ErrorBody),
        (status = 422, description = "Already done or cancelled (key `callback`), or the body is malformed", body = ErrorBody),
    )
)]
async fn complete_callback(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, callback_id)): Path<(String, String)>,
    Json(done): Json<CompleteCallback>,
) -> Result<Json<CallbackView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::WorkCallbacks, &reference).await?;
    let (now, keys, case_id, id) = (
        state.clock.unix(),
        state.keys.clone(),
        case.case_id.clone(),
        callback_id.clone(),
    );
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                staff_writes::complete(conn, &keys, (&actor, &case), &id, done.outcome, now).await
            })
        })
        .await?;
    tracing::info!(case_id = %case_id, callback_id = %callback_id, "callback closed");
    Ok(Json(view))
}
