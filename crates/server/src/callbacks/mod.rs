//! `/api/cases/{crime_reference}/callbacks`: ask the officer to call back in chosen
//! windows (UK time), follow the requests, cancel one. Officers work them from the
//! staff side (`staff`): the queue, booking a call inside a chosen window, closing one.

mod booking;
mod queue;
mod rules;
pub mod staff;
pub(crate) mod staff_store;
mod staff_writes;
mod store;
mod validate;
mod writes;

pub use rules::*;
pub use store::{cancel, cannot_cancel, count_open, find, insert, list, phone_ending};
// For `query_plans`, which checks the hot statements use their indexes.
#[cfg(test)]
pub(crate) use staff_store::{COMPLETE_SQL, PHONE_SQL, QUEUE_SQL, QUEUE_WINDOWS_SQL, SCHEDULE_SQL};
#[cfg(test)]
pub(crate) use store::{
    COUNT_OPEN_SQL, FIND_SQL, INSERT_REQUEST_SQL, INSERT_WINDOW_SQL, LIST_SQL, WINDOWS_SQL,
};
pub use validate::{validate, Context, ValidRequest};
pub use writes::{cancel_open, request, NewRequest};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use shared::api::callbacks::{CallbackView, CallbacksView, NewCallbackRequest};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::callbacks;
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::uk_time;
use crate::preferences::safe_times::safe_times_or_office_hours;
use crate::preferences::store as preferences;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_callbacks, request_callback))
        .routes(routes!(cancel_callback))
}

/// The case's callback requests, newest first, and what the form needs to offer only
/// valid windows: the victim's safe times, the bookable dates and the open limit.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/callbacks",
    operation_id = "list_callbacks",
    tag = "callbacks",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Requests and booking rules", body = CallbacksView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn list_callbacks(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<CallbacksView>, AppError> {
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadCallbacks,
        AuditAction::ReadCallbacks,
        &reference,
    )
    .await?;
    let now = state.clock.unix();
    let prefs =
        preferences::current_or_initial(&state.db, &state.keys, &case.victim_id, now).await?;
    let mut conn = state.db.acquire().await?;
    let list = callbacks::list(&mut conn.conn(), &state.keys, &case.case_id).await?;
    let today = uk_time::local(now).date;
    Ok(Json(CallbacksView {
        callbacks: list,
        max_open: callbacks::MAX_OPEN,
        safe_times: safe_times_or_office_hours(&prefs.preferences.safe_times),
        bookable_dates: callbacks::bookable_dates(today)
            .iter()
            .map(ToString::to_string)
            .collect(),
        has_phone_on_file: prefs.preferences.phone.is_some(),
    }))
}

/// Ask for a callback.
///
/// Each window must be on one of the next 10 working days, start in the future, last at
/// least an hour, and sit inside the victim's safe times (working days 9am to 5pm if
/// they gave none). At most 3 requests may be open at once (409).
#[utoipa::path(
    post,
    path = "/api/cases/{crime_reference}/callbacks",
    operation_id = "request_callback",
    tag = "callbacks",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = NewCallbackRequest,
    security(("session_cookie" = [])),
    responses(
        (status = 201, description = "Requested", body = CallbackView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 409, description = "3 requests are already open", body = ErrorBody),
        (status = 422, description = "A field is wrong (keys as on NewCallbackRequest), or the body is malformed", body = ErrorBody),
    )
)]
async fn request_callback(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<NewCallbackRequest>,
) -> Result<(StatusCode, Json<CallbackView>), AppError> {
    let case =
        access::require_case(&state, &actor, Capability::RequestCallback, &reference).await?;
    let now = state.clock.unix();
    let audited = AuditEntry::new(&actor, AuditAction::RequestCallback, &case, now);
    let new = callbacks::NewRequest {
        case_id: case.case_id.clone(),
        victim_id: case.victim_id,
        request,
        requested_by: actor.changed_by(),
        requested_by_id: actor.id,
        now,
        phone_countries: state.config.phone_countries.as_slice().to_vec(),
    };
    let keys = state.keys.clone();
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let view = callbacks::request(conn, &keys, new).await?;
                audit::record(conn, &audited).await?;
                Ok(view)
            })
        })
        .await?;
    tracing::info!(case_id = %case.case_id, callback_id = %view.id, "callback requested");
    Ok((StatusCode::CREATED, Json(view)))
}

/// Cancel an open callback request.
///
/// 409 if it is already cancelled or has happened; 404 if there is no such request on
/// this case.
#[utoipa::path(
    post,
    path = "/api/cases/{crime_reference}/callbacks/{callback_id}/cancel",
    operation_id = "cancel_callback",
    tag = "callbacks",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        ("callback_id" = String, Path, description = "The request's id"),
    ),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Cancelled", body = CallbackView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case or request, or not yours", body = ErrorBody),
        (status = 409, description = "Already cancelled, or already happened", body = ErrorBody),
    )
)]
async fn cancel_callback(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Path((_, callback_id)): Path<(String, String)>,
) -> Result<Json<CallbackView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::CancelCallback, &reference).await?;
    let now = state.clock.unix();
    let audited = AuditEntry::new(&actor, AuditAction::CancelCallback, &case, now);
    let (case_id, id, keys) = (
        case.case_id.clone(),
        callback_id.clone(),
        state.keys.clone(),
    );
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let view = callbacks::cancel_open(conn, &keys, &case_id, &id, now).await?;
                audit::record(conn, &audited).await?;
                Ok(view)
            })
        })
        .await?;
    tracing::info!(case_id = %case.case_id, callback_id = %callback_id, "callback cancelled");
    Ok(Json(view))
}
