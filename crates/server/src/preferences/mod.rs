//! Contact preferences: how and when a victim may be contacted safely, and the API that
//! reads and saves them. `validate` parses what the app sends; `store` keeps every saved
//! version; `summary` says in plain words what the current version means; `initial` makes
//! version 1 from the officer's record; `safe_times` holds the default safe times.

pub mod initial;
pub mod safe_times;
pub mod store;
pub mod summary;
mod validate;

pub use validate::*;

use axum::extract::State;
use serde::Deserialize;
use shared::api::preferences::{
    ContactPreferences, PreferencesHistory, PreferencesView, DEFAULT_HISTORY_PAGE, MAX_HISTORY_PAGE,
};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::platform::case_path::CasePath;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::{Message, RequestLang};
use crate::platform::json::Json;
use crate::platform::query::{number_in, Query};
use crate::platform::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_preferences, put_preferences))
        .routes(routes!(preferences_history))
}

/// The victim's current contact preferences, with what they mean in plain words.
///
/// A victim who has never saved any gets version 1, made from what their officer
/// recorded.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/preferences",
    operation_id = "get_preferences",
    tag = "preferences",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "The current version", body = PreferencesView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn get_preferences(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<PreferencesView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ReadPreferences, &reference).await?;
    let current = store::current_or_initial(&state.db, &case.victim_id, state.clock.unix()).await?;
    Ok(Json(current.view(lang)?))
}

/// Save new contact preferences as the next version.
///
/// Every save makes a new version, even if nothing changed. Sign-in codes follow the new
/// preferred method at once (text to the phone, email to the email address).
#[utoipa::path(
    put,
    path = "/api/cases/{crime_reference}/preferences",
    operation_id = "put_preferences",
    tag = "preferences",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ContactPreferences,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Saved; the new current version", body = PreferencesView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 422, description = "A field is wrong (keys as on ContactPreferences), or the body is malformed", body = ErrorBody),
    )
)]
async fn put_preferences(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<ContactPreferences>,
) -> Result<Json<PreferencesView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ChangePreferences, &reference).await?;
    let valid =
        validate(request, state.config.phone_countries.as_slice()).map_err(AppError::Validation)?;
    let now = state.clock.unix();
    // Through the group-commit writer, like callback writes: one fsync for many saves.
    let (victim_id, changed_by, changed_by_id) =
        (case.victim_id.clone(), actor.changed_by(), actor.id.clone());
    let saved = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let saved =
                    store::save(conn, &victim_id, &valid, changed_by, &changed_by_id, now).await?;
                Ok(saved)
            })
        })
        .await?;
    tracing::info!(case_id = %case.case_id, version = saved.version, "contact preferences saved");
    Ok(Json(saved.view(lang)?))
}

/// `?before=&limit=` of the history, as typed: `history_page` parses them.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct HistoryQuery {
    /// Only versions older than this one (the `next_before` of the previous page).
    #[param(value_type = Option<u32>, minimum = 1)]
    before: Option<String>,
    /// How many versions at most: 1 to 50, 10 when not given.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 50)]
    limit: Option<String>,
}

/// `(before, limit)` from the query, or a field error for each wrong one.
fn history_page(query: &HistoryQuery) -> Result<(Option<u32>, u32), FieldErrors> {
    let mut errors = FieldErrors::default();
    let before = query
        .before
        .as_deref()
        .map(|text| number_in(Some(text), 1..=u32::MAX, 1));
    if before == Some(None) {
        errors.add("before", Message::server("history.before"));
    }
    let limit = number_in(
        query.limit.as_deref(),
        1..=MAX_HISTORY_PAGE,
        DEFAULT_HISTORY_PAGE,
    );
    if limit.is_none() {
        let max = MAX_HISTORY_PAGE.to_string();
        errors.add("limit", Message::server("history.limit").with("max", max));
    }
    match limit {
        Some(limit) if errors.is_empty() => Ok((before.flatten(), limit)),
        _ => Err(errors),
    }
}

/// The saved versions of the preferences, newest first, a page at a time.
///
/// At most `limit` versions (10 unless asked, 50 at most); `next_before` in the answer
/// asks for the page after.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/preferences/history",
    operation_id = "get_preferences_history",
    tag = "preferences",
    params(
        ("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)"),
        HistoryQuery,
    ),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "A page of versions, newest first", body = PreferencesHistory),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 422, description = "`before` or `limit` is not a whole number in range", body = ErrorBody),
    )
)]
async fn preferences_history(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
    Query(query): Query<HistoryQuery>,
) -> Result<Json<PreferencesHistory>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ReadPreferences, &reference).await?;
    let (before, limit) = history_page(&query).map_err(AppError::Validation)?;
    // Makes version 1 first if there is none, so history is never empty.
    store::current_or_initial(&state.db, &case.victim_id, state.clock.unix()).await?;
    let mut conn = state.db.acquire().await?;
    let page = store::history(&mut conn.conn(), &case.victim_id, before, limit).await?;
    let next_before = page
        .more
        .then(|| page.versions.last().map(|oldest| oldest.version))
        .flatten();
    let versions = page
        .versions
        .iter()
        .map(|version| version.history_entry(lang))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(PreferencesHistory {
        versions,
        next_before,
    }))
}
