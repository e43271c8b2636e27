//! The one access question every handler asks: may this actor do this capability on this
//! case? `require` answers it with one indexed query (`store::CASE_ACCESS_SQL`): the
//! database holds who owns, is allocated, is in the team or unit of, or holds a grant for
//! each case, and what each kind of actor may do at most (`role_capabilities`).
//!
//! Deny by default: an unknown case, a malformed reference and a case the actor may not
//! touch are the same 404, so nobody learns that a case exists.

pub mod store;

use serde::{Deserialize, Serialize};
use shared::CrimeReference;

use crate::audit::{self, AuditAction};
use crate::platform::db::Conn;
use crate::platform::error::AppError;
use crate::platform::state::AppState;
use crate::platform::stored::enum_text;

/// What kind of user is acting. Stored (sessions, staff, `role_capabilities`) by its serde
/// name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// Owns their case; a victim's session covers the one case they signed in with.
    Victim,
    /// Acts for a victim within the capabilities and time the victim granted.
    Supporter,
    /// Works the cases allocated to them or to their team.
    Officer,
    /// Sees every case of their unit's teams.
    Supervisor,
}

/// Who is acting: the kind and the id (a victim's, supporter's or staff account's). Every
/// handler gets it from one extractor (`sessions::caller`), from the session cookie of
/// the app the route belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    pub id: String,
    /// For a victim: the case their session signed in with, the only one it covers
    /// (found by the session lookup while the case is still theirs). For a supporter: the
    /// case of their grant, while the grant is live.
    pub signed_in_case: Option<SignedInCase>,
}

impl Actor {
    /// Who to record as making a change, by kind.
    pub fn changed_by(&self) -> shared::api::preferences::ChangedBy {
        use shared::api::preferences::ChangedBy;
        match self.kind {
            ActorKind::Victim => ChangedBy::Victim,
            ActorKind::Supporter => ChangedBy::Supporter,
            ActorKind::Officer | ActorKind::Supervisor => ChangedBy::Officer,
        }
    }
}

/// The case a victim's (or supporter's) session covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedInCase {
    pub case_id: String,
    pub crime_reference: String,
}

impl ActorKind {
    /// Staff kinds sign in to the staff app; the others to the victim portal.
    pub fn is_staff(self) -> bool {
        matches!(self, Self::Officer | Self::Supervisor)
    }
}

/// Something an actor may do on a case. Stored in `role_capabilities` and in supporter
/// grants by its serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Capability {
    ReadCase,
    ReadPreferences,
    ChangePreferences,
    ReadCallbacks,
    RequestCallback,
    CancelCallback,
    /// Supervisors only: who looked at or changed a case, and when.
    ReadAuditTrail,
    /// Post an update on the case and record how the victim was told of one.
    PostUpdate,
    /// Book and close a case's callback requests (staff).
    WorkCallbacks,
    /// Read and add to a case's contact log, and check a flagged number (staff).
    RecordContact,
    /// Change a case's stage or enhanced rights (officers, supervisors).
    ChangeCase,
    /// Move a case to another officer or team of the unit (supervisors).
    ReallocateCase,
    /// See, invite, change and remove a case's supporters (the victim, and the staff who
    /// work the case; never a supporter).
    ManageSupporters,
    /// Who has looked at the case (the victim only: it would show a supporter who else
    /// helps).
    ReadLooks,
    /// Confirm new sign-in contact details with the code sent to them (the victim only: a
    /// supporter must never move where the victim's codes go).
    ConfirmContactChange,
}

/// A case the actor may act on, with the victim it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseAccess {
    pub case_id: String,
    pub victim_id: String,
}

/// `require` on a connection from the pool, at the state's clock.
pub async fn require_case(
    state: &AppState,
    actor: &Actor,
    capability: Capability,
    reference: &CrimeReference,
) -> Result<CaseAccess, AppError> {
    let mut conn = state.db.acquire().await?;
    require(
        &mut conn.conn(),
        actor,
        capability,
        reference,
        state.clock.unix(),
    )
    .await
}

/// `require_case` for a read of the victim's data: once allowed, the look is recorded as
/// `action` (`audit::record_read`, one insert through the shared writer) before anything
/// is read, so no data is answered whose look is not on record. Every reading handler
/// asks this, except the victim's case read, which keeps its connection from the session
/// lookup (`cases::case`) and records its look itself.
pub async fn require_read(
    state: &AppState,
    actor: &Actor,
    capability: Capability,
    action: AuditAction,
    reference: &CrimeReference,
) -> Result<CaseAccess, AppError> {
    let case = require_case(state, actor, capability, reference).await?;
    audit::record_read(state, actor, action, &case).await?;
    Ok(case)
}

/// The case behind `reference` if `actor` may do `capability` on it; 404 otherwise.
pub async fn require(
    conn: &mut Conn<'_>,
    actor: &Actor,
    capability: Capability,
    reference: &CrimeReference,
    now: i64,
) -> Result<CaseAccess, AppError> {
    let kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    let capability = enum_text(&capability).map_err(AppError::internal)?;
    let found = store::case_access(
        conn,
        store::AccessQuery {
            reference: reference.as_str(),
            kind: &kind,
            actor_id: &actor.id,
            capability: &capability,
            signed_in_case_id: actor
                .signed_in_case
                .as_ref()
                .map(|case| case.case_id.as_str()),
            now,
        },
    )
    .await?;
    let access = found.ok_or(AppError::NotFound)?;
    tracing::Span::current().record("case_id", access.case_id.as_str());
    Ok(access)
}

/// The cases a staff actor works, soonest untold Victims' Code deadline first (cases with
/// none last), at most `limit`. Victims and supporters have no caseload.
pub async fn caseload(
    conn: &mut Conn<'_>,
    actor: &Actor,
    limit: i64,
) -> Result<Vec<store::CaseloadRow>, AppError> {
    if !actor.kind.is_staff() {
        return Ok(Vec::new());
    }
    let kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    Ok(store::caseload(conn, &kind, &actor.id, limit).await?)
}

/// One case as a caseload line; call after `require` has allowed it.
pub async fn caseload_entry(
    conn: &mut Conn<'_>,
    case_id: &str,
) -> Result<Option<store::CaseloadRow>, AppError> {
    Ok(store::caseload_entry(conn, case_id).await?)
}

#[cfg(test)]
mod tests;
