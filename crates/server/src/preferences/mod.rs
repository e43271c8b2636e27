//! Contact preferences: how and when a victim may be contacted safely, and the API that
//! reads and saves them. `validate` parses what the app sends; `store` keeps every saved
//! version; `summary` says in plain words what the current version means; `initial` makes
//! version 1 from the officer's record; `safe_times` holds the default safe times;
//! `contact_change` holds back a change of where sign-in codes go until a code sent there
//! confirms it.

pub mod contact_change;
pub mod initial;
pub mod safe_times;
pub mod store;
pub mod summary;
mod validate;

pub use validate::*;

use axum::extract::State;
use axum::http::HeaderMap;
use serde::Deserialize;
use shared::api::preferences::{
    ConfirmContactRequest, ContactPreferences, PreferencesHistory, PreferencesView,
    DEFAULT_HISTORY_PAGE, MAX_HISTORY_PAGE,
};
use shared::api::ErrorBody;
use shared::SignInCode;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::access::{self, Actor, Capability};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::platform::case_path::CasePath;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::{Message, RequestLang};
use crate::platform::json::Json;
use crate::platform::query::{number_in, Query};
use crate::platform::state::AppState;
use crate::sessions::cookies;
use contact_change::Author;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_preferences, put_preferences))
        .routes(routes!(preferences_history))
        .routes(routes!(confirm_contact_change))
}

/// The victim's current contact preferences, with what they mean in plain words.
///
/// A victim who has never saved any gets version 1, made from what their officer
/// recorded. `pending_contact_change` is set while new contact details wait for their
/// code.
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
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadPreferences,
        AuditAction::ReadPreferences,
        &reference,
    )
    .await?;
    let now = state.clock.unix();
    let current = store::current_or_initial(&state.db, &state.keys, &case.victim_id, now).await?;
    let mut view = current.view(lang)?;
    view.pending_contact_change = contact_change::waiting(
        &mut state.db.conn(),
        &state.keys,
        &case.victim_id,
        &current.preferences,
        now,
    )
    .await?;
    Ok(Json(view))
}

/// Save new contact preferences as the next version.
///
/// Every save makes a new version, even if nothing changed. A save that would move where
/// sign-in codes go (the method that carries them, or its phone or email, or to no such
/// method) saves the other choices at once but keeps the contact choices as they were,
/// sends a code to the new place (to the current one when the new choices cannot receive
/// codes), and answers with `pending_contact_change`; `confirm-contact` finishes it.
#[utoipa::path(
    put,
    path = "/api/cases/{crime_reference}/preferences",
    operation_id = "put_preferences",
    tag = "preferences",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ContactPreferences,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Saved; the new current version, with `pending_contact_change` when a code must confirm new contact details", body = PreferencesView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 422, description = "A field is wrong (keys as on ContactPreferences), too many confirmation codes were sent this hour, or the body is malformed", body = ErrorBody),
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
    let keys = state.keys.clone();
    let audited = AuditEntry::new(&actor, AuditAction::ChangePreferences, &case, now);
    let saved = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let author = Author {
                    changed_by,
                    id: &changed_by_id,
                };
                let saved =
                    contact_change::save(conn, &keys, &victim_id, &valid, author, now).await?;
                audit::record(conn, &audited).await?;
                Ok(saved)
            })
        })
        .await?;
    tracing::info!(
        case_id = %case.case_id,
        version = saved.version.version,
        confirmation_pending = saved.pending.is_some(),
        "contact preferences saved"
    );
    let mut view = saved.version.view(lang)?;
    view.pending_contact_change = saved.pending;
    Ok(Json(view))
}

/// Confirm new contact details with the code sent to them.
///
/// With the right code the contact choices that were waiting take effect as a new
/// version, a notice goes to the old phone or email, and every other session of the
/// victim ends. A wrong, expired or used-up code, or none waiting, all get the same 422
/// on the field `code`; 5 tries per code.
#[utoipa::path(
    post,
    path = "/api/cases/{crime_reference}/preferences/confirm-contact",
    operation_id = "confirm_contact_change",
    tag = "preferences",
    params(("crime_reference" = String, Path, description = "Crime reference, e.g. CR/100001/25 (percent-encoded)")),
    request_body = ConfirmContactRequest,
    security(("session_cookie" = [])),
    responses(
        (status = 200, description = "Confirmed; the new current version", body = PreferencesView),
        (status = 401, description = "Not signed in, or the session has ended", body = ErrorBody),
        (status = 404, description = "No such case, or not yours", body = ErrorBody),
        (status = 422, description = "The code is malformed or was not accepted, or the body is malformed", body = ErrorBody),
    )
)]
async fn confirm_contact_change(
    State(state): State<AppState>,
    RequestLang(lang): RequestLang,
    headers: HeaderMap,
    actor: Actor,
    CasePath(reference): CasePath,
    Json(request): Json<ConfirmContactRequest>,
) -> Result<Json<PreferencesView>, AppError> {
    let case =
        access::require_case(&state, &actor, Capability::ConfirmContactChange, &reference).await?;
    let code = SignInCode::parse(&request.code)
        .map_err(|e| AppError::Validation(FieldErrors::single("code", e)))?;
    let now = state.clock.unix();
    let security = cookies::CookieSecurity::of(&state.config);
    let keep_session = cookies::SessionCookie::Victim
        .token(security, &headers)
        .map(str::to_owned);
    let (victim_id, changed_by, changed_by_id) =
        (case.victim_id.clone(), actor.changed_by(), actor.id.clone());
    let keys = state.keys.clone();
    let audited = AuditEntry::new(&actor, AuditAction::ConfirmContactChange, &case, now);
    // Returns `Ok(None)` for a rejected code, so the spent try is committed (a rejected
    // code changes none of the victim's data: only a confirmation is audited).
    let confirmed = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                let author = Author {
                    changed_by,
                    id: &changed_by_id,
                };
                let confirmed = contact_change::confirm(
                    conn,
                    &keys,
                    &victim_id,
                    code.as_str(),
                    author,
                    keep_session.as_deref(),
                    now,
                )
                .await?;
                if confirmed.is_some() {
                    audit::record(conn, &audited).await?;
                }
                Ok(confirmed)
            })
        })
        .await?;
    let Some(version) = confirmed else {
        return Err(AppError::Validation(FieldErrors::single(
            "code",
            contact_change::CODE_REJECTED,
        )));
    };
    tracing::info!(case_id = %case.case_id, version = version.version, "contact details confirmed");
    Ok(Json(version.view(lang)?))
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
    let case = access::require_read(
        &state,
        &actor,
        Capability::ReadPreferences,
        AuditAction::ReadPreferences,
        &reference,
    )
    .await?;
    let (before, limit) = history_page(&query).map_err(AppError::Validation)?;
    // Makes version 1 first if there is none, so history is never empty.
    store::current_or_initial(&state.db, &state.keys, &case.victim_id, state.clock.unix()).await?;
    let mut conn = state.db.acquire().await?;
    let page = store::history(
        &mut conn.conn(),
        &state.keys,
        &case.victim_id,
        before,
        limit,
    )
    .await?;
    let next_before = page
        .next_older
        .is_some()
        .then(|| page.versions.last().map(|oldest| oldest.version))
        .flatten();
    // Newest first: the version before each one is the next in the list, and for the
    // page's oldest, the first of the next page.
    let versions = page
        .versions
        .iter()
        .enumerate()
        .map(|(i, version)| {
            let older = page.versions.get(i + 1).or(page.next_older.as_ref());
            version.history_entry(lang, older)
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Json(PreferencesHistory {
        versions,
        next_before,
    }))
}
