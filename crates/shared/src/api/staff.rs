//! The staff app's requests and answers (`/api/staff/…`). The victim app never uses
//! these, so none of it reaches a victim's download.

use serde::{Deserialize, Serialize};

use crate::api::preferences::PreferencesView;

/// `POST /api/staff/sign-in`: all three in one step. Fields arrive as typed; the server
/// answers a missing or malformed one with a field error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSignInRequest {
    pub email: String,
    pub password: String,
    /// The 6-digit code from the authenticator app.
    pub code: String,
}

/// What a staff account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Works the cases allocated to them or their team.
    Officer,
    /// Sees every case of their unit.
    Supervisor,
}

/// `GET /api/staff/session`, and the answer to a sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSessionView {
    pub role: StaffRole,
    pub display_name: String,
    pub idle_timeout_minutes: u32,
}

/// One line of "My cases".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCaseSummary {
    pub crime_reference: String,
    pub crime_type: String,
    /// The stage's title in the request's language.
    pub stage: String,
    pub enhanced_rights: bool,
    /// ISO date of the soonest Victims' Code deadline for an event the victim has not
    /// been told about yet; none when every event has been told.
    pub next_deadline: Option<String>,
}

/// `GET /api/staff/cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCasesView {
    pub cases: Vec<StaffCaseSummary>,
}

/// `GET /api/staff/cases/{crime_reference}`: the case, and how the victim may be
/// contacted safely (shown first in the staff app).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCaseView {
    pub crime_reference: String,
    pub crime_type: String,
    pub stage: String,
    pub enhanced_rights: bool,
    pub next_deadline: Option<String>,
    pub preferences: PreferencesView,
}
