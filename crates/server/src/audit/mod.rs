//! The audit trail: who looked at or changed a victim's data, what, on which case and
//! when. A write records its row with `record` inside its own write transaction, so the
//! change and its audit row commit together or not at all; a read records its row with
//! `record_read` before the data is answered. Rows are never changed or deleted: the
//! table's triggers refuse it (migration 0012), whoever asks. Supervisors read a case's
//! trail, and victims who has looked at their case (`routes`, `rules`).

mod routes;
pub mod rules;
pub mod store;

pub use routes::router;

use serde::{Deserialize, Serialize};

use crate::access::{Actor, ActorKind, CaseAccess};
use crate::platform::db::Conn;
use crate::platform::error::AppError;
use crate::platform::state::AppState;

/// Who did it, by kind. Stored by serde name in `audit_events.actor_kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditActorKind {
    Victim,
    Supporter,
    Officer,
    Supervisor,
    /// The delivery worker reading a victim's contact details to send a message.
    DeliveryWorker,
    /// A force records system sending case events (a later issue).
    ImportClient,
}

impl From<ActorKind> for AuditActorKind {
    fn from(kind: ActorKind) -> Self {
        match kind {
            ActorKind::Victim => Self::Victim,
            ActorKind::Supporter => Self::Supporter,
            ActorKind::Officer => Self::Officer,
            ActorKind::Supervisor => Self::Supervisor,
        }
    }
}

/// What was done. Stored by serde name in `audit_events.action`; add variants at the
/// end of their group, never rename one (old rows keep the name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    // Reads.
    ReadCase,
    ReadPreferences,
    ReadCallbacks,
    ReadMessages,
    ReadContactLog,
    ReadAuditTrail,
    /// A case's supporters (the victim, or staff).
    ReadSupporters,
    // The victim's (or a supporter's) writes.
    ChangePreferences,
    ConfirmContactChange,
    RequestCallback,
    CancelCallback,
    // Supporters, added, changed or removed by the victim or staff.
    InviteSupporter,
    ChangeSupporter,
    RemoveSupporter,
    // Officers' and supervisors' writes.
    PostUpdate,
    ChangeStage,
    SetEnhancedRights,
    ReallocateCase,
    ScheduleCallback,
    CompleteCallback,
    RecordContactAttempt,
    ConfirmNumberSafe,
    MarkTold,
    // The delivery worker.
    SendMessage,
}

impl AuditAction {
    /// Whether the action only looked.
    pub fn is_read(self) -> bool {
        matches!(
            self,
            Self::ReadCase
                | Self::ReadPreferences
                | Self::ReadCallbacks
                | Self::ReadMessages
                | Self::ReadContactLog
                | Self::ReadAuditTrail
                | Self::ReadSupporters
        )
    }
}

/// Who acted: kind and id (`None` only for the delivery worker).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditActor {
    pub kind: AuditActorKind,
    pub id: Option<String>,
}

impl AuditActor {
    /// The delivery worker, which has no account.
    pub const DELIVERY_WORKER: AuditActor = AuditActor {
        kind: AuditActorKind::DeliveryWorker,
        id: None,
    };
}

impl From<&Actor> for AuditActor {
    fn from(actor: &Actor) -> Self {
        Self {
            kind: actor.kind.into(),
            id: Some(actor.id.clone()),
        }
    }
}

/// One row of the trail, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub actor: AuditActor,
    pub action: AuditAction,
    pub case_id: String,
    pub victim_id: String,
    /// Unix seconds.
    pub at: i64,
}

impl AuditEntry {
    /// `actor` did `action` on `case` at `at`.
    pub fn new(
        actor: impl Into<AuditActor>,
        action: AuditAction,
        case: &CaseAccess,
        at: i64,
    ) -> Self {
        Self {
            actor: actor.into(),
            action,
            case_id: case.case_id.clone(),
            victim_id: case.victim_id.clone(),
            at,
        }
    }
}

/// Records `entry` on `conn`: call it inside the write transaction it describes.
pub async fn record(conn: &mut Conn<'_>, entry: &AuditEntry) -> Result<(), AppError> {
    store::insert(conn, entry).await?;
    Ok(())
}

/// Records that `actor` read `case` (`action` a read), through the shared writer, and
/// returns once it is committed: the data is answered only after its look is on record.
pub async fn record_read(
    state: &AppState,
    actor: &Actor,
    action: AuditAction,
    case: &CaseAccess,
) -> Result<(), AppError> {
    debug_assert!(action.is_read(), "{action:?} is not a read");
    let entry = AuditEntry::new(actor, action, case, state.clock.unix());
    state
        .writes
        .run(move |conn| Box::pin(async move { record(conn, &entry).await }))
        .await
}
