//! Delivery: a worker that takes due messages from the outbox and sends them through a
//! provider (GOV.UK Notify, or the force's own SMTP relay), only by a method the victim
//! marked safe and only inside their safe times, and records what became of each; and the
//! officer's list of a case's messages (`GET /api/staff/cases/{ref}/messages`).

pub mod message;
pub mod notify;
mod outcome;
pub mod provider;
pub mod providers;
pub mod receipts;
pub mod rules;
pub mod safe_window;
mod send_time;
pub mod settings;
pub mod smtp;
pub(crate) mod store;
pub mod worker;

pub use receipts::record_receipt;

use axum::extract::State;
use shared::api::staff::{StaffCaseMessage, StaffCaseMessagesView};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::AuditAction;
use crate::outbox::Channel;
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::stored::{enum_from_text, rfc3339};

/// The most messages the officer's list shows.
pub const MESSAGES_LIMIT: i64 = 200;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(case_messages))
}

/// The messages sent or waiting for the victim of a case the officer works, newest first:
/// what each was for, how and when it went and what became of it; never where it went or
/// what it said.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/messages",
    operation_id = "list_staff_case_messages",
    tag = "staff",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The case's messages", body = StaffCaseMessagesView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, or not one you work", body = ErrorBody),
    )
)]
async fn case_messages(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<StaffCaseMessagesView>, AppError> {
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadPreferences,
        AuditAction::ReadMessages,
        &reference,
    )
    .await?;
    let rows = store::case_messages(&mut state.db.conn(), &case.case_id, MESSAGES_LIMIT).await?;
    let messages = rows
        .into_iter()
        .map(|row| {
            let optional_time = |at: Option<i64>| at.map(rfc3339).transpose();
            Ok(StaffCaseMessage {
                // A case update not sent yet has no channel ('').
                channel: enum_from_text::<Channel>(&row.channel).ok(),
                kind: enum_from_text(&row.kind)?,
                status: enum_from_text(&row.status)?,
                queued_at: rfc3339(row.created_at)?,
                sent_at: optional_time(row.sent_at)?,
                delivered_at: optional_time(row.delivered_at)?,
                id: row.id,
                provider: row.provider,
                failure_reason: row.failure_reason,
                case_update_id: row.case_update_id,
                update_title: row.update_title,
                vcop_deadline: row.vcop_deadline,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    tracing::info!(case_id = %case.case_id, "staff read a case's messages");
    Ok(Json(StaffCaseMessagesView { messages }))
}
