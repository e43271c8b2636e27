//! Updates officers post against the Victims' Code, how the victim was told of each, and
//! the due list of events not told yet (`/api/staff/cases/{ref}/updates`,
//! `/api/staff/due`). The event vocabulary (`VcopEvent`) is the one the server stores.

use serde::{Deserialize, Serialize};

use crate::Lang;

/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 120;
/// Longest "what happened" or "what happens next", in characters.
pub const MAX_TEXT_CHARS: usize = 2000;

/// Events the Victims' Code says a victim must be told about, and `Other` (told as a
/// courtesy, no deadline). Stored in `case_updates.vcop_event` by serde name; `Other` is
/// stored as NULL. Each event's deadline is data (`vcop_rules`), not code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VcopEvent {
    SuspectArrested,
    SuspectInterviewed,
    ReleasedWithoutCharge,
    ReleasedUnderInvestigation,
    /// Bailed, or bail conditions changed.
    Bail,
    Charged,
    OutOfCourtDisposal,
    DecisionNotToCharge,
    ChargesDroppedOrChanged,
    HearingDate,
    MustGiveEvidence,
    HearingOutcome,
    SupportReferral,
    /// Anything else worth telling the victim: no Code deadline.
    Other,
}

impl VcopEvent {
    /// The events the Code sets a deadline for, in the order a case usually meets them.
    pub const ALL: [VcopEvent; 13] = [
        Self::SuspectArrested,
        Self::SuspectInterviewed,
        Self::ReleasedWithoutCharge,
        Self::ReleasedUnderInvestigation,
        Self::Bail,
        Self::Charged,
        Self::OutOfCourtDisposal,
        Self::DecisionNotToCharge,
        Self::ChargesDroppedOrChanged,
        Self::HearingDate,
        Self::MustGiveEvidence,
        Self::HearingOutcome,
        Self::SupportReferral,
    ];

    /// Every choice the "Post an update" form offers: the Code's events, then `Other`.
    pub const CHOICES: [VcopEvent; 14] = [
        Self::SuspectArrested,
        Self::SuspectInterviewed,
        Self::ReleasedWithoutCharge,
        Self::ReleasedUnderInvestigation,
        Self::Bail,
        Self::Charged,
        Self::OutOfCourtDisposal,
        Self::DecisionNotToCharge,
        Self::ChargesDroppedOrChanged,
        Self::HearingDate,
        Self::MustGiveEvidence,
        Self::HearingOutcome,
        Self::SupportReferral,
        Self::Other,
    ];

    /// The serde name, e.g. `hearing_date` (also the staff app's text key).
    pub fn name(self) -> &'static str {
        match self {
            Self::SuspectArrested => "suspect_arrested",
            Self::SuspectInterviewed => "suspect_interviewed",
            Self::ReleasedWithoutCharge => "released_without_charge",
            Self::ReleasedUnderInvestigation => "released_under_investigation",
            Self::Bail => "bail",
            Self::Charged => "charged",
            Self::OutOfCourtDisposal => "out_of_court_disposal",
            Self::DecisionNotToCharge => "decision_not_to_charge",
            Self::ChargesDroppedOrChanged => "charges_dropped_or_changed",
            Self::HearingDate => "hearing_date",
            Self::MustGiveEvidence => "must_give_evidence",
            Self::HearingOutcome => "hearing_outcome",
            Self::SupportReferral => "support_referral",
            Self::Other => "other",
        }
    }

    /// The event with serde name `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::CHOICES.into_iter().find(|event| event.name() == name)
    }
}

/// How the victim was told of an update. Stored in `case_updates.told_by` by serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TellingMethod {
    /// The victim opened their case in the portal.
    Portal,
    /// A text or email saying there is an update was delivered.
    Message,
    /// An officer told them on the phone.
    Call,
    /// An officer told them in person.
    Visit,
}

/// `POST /api/staff/cases/{ref}/updates`. Field errors come under these names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewUpdate {
    pub event: VcopEvent,
    /// `YYYY-MM-DD`: not in the future (UK date), not before the case was reported.
    pub event_date: String,
    /// Plain text, at most `MAX_TITLE_CHARS` characters.
    pub title: String,
    /// Plain text, at most `MAX_TEXT_CHARS` characters.
    pub what_happened: String,
    /// Plain text, at most `MAX_TEXT_CHARS` characters.
    pub what_happens_next: String,
    /// The language the texts are written in.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "en"))]
    pub language: Lang,
}

/// An update as the staff app shows it: what the victim sees, the Code's deadline and
/// whether (and how) the victim has been told.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdateView {
    pub id: String,
    /// `YYYY-MM-DD` the update was posted.
    pub date: String,
    pub event: VcopEvent,
    /// `YYYY-MM-DD`; absent on older updates that recorded none.
    pub event_date: Option<String>,
    /// The day the victim must be told by; absent for `Other`.
    pub deadline: Option<String>,
    pub title: String,
    pub what_happened: String,
    pub what_happens_next: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "en"))]
    pub language: Lang,
    /// `YYYY-MM-DD` the victim was told; absent until they are.
    pub told_on: Option<String>,
    /// How they were told; absent until they are, and on updates told before methods
    /// were recorded.
    pub told_by: Option<TellingMethod>,
}

/// `GET /api/staff/cases/{ref}/updates`: the timeline, newest first, and what the form
/// needs to check dates and offer languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffUpdatesView {
    pub updates: Vec<StaffUpdateView>,
    /// The language the victim reads.
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "en"))]
    pub victim_language: Lang,
    pub enhanced_rights: bool,
    /// `YYYY-MM-DD`: the earliest event date allowed.
    pub reported_on: String,
    /// `YYYY-MM-DD`, UK: the latest event date allowed.
    pub today: String,
}

/// `POST /api/staff/cases/{ref}/updates/{id}/told`: the officer told the victim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct MarkToldRequest {
    /// `call` or `visit` (the server records `portal` and `message` itself).
    pub method: TellingMethod,
}

/// Whose events the due list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueScope {
    /// The cases allocated to me or my team.
    #[default]
    Mine,
    /// Every case of my unit (supervisors).
    Unit,
}

/// Where an untold event stands against its deadline, on the server's UK today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DueStatus {
    /// The deadline has passed: `working_days` is how many working days ago.
    Overdue,
    DueToday,
    DueTomorrow,
    /// `working_days` working days left.
    DueLater,
}

/// One untold event on the due list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DueItem {
    pub update_id: String,
    pub crime_reference: String,
    pub event: VcopEvent,
    /// `YYYY-MM-DD`.
    pub event_date: String,
    pub deadline: String,
    pub status: DueStatus,
    /// Working days overdue (`Overdue`) or left (otherwise; 0 when due today).
    pub working_days: u32,
}

/// `GET /api/staff/due`: soonest deadline first, a page at a time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DueListView {
    pub items: Vec<DueItem>,
    /// Pass as `after` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
    /// `YYYY-MM-DD`, UK: the day the statuses are counted from.
    pub today: String,
}
