//! The audit trail as the apps show it: a case's whole trail for its supervisor (`GET
//! /api/staff/cases/{ref}/audit`), and "who has looked at your case" for the victim (`GET
//! /api/cases/{ref}/looks`: roles and days, never names or ids). Enums travel by their
//! serde names, which are the names the server stores.

use serde::{Deserialize, Serialize};

/// Who acted, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditWho {
    Victim,
    Supporter,
    Officer,
    Supervisor,
    /// The service sending a message to the victim (it reads their contact details).
    DeliveryWorker,
    /// A force's records system sending case events.
    ImportClient,
}

/// What was done. `other` stands for an action this version of the apps has no words for
/// yet (the server records new kinds of action before the apps learn them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditWhat {
    ReadCase,
    ReadPreferences,
    ReadCallbacks,
    ReadMessages,
    ReadContactLog,
    ReadAuditTrail,
    ReadSupporters,
    ChangePreferences,
    ConfirmContactChange,
    RequestCallback,
    CancelCallback,
    InviteSupporter,
    ChangeSupporter,
    RemoveSupporter,
    PostUpdate,
    ChangeStage,
    SetEnhancedRights,
    ReallocateCase,
    ScheduleCallback,
    CompleteCallback,
    RecordContactAttempt,
    ConfirmNumberSafe,
    MarkTold,
    SendMessage,
    #[serde(other)]
    Other,
}

/// One entry of a case's audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEvent {
    /// Opaque; `before` takes it to ask for the entries older than this one.
    pub id: String,
    /// RFC 3339 UTC.
    pub at: String,
    pub who: AuditWho,
    /// For an officer or supervisor: their display name (none once the account is gone).
    pub staff_name: Option<String>,
    pub what: AuditWhat,
}

/// `GET /api/staff/cases/{crime_reference}/audit`: a page of the trail, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditTrailView {
    pub events: Vec<AuditEvent>,
    /// Pass as `before` for the next (older) page; none on the last page.
    pub next_before: Option<String>,
}

/// The most entries one page of the trail holds, and how many unless asked.
pub const MAX_AUDIT_PAGE: u32 = 200;
pub const DEFAULT_AUDIT_PAGE: u32 = 50;

/// Who looked at a victim's case, as the victim is told it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LookerRole {
    /// The officer whose contact card the case is on, or an officer of the case's team.
    YourOfficer,
    /// An officer who no longer works the case (it has moved since).
    AnotherOfficer,
    /// A supervisor of the unit, who checks the team's work.
    Supervisor,
    /// Someone the victim chose to help them.
    Supporter,
}

/// One line of "who has looked at your case": a role and a UK date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Look {
    pub role: LookerRole,
    /// ISO date (UK time).
    pub date: String,
}

/// `GET /api/cases/{crime_reference}/looks`: one line per role per day, newest first,
/// over the last `days` days; the victim's own looks and the service's messages are left
/// out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LooksView {
    pub looks: Vec<Look>,
    pub days: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_the_apps_do_not_know_yet_reads_as_other() {
        let known: AuditWhat = serde_json::from_str("\"read_case\"").unwrap();
        assert_eq!(known, AuditWhat::ReadCase);
        let new: AuditWhat = serde_json::from_str("\"some_new_action\"").unwrap();
        assert_eq!(new, AuditWhat::Other);
    }
}
