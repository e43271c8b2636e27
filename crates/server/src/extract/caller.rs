//! `Caller`: who is making the request and which cases they may read, from the
//! `su_session` cookie. Handlers that take a `Caller` answer 401 without a live session.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use shared::api::Role;

use crate::cookies::{self, SessionSeen};
use crate::error::AppError;
use crate::sessions::{self, SessionRow};
use crate::state::AppState;

/// The victim behind a case in the caller's scope.
pub(crate) const CASE_VICTIM_SQL: &str = "SELECT victim_id FROM cases WHERE id = $1";
/// A victim session's case, if it is still the victim's (guards against a case being
/// reassigned).
pub(crate) const VICTIM_SCOPE_SQL: &str =
    "SELECT id, crime_reference FROM cases WHERE id = $1 AND victim_id = $2";

/// A case the caller may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseScope {
    pub case_id: String,
    pub crime_reference: String,
}

/// The signed-in user behind a request.
///
/// `scopes` is worked out per role, so new roles plug in at `scopes_for`: a victim may
/// read the one case they signed in with; an officer will get their caseload, a
/// supporter the cases a victim has shared with them.
#[derive(Debug, Clone)]
pub struct Caller {
    pub session_id: String,
    pub role: Role,
    /// The victim's id (later: the officer's or supporter's).
    pub subject_id: String,
    pub scopes: Vec<CaseScope>,
}

/// A case the caller may act on, with the victim it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScopedCase {
    pub case_id: String,
    pub victim_id: String,
}

impl Caller {
    /// The case behind `crime_reference` as typed in a path, if the caller may act on it.
    /// A malformed, unknown or out-of-scope reference is the same 404.
    pub async fn case(
        &self,
        db: &sqlx::SqlitePool,
        crime_reference: &str,
    ) -> Result<ScopedCase, AppError> {
        let reference =
            shared::CrimeReference::parse(crime_reference).map_err(|_| AppError::NotFound)?;
        let scope = self
            .scope_for(reference.as_str())
            .ok_or(AppError::NotFound)?;
        let row: Option<(String,)> = sqlx::query_as(CASE_VICTIM_SQL)
            .bind(&scope.case_id)
            .fetch_optional(db)
            .await?;
        let (victim_id,) = row.ok_or(AppError::NotFound)?;
        tracing::Span::current().record("case_id", scope.case_id.as_str());
        Ok(ScopedCase {
            case_id: scope.case_id.clone(),
            victim_id,
        })
    }

    /// Who to record as making a change, by role (supporters and officers come later).
    pub fn changed_by(&self) -> shared::api::preferences::ChangedBy {
        match self.role {
            Role::Victim => shared::api::preferences::ChangedBy::Victim,
        }
    }

    /// The scope for `crime_reference`, if the caller may read that case.
    pub fn scope_for(&self, crime_reference: &str) -> Option<&CaseScope> {
        self.scopes
            .iter()
            .find(|scope| scope.crime_reference == crime_reference)
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = cookies::session_token(&parts.headers).ok_or(AppError::Unauthorized)?;
        let session = sessions::find_live(&state.db, token, state.clock.unix())
            .await?
            .ok_or(AppError::Unauthorized)?;
        let role = parse_role(&session.role)?;
        let scopes = scopes_for(state, role, &session).await?;
        if let Some(seen) = parts.extensions.get::<SessionSeen>() {
            seen.mark();
        }
        tracing::Span::current().record("session_id", session.id.as_str());
        Ok(Self {
            session_id: session.id,
            role,
            subject_id: session.subject_id,
            scopes,
        })
    }
}

fn parse_role(stored: &str) -> Result<Role, AppError> {
    match stored {
        "victim" => Ok(Role::Victim),
        other => Err(AppError::internal(anyhow::anyhow!(
            "unknown session role {other:?}"
        ))),
    }
}

async fn scopes_for(
    state: &AppState,
    role: Role,
    session: &SessionRow,
) -> Result<Vec<CaseScope>, AppError> {
    match role {
        Role::Victim => {
            let Some(case_id) = &session.case_id else {
                return Ok(Vec::new());
            };
            let rows: Vec<(String, String)> = sqlx::query_as(VICTIM_SCOPE_SQL)
                .bind(case_id)
                .bind(&session.subject_id)
                .fetch_all(&state.db)
                .await?;
            Ok(rows
                .into_iter()
                .map(|(case_id, crime_reference)| CaseScope {
                    case_id,
                    crime_reference,
                })
                .collect())
        }
    }
}
