//! Supervisors manage their unit's officer accounts: `POST /api/staff/officers` creates
//! one (a first password from the supervisor, a new second-factor secret for the officer
//! to enrol), `GET /api/staff/officers` lists them, and
//! `POST /api/staff/officers/{staff_id}/disable` disables one and ends its sessions.
//!
//! Every route first asks the database one question (`supervised_unit`): is the actor a
//! live supervisor, and of which unit? Anyone else, officers included, gets 404, and so
//! does an officer of another unit, so nobody learns which accounts exist. Logs carry ids
//! only: never an email, a name or a password.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use shared::api::staff::{NewOfficerRequest, NewOfficerView, OfficerSummary, OfficersView};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{credentials, new_account, store};
use crate::access::{Actor, ActorKind};
use crate::platform::db::Conn;
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::state::AppState;
use crate::platform::stored::enum_text;
use crate::sessions::store as sessions;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_officers, create_officer))
        .routes(routes!(disable_officer))
}

/// The unit the actor supervises; 404 for anyone who is not a live supervisor.
async fn supervised_unit(conn: &mut Conn<'_>, actor: &Actor) -> Result<String, AppError> {
    if actor.kind != ActorKind::Supervisor {
        return Err(AppError::NotFound);
    }
    store::live_supervisor_unit(conn, &actor.id)
        .await?
        .ok_or(AppError::NotFound)
}

/// The officers of the supervisor's unit, enabled or not, by name.
#[utoipa::path(
    get,
    path = "/api/staff/officers",
    operation_id = "list_officers",
    tag = "staff",
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "The unit's officers", body = OfficersView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "Not signed in as a supervisor", body = ErrorBody),
    )
)]
async fn list_officers(
    State(state): State<AppState>,
    actor: Actor,
) -> Result<Json<OfficersView>, AppError> {
    let mut conn = state.db.acquire().await?;
    let unit_id = supervised_unit(&mut conn.conn(), &actor).await?;
    let officers = store::officers_of_unit(&mut conn.conn(), &unit_id)
        .await?
        .into_iter()
        .map(|row| OfficerSummary {
            id: row.id,
            email: row.email,
            display_name: row.display_name,
            team_id: row.team_id,
            disabled: row.disabled,
        })
        .collect();
    Ok(Json(OfficersView { officers }))
}

/// Create an officer's account in one of the supervisor's unit's teams. The answer holds
/// the officer's second-factor secret, shown this once: pass it to the officer with the
/// first password, by a safe route.
#[utoipa::path(
    post,
    path = "/api/staff/officers",
    operation_id = "create_officer",
    tag = "staff",
    security(("staff_session_cookie" = [])),
    request_body = NewOfficerRequest,
    responses(
        (status = 201, description = "Created; the officer enrols the secret in an authenticator app", body = NewOfficerView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "Not signed in as a supervisor", body = ErrorBody),
        (status = 422, description = "A field is missing or unfit, or the email address is taken", body = ErrorBody),
    )
)]
async fn create_officer(
    State(state): State<AppState>,
    actor: Actor,
    Json(request): Json<NewOfficerRequest>,
) -> Result<(StatusCode, Json<NewOfficerView>), AppError> {
    let mut conn = state.db.acquire().await?;
    let unit_id = supervised_unit(&mut conn.conn(), &actor).await?;
    let mut errors = FieldErrors::default();
    let details = new_account::check(
        &mut errors,
        &request.email,
        &request.display_name,
        &request.password,
    );
    let team_id = request.team_id.trim();
    if team_id.is_empty() {
        errors.add("team_id", Message::server("staff.team_missing"));
    } else if !store::team_in_unit(&mut conn.conn(), team_id, &unit_id).await? {
        errors.add("team_id", Message::server("staff.team_unknown"));
    }
    if let Some(details) = &details {
        if store::find_by_email(&mut conn.conn(), &details.email)
            .await?
            .is_some()
        {
            errors.add("email", email_taken());
        }
    }
    drop(conn);
    let details = match details {
        Some(details) if errors.is_empty() => details,
        _ => return Err(AppError::Validation(errors)),
    };

    // argon2id takes tens of milliseconds of CPU: off the async workers, and before the
    // write transaction so SQLite's write lock is not held meanwhile.
    let password = request.password;
    let password_hash = tokio::task::spawn_blocking(move || credentials::hash_password(&password))
        .await
        .map_err(AppError::internal)??;
    let totp_secret = credentials::new_totp_secret()?;
    let otpauth_link = credentials::enrolment_link(&totp_secret, &details.email)?;
    let role = enum_text(&ActorKind::Officer)?;
    let mut tx = state.db.begin_write().await?;
    let created = store::insert(
        &mut tx.conn(),
        &state.keys,
        &store::NewAccount {
            email: &details.email,
            display_name: &details.display_name,
            role: &role,
            officer_id: None,
            team_id: Some(team_id),
            unit_id: &unit_id,
            password_hash: &password_hash,
            totp_secret: &totp_secret,
            now: state.clock.unix(),
        },
    )
    .await?;
    // Taken after the check above only if another request created it meanwhile.
    let id =
        created.ok_or_else(|| AppError::Validation(FieldErrors::single("email", email_taken())))?;
    tx.commit().await?;
    tracing::info!(staff_id = %id, supervisor_id = %actor.id, "officer account created");
    Ok((
        StatusCode::CREATED,
        Json(NewOfficerView {
            id,
            totp_secret,
            otpauth_link,
        }),
    ))
}

fn email_taken() -> Message {
    Message::server("staff.email_taken")
}

/// Disable an officer of the supervisor's unit: they cannot sign in any more, and every
/// session they have ends now. Disabling a disabled account changes nothing.
#[utoipa::path(
    post,
    path = "/api/staff/officers/{staff_id}/disable",
    operation_id = "disable_officer",
    tag = "staff",
    params(("staff_id" = String, Path, description = "The officer's account id")),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 204, description = "Disabled; their sessions have ended"),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 404, description = "No such officer in your unit, or not signed in as a supervisor", body = ErrorBody),
    )
)]
async fn disable_officer(
    State(state): State<AppState>,
    actor: Actor,
    Path(staff_id): Path<String>,
) -> Result<StatusCode, AppError> {
    let now = state.clock.unix();
    // One transaction: the account is never disabled with a session still live.
    let mut tx = state.db.begin_write().await?;
    let unit_id = supervised_unit(&mut tx.conn(), &actor).await?;
    if !store::disable_officer(&mut tx.conn(), &staff_id, &unit_id, now).await? {
        return Err(AppError::NotFound);
    }
    let officer = Actor {
        kind: ActorKind::Officer,
        id: staff_id,
        signed_in_case: None,
    };
    let ended = sessions::end_all_for(&mut tx.conn(), &officer, now).await?;
    tx.commit().await?;
    tracing::info!(
        staff_id = %officer.id,
        supervisor_id = %actor.id,
        sessions_ended = ended,
        "officer account disabled"
    );
    Ok(StatusCode::NO_CONTENT)
}
