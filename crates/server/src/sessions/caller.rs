//! The one authentication extractor: `Actor` (who is acting) from the session cookie of
//! the app the route belongs to. Routes under `/api/staff/` read the staff cookie and
//! accept only staff sessions; every other route reads the victim cookie and accepts only
//! victim and supporter sessions, so a staff session never works on victim routes, nor
//! the reverse. Without a live session of the right kind the answer is 401; a supporter
//! whose access was removed or ran out gets `AccessEnded` (401 "This access is no longer
//! active"), and their session ends.

use std::convert::Infallible;
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::access::{Actor, ActorKind};
use crate::platform::db::{Db, Pooled};
use crate::platform::error::AppError;
use crate::platform::state::AppState;
use crate::sessions::cookies::{CookieSecurity, SessionCookie, SessionSeen};
use crate::sessions::store::{self as sessions, SessionRow};

impl FromRequestParts<AppState> for Actor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let cookie = SessionCookie::for_path(parts.uri.path());
        let security = CookieSecurity::of(&state.config);
        let token = cookie
            .token(security, &parts.headers)
            .ok_or(AppError::Unauthorized)?;
        let mut conn = state.db.acquire().await?;
        let now = state.clock.unix();
        let session = sessions::find_live(&mut conn.conn(), token, now).await?;
        let Some(SessionRow {
            id: session_id,
            kind,
            subject_id,
            signed_in_case,
        }) = session
        else {
            return Err(
                if sessions::ended_for_access(&mut conn.conn(), token).await? {
                    AppError::AccessEnded
                } else {
                    AppError::Unauthorized
                },
            );
        };
        let kind = kind.ok_or_else(|| {
            AppError::internal(anyhow::anyhow!(
                "a session has a role this code does not know"
            ))
        })?;
        if kind.is_staff() != (cookie == SessionCookie::Staff) {
            return Err(AppError::Unauthorized);
        }
        if kind == ActorKind::Supporter && signed_in_case.is_none() {
            // The grant ran out (removal ends the sessions itself).
            sessions::end_supporter_sessions(&mut conn.conn(), &subject_id, now)
                .await
                .map_err(AppError::internal)?;
            return Err(AppError::AccessEnded);
        }
        if let Some(handover) = parts.extensions.get::<CallerConnection>() {
            handover.keep(conn);
        }
        if let Some(seen) = parts.extensions.get::<SessionSeen>() {
            seen.mark();
        }
        tracing::Span::current().record("session_id", session_id.as_str());
        Ok(Self {
            kind,
            id: subject_id,
            signed_in_case,
        })
    }
}

/// The pooled connection the `Actor` extractor looked the session up on, kept for the
/// handler. Every checkout from the pool and every return costs a round trip to SQLite's
/// worker thread, so a read that authenticates and then queries once is far cheaper on
/// one connection.
///
/// Opt in by taking it as an argument BEFORE `Actor`, then `take` it for the handler's
/// queries. While holding it, do not check out another connection (a pool full of
/// requests each waiting for a second connection would wait for ever); handlers that
/// write in a transaction use the pool as before.
#[derive(Clone, Default)]
pub struct CallerConnection(Arc<Mutex<Option<Pooled>>>);

impl CallerConnection {
    pub(crate) fn keep(&self, conn: Pooled) {
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = Some(conn);
    }

    /// The connection the extractor used, or a new one from `db` when it did not run
    /// after this was extracted.
    pub async fn take(self, db: &Db) -> sqlx::Result<Pooled> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::db::query;

    #[tokio::test]
    async fn the_handler_gets_the_connection_caller_kept_or_a_new_one() {
        let db = Db::Sqlite(sqlx::SqlitePool::connect("sqlite::memory:").await.unwrap());
        let handover = CallerConnection::default();
        let mut conn = db.acquire().await.unwrap();
        query("CREATE TEMP TABLE marker (x)")
            .execute(&mut conn.conn())
            .await
            .unwrap();
        handover.clone().keep(conn);
        // Temp tables belong to one connection: finding it proves it is the same one.
        let mut kept = handover.take(&db).await.unwrap();
        query("SELECT x FROM temp.marker")
            .execute(&mut kept.conn())
            .await
            .unwrap();
        drop(kept);
        let fresh = CallerConnection::default().take(&db).await;
        assert!(fresh.is_ok());
    }
}
