//! The trail's two readers: `GET /api/staff/cases/{ref}/audit` (the supervisor's page of a
//! case's trail: when, who and what) and `GET /api/cases/{ref}/looks` (the victim's "who
//! has looked at your case": roles and days). Both are reads of the victim's data, so
//! both are audited themselves (`ReadAuditTrail`).

use axum::extract::State;
use serde::Deserialize;
use shared::api::audit::{
    AuditEvent, AuditTrailView, LooksView, DEFAULT_AUDIT_PAGE, MAX_AUDIT_PAGE,
};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{rules, store, AuditAction};
use crate::access::{self, Actor, Capability};
use crate::platform::case_path::CasePath;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::query::{number_in, Query};
use crate::platform::state::AppState;
use crate::platform::stored::{enum_from_text, rfc3339};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(case_audit_trail))
        .routes(routes!(case_looks))
}

/// `?before=&limit=` of the trail, as typed: `trail_page` parses them.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct TrailQuery {
    /// Only entries older than this one (the `next_before` of the previous page).
    before: Option<String>,
    /// How many entries at most: 1 to 200, 50 when not given.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 200)]
    limit: Option<String>,
}

/// `(before, limit)` from the query, or a field error for each wrong one. Entry ids are
/// UUIDs; anything else cannot name one.
fn trail_page(query: &TrailQuery) -> Result<(Option<String>, u32), FieldErrors> {
    let mut errors = FieldErrors::default();
    let before = query.before.as_deref().map(str::trim);
    let before = match before.map(uuid::Uuid::parse_str) {
        None => None,
        Some(Ok(id)) => Some(id.to_string()),
        Some(Err(_)) => {
            errors.add("before", Message::server("audit.before"));
            None
        }
    };
    let limit = number_in(
        query.limit.as_deref(),
        1..=MAX_AUDIT_PAGE,
        DEFAULT_AUDIT_PAGE,
    );
    if limit.is_none() {
        let max = MAX_AUDIT_PAGE.to_string();
        errors.add("limit", Message::server("audit.limit").with("max", max));
    }
    match limit {
        Some(limit) if errors.is_empty() => Ok((before, limit)),
        _ => Err(errors),
    }
}

/// A case's audit trail, newest first, a page at a time: when, who (an officer's or
/// supervisor's name and role; otherwise the kind of actor) and what. Supervisors only
/// (officers get 404). This read is itself recorded, before the page is read.
#[utoipa::path(
    get,
    path = "/api/staff/cases/{crime_reference}/audit",
    operation_id = "get_staff_case_audit_trail",
    tag = "staff",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        TrailQuery,
    ),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "A page of the trail, newest first", body = AuditTrailView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such case, not one of your unit's, or you are not a supervisor", body = ErrorBody),
        (status = 422, description = "`before` is not an entry id, or `limit` is not a whole number in range", body = ErrorBody),
    )
)]
async fn case_audit_trail(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
    Query(query): Query<TrailQuery>,
) -> Result<Json<AuditTrailView>, AppError> {
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadAuditTrail,
        AuditAction::ReadAuditTrail,
        &reference,
    )
    .await?;
    let (before, limit) = trail_page(&query).map_err(AppError::Validation)?;
    // One more than asked: whether there is a next page.
    let asked = i64::from(limit);
    let mut rows = store::trail(
        &mut state.db.conn(),
        &case.case_id,
        before.as_deref(),
        asked + 1,
    )
    .await?;
    let more = rows.len() > usize::try_from(limit).unwrap_or(usize::MAX);
    rows.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    let events = rows
        .into_iter()
        .map(|(id, at, kind, action, staff_name)| {
            Ok(AuditEvent {
                id,
                at: rfc3339(at)?,
                who: enum_from_text(&kind)?,
                staff_name,
                what: enum_from_text(&action)?,
            })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let next_before = more
        .then(|| events.last().map(|oldest| oldest.id.clone()))
        .flatten();
    tracing::info!(case_id = %case.case_id, "staff read a case's audit trail");
    Ok(Json(AuditTrailView {
        events,
        next_before,
    }))
}

/// Who has looked at the case in the last 90 days, as roles and UK dates: one line per
/// role per day, newest first. The victim's own looks, and the service sending them
/// messages, are left out.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/looks",
    operation_id = "get_case_looks",
    tag = "cases",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Who has looked, by role and day", body = LooksView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn case_looks(
    State(state): State<AppState>,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<LooksView>, AppError> {
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadLooks,
        AuditAction::ReadAuditTrail,
        &reference,
    )
    .await?;
    let since = state.clock.unix() - i64::from(rules::LOOKS_DAYS) * 86_400;
    let rows = store::looks(&mut state.db.conn(), &case.case_id, since).await?;
    Ok(Json(LooksView {
        looks: rules::looks(&rows),
        days: rules::LOOKS_DAYS,
    }))
}
