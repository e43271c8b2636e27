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
use shared::api::preferences::{ContactPreferences, PreferencesHistory, PreferencesView};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::platform::case_path::CasePath;
use crate::platform::error::AppError;
use crate::platform::i18n::RequestLang;
use crate::platform::json::Json;
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
    let current =
        store::current_or_initial(&state.db, &state.keys, &case.victim_id, state.clock.unix())
            .await?;
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
    let valid = validate(request).map_err(AppError::Validation)?;
    let now = state.clock.unix();
    // Through the group-commit writer, like callback writes: one fsync for many saves.
    let (victim_id, changed_by, changed_by_id) =
        (case.victim_id.clone(), actor.changed_by(), actor.id.clone());
    let keys = state.keys.clone();
    let saved = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let saved = store::save(
                    conn,
                    &keys,
                    &victim_id,
                    &valid,
                    changed_by,
                    &changed_by_id,
                    now,
                )
                .await?;
                Ok(saved)
            })
        })
        .await?;
    tracing::info!(case_id = %case.case_id, version = saved.version, "contact preferences saved");
    Ok(Json(saved.view(lang)?))
}

/// Every version of the preferences, newest first.
#[utoipa::path(
    get,
    path = "/api/cases/{crime_reference}/preferences/history",
    operation_id = "get_preferences_history",
    tag = "preferences",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Every version, newest first", body = PreferencesHistory),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
    )
)]
async fn preferences_history(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    actor: Actor,
    CasePath(reference): CasePath,
) -> Result<Json<PreferencesHistory>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ReadPreferences, &reference).await?;
    // Makes version 1 first if there is none, so history is never empty.
    store::current_or_initial(&state.db, &state.keys, &case.victim_id, state.clock.unix()).await?;
    let mut conn = state.db.acquire().await?;
    let versions = store::history(&mut conn.conn(), &state.keys, &case.victim_id)
        .await?
        .iter()
        .map(|version| version.history_entry(lang))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(PreferencesHistory { versions }))
}
