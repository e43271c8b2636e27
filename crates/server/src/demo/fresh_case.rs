//! `POST /api/dev/cases` (demo mode only): a fresh case, its victim and first contact
//! preferences, worked by a demo team's officer. Browser tests that write (post updates,
//! book callbacks) use one each, so they never change the demo cases other tests read.
//! Not mounted at all outside demo mode.

use axum::extract::State;
use axum::http::StatusCode;
use shared::api::dev::{DemoTeam, FreshCase, FreshCaseRequest};
use shared::api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::platform::db::{self, query, Conn};
use crate::platform::error::AppError;
use crate::platform::json::Json;
use crate::platform::sealed::VICTIMS_EMAIL;
use crate::platform::state::AppState;
use crate::preferences;

/// Fresh cases are numbered from here up (`CR/6xxxxx/26`), clear of the demo and the
/// seeded references.
const FIRST_NUMBER: i64 = 600_000;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(create))
}

/// A fresh case for a demonstration or a browser test. Demo mode only.
#[utoipa::path(
    post,
    path = "/api/dev/cases",
    operation_id = "create_fresh_case",
    tag = "dev",
    request_body = FreshCaseRequest,
    responses(
        (status = 201, description = "Created; the victim signs in with the reference and the email", body = FreshCase),
        (status = 422, description = "The body is malformed", body = ErrorBody),
    )
)]
async fn create(
    State(state): State<AppState>,
    Json(request): Json<FreshCaseRequest>,
) -> Result<(StatusCode, Json<FreshCase>), AppError> {
    let keys = state.keys.clone();
    let now = state.clock.unix();
    let today = state.clock.today().to_string();
    let created = state
        .writes
        .run(move |conn| {
            Box::pin(async move {
                insert(conn, &keys, &request, now, &today)
                    .await
                    .map_err(AppError::internal)
            })
        })
        .await?;
    tracing::info!("demo: fresh case created");
    Ok((StatusCode::CREATED, Json(created)))
}

/// The demo case whose officer works a team's fresh cases, and the team's id.
fn team_of(team: DemoTeam) -> (&'static str, &'static str) {
    match team {
        DemoTeam::North => ("CR/100001/25", "demo-team-north"),
        DemoTeam::South => ("CR/100004/25", "demo-team-south"),
    }
}

/// `number` with its digits as letters (0 is a, 1 is b, ...): the address then holds no
/// six digits a reader of the outbox could take for the code.
fn letters(number: i64) -> String {
    number
        .to_string()
        .chars()
        .map(
            |digit| match digit.to_digit(10).and_then(|d| u8::try_from(d).ok()) {
                Some(d) => char::from(b'a' + d),
                None => digit,
            },
        )
        .collect()
}

async fn insert(
    conn: &mut Conn<'_>,
    keys: &crate::platform::data_key::DataKeys,
    request: &FreshCaseRequest,
    now: i64,
    today: &str,
) -> anyhow::Result<FreshCase> {
    // Numbered by a count in the database, taken in turn, so servers never clash.
    db::serialise(conn, "demo fresh cases").await?;
    let (existing,): (i64,) =
        query("SELECT COUNT(*) FROM cases WHERE crime_reference LIKE 'CR/6_____/26'")
            .fetch_one(conn)
            .await?;
    let number = FIRST_NUMBER + existing;
    let crime_reference = format!("CR/{number}/26");
    let email = format!("fresh.{}@example.org", letters(number));
    let (officer_case, team_id) = team_of(request.team);
    let (officer_id,): (String,) = query("SELECT officer_id FROM cases WHERE crime_reference = $1")
        .bind(officer_case)
        .fetch_one(conn)
        .await?;
    let new_id = || uuid::Uuid::now_v7().to_string();
    let (victim_id, case_id) = (new_id(), new_id());
    query(
        "INSERT INTO victims (id, full_name, contact_method, email, language, created_at)
         VALUES ($1, 'Sam Fresh', 'email', $2, $3, $4)",
    )
    .bind(&victim_id)
    .bind(keys.seal(VICTIMS_EMAIL, &email)?)
    .bind(request.language.lang().tag())
    .bind(now)
    .execute(conn)
    .await?;
    query(
        "INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type,
                            crime_category, stage, enhanced_rights, reported_on, created_at,
                            team_id)
         VALUES ($1, $2, $3, $4, 'Theft of your bicycle', 'theft', 'under_investigation',
                 $5, $6, $7, $8)",
    )
    .bind(&case_id)
    .bind(&crime_reference)
    .bind(&victim_id)
    .bind(&officer_id)
    .bind(request.enhanced_rights)
    .bind(today)
    .bind(now)
    .bind(team_id)
    .execute(conn)
    .await?;
    preferences::store::ensure_initial(conn, keys, &victim_id, now).await?;
    Ok(FreshCase {
        crime_reference,
        email,
    })
}
