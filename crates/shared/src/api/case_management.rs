//! The staff app's case list parameters and case management (`/api/staff/cases…`):
//! which cases to list and in what order, and changing a case's stage, enhanced rights
//! and allocation. The victim app never uses these.

use serde::{Deserialize, Serialize};

/// Whose cases a list shows. Officers: `mine` (allocated to their own officer card) or
/// `team` (those and every case of their team: all they work, the default). Supervisors:
/// `unit` (every case of their unit's teams, the only choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseScope {
    Mine,
    Team,
    Unit,
}

impl CaseScope {
    /// The query-string spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Mine => "mine",
            Self::Team => "team",
            Self::Unit => "unit",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Self::Mine, Self::Team, Self::Unit]
            .into_iter()
            .find(|scope| scope.as_str() == text)
    }
}

/// The order of a case list; ties (and `reference`) go by crime reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseSort {
    /// Soonest untold Victims' Code deadline first; cases with none last.
    #[default]
    NextDeadline,
    Reference,
    /// In the usual order of a case (the stage catalogue's order).
    Stage,
}

impl CaseSort {
    pub const ALL: [CaseSort; 3] = [Self::NextDeadline, Self::Reference, Self::Stage];

    /// The query-string spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NextDeadline => "next_deadline",
            Self::Reference => "reference",
            Self::Stage => "stage",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|sort| sort.as_str() == text)
    }
}

/// How many cases one page of the list holds.
pub const CASE_PAGE_SIZE: usize = 50;

/// The most characters a reason for an enhanced-rights change may have.
pub const MAX_REASON_CHARS: usize = 500;

/// `PUT /api/staff/cases/{crime_reference}/stage`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeStageRequest {
    /// A code from the stage catalogue, e.g. `charged`.
    pub stage: String,
}

/// `PUT /api/staff/cases/{crime_reference}/enhanced-rights`. Changing it does not
/// recompute the deadlines of events already recorded; events recorded afterwards use
/// the new setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EnhancedRightsRequest {
    pub enhanced_rights: bool,
    /// Why; required (field `reason`), at most 500 characters.
    pub reason: String,
}

/// `PUT /api/staff/cases/{crime_reference}/allocation` (supervisors): to an officer of
/// the unit (their officer card; the case moves to their team too unless `team_id` says
/// otherwise) or to a team of the unit, or both. At least one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReallocateRequest {
    /// An officer card id from `AllocationOptionsView::officers`.
    #[serde(default)]
    pub officer_id: Option<String>,
    /// A team id from `AllocationOptionsView::teams`.
    #[serde(default)]
    pub team_id: Option<String>,
}

/// A stage an officer may choose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageChoice {
    pub code: String,
    /// In the request's language.
    pub title: String,
}

/// What was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CaseChangeKind {
    Stage,
    EnhancedRights,
    Officer,
    Team,
}

/// One recorded change of a case, newest first in `CaseManagementView::changes`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseChangeView {
    pub what: CaseChangeKind,
    /// RFC 3339 UTC.
    pub at: String,
    /// The staff member's display name.
    pub by: String,
    /// As words: a stage's title, "Yes"/"No" for enhanced rights, an officer's or team's
    /// name.
    pub from: Option<String>,
    pub to: Option<String>,
    pub reason: Option<String>,
}

/// `GET /api/staff/cases/{crime_reference}/management`: what the case page's
/// management forms need.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseManagementView {
    pub stage: String,
    /// Every stage, in the usual order of a case.
    pub stages: Vec<StageChoice>,
    pub enhanced_rights: bool,
    /// The officer card the case is allocated to (its name) and the team, if any.
    pub officer_id: String,
    pub officer_name: String,
    pub team_id: Option<String>,
    pub team_name: Option<String>,
    /// Whether this account may reallocate the case (supervisors).
    pub may_reallocate: bool,
    /// Newest first.
    pub changes: Vec<CaseChangeView>,
}

/// An officer a supervisor may allocate a case to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllocationOfficer {
    /// Their officer card's id.
    pub officer_id: String,
    pub name: String,
    pub team_id: Option<String>,
}

/// A team of the unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllocationTeam {
    pub team_id: String,
    pub name: String,
}

/// `GET /api/staff/unit/allocation-options` (supervisors): the unit's live officers with
/// an officer card, and its teams, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AllocationOptionsView {
    pub officers: Vec<AllocationOfficer>,
    pub teams: Vec<AllocationTeam>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_spellings_round_trip() {
        for sort in CaseSort::ALL {
            assert_eq!(CaseSort::parse(sort.as_str()), Some(sort));
        }
        for scope in [CaseScope::Mine, CaseScope::Team, CaseScope::Unit] {
            assert_eq!(CaseScope::parse(scope.as_str()), Some(scope));
        }
        assert_eq!(CaseSort::parse("deadline"), None);
    }
}
