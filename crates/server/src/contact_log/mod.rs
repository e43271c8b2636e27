//! The contact log, under `/api/staff/cases/{ref}/`: every contact attempt an officer
//! makes (`contacts`: by which method, with what outcome, about which callback or update)
//! and the check after someone else answered the victim's phone (`contact-check`). A
//! number someone else answered is stopped (`number_stopped`): the delivery worker sends
//! it no text, and the staff app offers no call to it, until an officer checks it.

mod rules;
pub(crate) mod store;
mod writes;

pub use rules::{validate, ValidContact};
pub use writes::{insert, record, settle_check};

use axum::extract::State;
use axum::http::StatusCode;
use shared::api::staff_callbacks::{
    ContactCheck, ContactCheckDone, ContactLogView, ContactView, NewContact,
};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::{self, AuditAction};
use crate::platform::case_path::CasePath;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Conn;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::preferences::store as preferences;

/// The most contacts the log lists.
pub const LOG_LIMIT: i64 = 200;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(contact_log, record_contact))
        .routes(routes!(contact_check))
}

/// Whether texts and calls to `phone` of `victim_id` are stopped: someone else answered
/// it and no officer has since confirmed with the victim that it is safe.
pub async fn number_stopped(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    phone: &str,
) -> anyhow::Result<bool> {
    store::stopped(conn, keys, victim_id, phone).await
}

/// The case's contact log, newest first, with the numbers waiting for a check and
/// whether voicemail is safe (the only case the form offers "voicemail left").
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/contacts",
    operation_id = "list_staff_case_contacts",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The contact log", body = ContactLogView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn contact_log(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<ContactLogView>, AppError> {
    let case = access::require_case(&state, &actor, Capability::RecordContact, &reference).await?;
    let now = state.clock.unix();
    let current =
        preferences::current_or_initial(&state.db, &state.keys, &case.victim_id, now).await?;
    audit::record_read(&state, &actor, AuditAction::ReadContactLog, &case).await?;
    let mut conn = state.db.acquire().await?;
    let contacts = store::list(&mut conn.conn(), &case.case_id, LOG_LIMIT).await?;
    let number_checks = store::open_checks(&mut conn.conn(), &state.keys, &case.victim_id).await?;
    Ok(Json(ContactLogView {
        contacts,
        number_checks,
        voicemail_safe: current.preferences.voicemail_safe,
    }))
}

/// Record a contact attempt.
///
/// "Voicemail left" only by phone and where the victim said voicemail is safe; "someone
/// else answered" only by phone, and it stops texts and calls to the number called until
/// an officer checks it with the victim (`contact-check`). A callback it names stays open.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/contacts",
    operation_id = "record_staff_case_contact",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = NewContact,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 201, description = "Recorded", body = ContactView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
        (status = 422, description = "A field is wrong (keys as on NewContact), or the body is malformed", body = ErrorBody),
    )
)]
async fn record_contact(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(contact): Json<NewContact>,
) -> Result<(StatusCode, Json<ContactView>), AppError> {
    let case = access::require_case(&state, &actor, Capability::RecordContact, &reference).await?;
    let (now, keys, case_id) = (state.clock.unix(), state.keys.clone(), case.case_id.clone());
    let view = state
        .writes
        .run(move |conn| {
            Box::pin(async move { record(conn, &keys, (&actor, &case), contact, now).await })
        })
        .await?;
    tracing::info!(case_id = %case_id, contact_id = %view.id, "contact recorded");
    Ok((StatusCode::CREATED, Json(view)))
}

/// Record what the victim said, asked by another safe method, about the numbers someone
/// else answered: `confirmed_safe` lets texts and calls go to them again; `changed` keeps
/// them stopped for good. Either way the case's warning goes.
#[utoipa::path(
    post,
    path = "/api/staff/cases/{crime_reference}/contact-check",
    operation_id = "record_staff_contact_check",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ContactCheck,
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "Recorded; how many flagged numbers it settled", body = ContactCheckDone),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
        (status = 422, description = "The body is malformed", body = ErrorBody),
    )
)]
async fn contact_check(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(check): Json<ContactCheck>,
) -> Result<Json<ContactCheckDone>, AppError> {
    let case = access::require_case(&state, &actor, Capability::RecordContact, &reference).await?;
    let (now, case_id) = (state.clock.unix(), case.case_id.clone());
    let settled = state
        .writes
        .run(move |conn| {
            Box::pin(async move { settle_check(conn, (&actor, &case), check.outcome, now).await })
        })
        .await?;
    tracing::info!(case_id = %case_id, settled, "number check recorded");
    Ok(Json(ContactCheckDone { settled }))
}
