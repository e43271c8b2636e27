//! `Caller`: who is making the request and which cases they may read, from the
//! `su_session` cookie. Handlers that take a `Caller` answer 401 without a live session.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use shared::api::Role;
use sqlx::pool::PoolConnection;
use sqlx::{Sqlite, SqlitePool};

use crate::platform::error::AppError;
use crate::platform::state::AppState;
use crate::platform::stored::enum_from_text;
use crate::sessions::cookies::{self, SessionSeen};
use crate::sessions::store::{self as sessions, SessionRow, SignedInCase};

/// The victim behind a case in the caller's scope.
pub(crate) const CASE_VICTIM_SQL: &str = "SELECT victim_id FROM cases WHERE id = $1";

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
        reference: &shared::CrimeReference,
    ) -> Result<ScopedCase, AppError> {
        let scope = self.scope_for(reference).ok_or(AppError::NotFound)?;
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
    pub fn scope_for(&self, reference: &shared::CrimeReference) -> Option<&CaseScope> {
        self.scopes
            .iter()
            .find(|scope| scope.crime_reference == reference.as_str())
    }
}

impl FromRequestParts<AppState> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = cookies::session_token(&parts.headers).ok_or(AppError::Unauthorized)?;
        let mut conn = state.db.acquire().await?;
        let session = sessions::find_live(&mut conn, token, state.clock.unix()).await?;
        if let Some(handover) = parts.extensions.get::<CallerConnection>() {
            handover.keep(conn);
        }
        let SessionRow {
            id: session_id,
            role,
            subject_id,
            signed_in_case,
        } = session.ok_or(AppError::Unauthorized)?;
        let role: Role = enum_from_text(&role).map_err(AppError::internal)?;
        let scopes = scopes_for(role, signed_in_case);
        if let Some(seen) = parts.extensions.get::<SessionSeen>() {
            seen.mark();
        }
        tracing::Span::current().record("session_id", session_id.as_str());
        Ok(Self {
            session_id,
            role,
            subject_id,
            scopes,
        })
    }
}

/// The pooled connection `Caller` looked the session up on, kept for the handler. Every
/// checkout from the pool and every return costs a round trip to SQLite's worker thread,
/// so a read that authenticates and then queries once is far cheaper on one connection.
///
/// Opt in by taking it as an argument BEFORE `Caller`, then `take` it for the handler's
/// queries. While holding it, do not check out another connection (a pool full of
/// requests each waiting for a second connection would wait for ever); handlers that
/// write in a transaction use the pool as before.
#[derive(Clone, Default)]
pub struct CallerConnection(Arc<Mutex<Option<PoolConnection<Sqlite>>>>);

impl CallerConnection {
    fn keep(&self, conn: PoolConnection<Sqlite>) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(conn);
    }

    /// The connection `Caller` used, or a new one from `db` when `Caller` did not run
    /// after this was extracted.
    pub async fn take(self, db: &SqlitePool) -> sqlx::Result<PoolConnection<Sqlite>> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner).take();
        match kept {
            Some(conn) => Ok(conn),
            None => db.acquire().await,
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CallerConnection {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Infallible> {
        let handover = Self::default();
        parts.extensions.insert(handover.clone());
        Ok(handover)
    }
}

/// The cases a session may read, by role. A victim's is the case they signed in with,
/// which `sessions::find_live` already fetched (only while it is still theirs), so it
/// costs no query; roles with a caseload will look theirs up here.
fn scopes_for(role: Role, signed_in_case: Option<SignedInCase>) -> Vec<CaseScope> {
    match role {
        Role::Victim => signed_in_case
            .map(|case| CaseScope {
                case_id: case.case_id,
                crime_reference: case.crime_reference,
            })
            .into_iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_handler_gets_the_connection_caller_kept_or_a_new_one() {
        let db = SqlitePool::connect("sqlite::memory:").await.unwrap();
        let handover = CallerConnection::default();
        let mut conn = db.acquire().await.unwrap();
        sqlx::query("CREATE TEMP TABLE marker (x)")
            .execute(&mut *conn)
            .await
            .unwrap();
        handover.clone().keep(conn);
        // Temp tables belong to one connection: finding it proves it is the same one.
        let mut kept = handover.take(&db).await.unwrap();
        sqlx::query("SELECT x FROM temp.marker")
            .execute(&mut *kept)
            .await
            .unwrap();
        drop(kept);
        let fresh = CallerConnection::default().take(&db).await;
        assert!(fresh.is_ok());
    }
}
