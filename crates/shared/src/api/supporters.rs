//! Supporters (`/api/cases/{ref}/supporters`, `/api/supporter-sign-in/…` and the staff
//! app's `/api/staff/cases/{ref}/supporters`): people a victim chooses to help them, what
//! each may do, and how they sign in. Request types hide their fields from `Debug`, as
//! they carry names and contact details.

use serde::{Deserialize, Serialize};

/// What a victim lets a supporter do. Each is a set of the server's capabilities; rights
/// and support pages are public anyway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupporterPermission {
    /// Read the case and its updates.
    ReadUpdates,
    /// See, ask for and cancel callbacks.
    Callbacks,
    /// See and change contact preferences: where and when the victim can be reached.
    Preferences,
}

impl SupporterPermission {
    pub const ALL: [SupporterPermission; 3] =
        [Self::ReadUpdates, Self::Callbacks, Self::Preferences];
}

/// How an invitation and sign-in codes reach a supporter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupporterChannel {
    TextMessage,
    Email,
}

/// Who a supporter is to the victim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    FamilyMember,
    Partner,
    Friend,
    /// A parent or guardian of a child victim (officers add them).
    ParentOrGuardian,
    /// The family's nominated spokesperson after a death (officers add them).
    FamilySpokesperson,
    Other,
}

/// How long a victim's grant lasts before it ends by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccessLength {
    OneMonth,
    ThreeMonths,
    SixMonths,
    OneYear,
}

impl AccessLength {
    pub const ALL: [AccessLength; 4] = [
        Self::OneMonth,
        Self::ThreeMonths,
        Self::SixMonths,
        Self::OneYear,
    ];

    /// Days the grant lasts.
    pub fn days(self) -> i64 {
        match self {
            Self::OneMonth => 31,
            Self::ThreeMonths => 92,
            Self::SixMonths => 183,
            Self::OneYear => 365,
        }
    }
}

/// `POST /api/cases/{ref}/supporters`: a victim invites someone.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InviteSupporterRequest {
    /// What the victim calls them, 1 to 100 characters.
    pub name: String,
    pub channel: SupporterChannel,
    /// A mobile number for `text_message`, an email address for `email`.
    pub contact: String,
    pub relationship: Relationship,
    /// At least one.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub permissions: Vec<SupporterPermission>,
    pub access_length: AccessLength,
}

/// `POST /api/staff/cases/{ref}/supporters`: an officer adds a parent or guardian of a
/// child, or a bereaved family's spokesperson, with the reason recorded.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffAddSupporterRequest {
    pub name: String,
    pub channel: SupporterChannel,
    pub contact: String,
    /// `parent_or_guardian` or `family_spokesperson` only.
    pub relationship: Relationship,
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub permissions: Vec<SupporterPermission>,
    /// Why, 1 to 500 characters; recorded, never logged.
    pub reason: String,
}

/// `PUT /api/cases/{ref}/supporters/{id}`: what a supporter may do from now on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangeSupporterRequest {
    /// At least one.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub permissions: Vec<SupporterPermission>,
}

/// `POST /api/staff/cases/{ref}/supporters/{id}/remove`: why an officer removes one.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRemoveSupporterRequest {
    /// The victim asked, or a safeguarding concern: 1 to 500 characters.
    pub reason: String,
}

/// Where a supporter's access stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SupporterStatus {
    /// Invited, not yet signed in; the invitation may have expired (`invitation_expired`).
    Invited,
    /// The invitation ran out before they accepted.
    InvitationExpired,
    Active,
    /// The grant ran out.
    Expired,
}

/// Something a supporter did on the victim's behalf, as the victim is told it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupporterActivity {
    /// `audit_events.action`'s serde name, e.g. `read_case`, `request_callback`.
    pub action: String,
    /// UK date, `YYYY-MM-DD`.
    pub date: String,
}

/// One supporter as the victim (or the case's staff) sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupporterView {
    pub id: String,
    pub name: String,
    pub relationship: Relationship,
    pub channel: SupporterChannel,
    pub contact: String,
    pub permissions: Vec<SupporterPermission>,
    pub status: SupporterStatus,
    /// UK date the access ends, `YYYY-MM-DD`.
    pub access_ends_on: String,
    /// UK date and time, `YYYY-MM-DD HH:MM`, of their last sign-in.
    pub last_signed_in: Option<String>,
    /// Whether an officer added them (then only an officer changes what they may do).
    pub added_by_officer: bool,
    /// What they did lately, newest first (at most 20 lines, one per action per day).
    pub activity: Vec<SupporterActivity>,
}

/// A case's current supporters (removed ones are left out).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportersView {
    pub supporters: Vec<SupporterView>,
}

/// `POST /api/supporter-sign-in/start`: send a code to a supporter's own contact details.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartSupporterSignInRequest {
    /// The mobile number or email address the invitation was sent to.
    pub contact: String,
    /// The invitation's token from its link, on the first sign-in.
    #[serde(default)]
    pub invitation: Option<String>,
}

/// `POST /api/supporter-sign-in/verify`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifySupporterSignInRequest {
    pub contact: String,
    /// The 6 digits sent to them.
    pub code: String,
    #[serde(default)]
    pub invitation: Option<String>,
}

/// `POST /api/supporter-sign-in/invitation`: whether an invitation link can still be
/// used, asked before the supporter types anything.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInvitationRequest {
    pub invitation: String,
}

macro_rules! hide_fields {
    ($($name:ident),*) => {$(
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name)).finish_non_exhaustive()
            }
        }
    )*};
}
hide_fields!(
    InviteSupporterRequest,
    StaffAddSupporterRequest,
    StaffRemoveSupporterRequest,
    StartSupporterSignInRequest,
    VerifySupporterSignInRequest,
    CheckInvitationRequest
);

/// Who a supporter's session helps, and what they may do: the victim app shows only
/// what is granted, and the banner "You are helping Sam".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HelpingView {
    /// The victim's first name.
    pub victim_first_name: String,
    pub permissions: Vec<SupporterPermission>,
}
