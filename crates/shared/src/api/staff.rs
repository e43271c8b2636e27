//! The staff app's requests and answers (`/api/staff/…`). The victim app never uses
//! these, so none of it reaches a victim's download.

use serde::{Deserialize, Serialize};

use crate::api::messages::{DeliveryStatus, MessageChannel, MessageKind};
use crate::api::preferences::PreferencesView;

/// `POST /api/staff/sign-in`: all three in one step. Fields arrive as typed; the server
/// answers a missing or malformed one with a field error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSignInRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]")
    )]
    pub email: String,
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 1,
            pattern = "^[^\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF]*$"
        )
    )]
    pub password: String,
    /// The 6-digit code from the authenticator app.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[0-9]{6}$", example = "123456")
    )]
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
    /// Sign-in by code is blocked for now: someone entered too many wrong codes for this
    /// reference. The officer should call the victim to check they are safe.
    #[serde(default)]
    pub sign_in_blocked: bool,
    /// Messages to the victim that could not be delivered (the provider refused them for
    /// good, or no safe written method was left) since the victim last changed their
    /// contact preferences: the staff app flags the case ("We could not reach the victim
    /// by text: the number may be wrong") and lists them (`StaffCaseMessagesView`).
    #[serde(default)]
    pub undelivered_messages: u32,
    /// The stage's code (`stage` is its title).
    #[serde(default)]
    pub stage_code: String,
    /// Callback requests still open (requested or scheduled).
    #[serde(default)]
    pub open_callbacks: u32,
    /// Who the case is allocated to: the officer card's name, and the team's if any.
    #[serde(default)]
    pub officer_name: String,
    #[serde(default)]
    pub team_name: Option<String>,
}

/// `GET /api/staff/cases`: one page of the list, at most
/// `case_management::CASE_PAGE_SIZE` cases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCasesView {
    pub cases: Vec<StaffCaseSummary>,
    /// How many cases match the scope and filters, on every page together.
    #[serde(default)]
    pub total: u64,
    /// Pass as `after` for the next page; none on the last page.
    #[serde(default)]
    pub next: Option<String>,
    /// Pass as `before` for the previous page; none on the first page.
    #[serde(default)]
    pub previous: Option<String>,
    /// The scope listed, and the scopes this account may choose.
    #[serde(default = "default_scope")]
    pub scope: crate::api::case_management::CaseScope,
    #[serde(default)]
    pub scopes: Vec<crate::api::case_management::CaseScope>,
    /// Every stage, for the stage filter, in the usual order of a case.
    #[serde(default)]
    pub stages: Vec<crate::api::case_management::StageChoice>,
}

fn default_scope() -> crate::api::case_management::CaseScope {
    crate::api::case_management::CaseScope::Team
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
    /// As in `StaffCaseSummary`.
    #[serde(default)]
    pub sign_in_blocked: bool,
    /// As in `StaffCaseSummary`.
    #[serde(default)]
    pub undelivered_messages: u32,
    pub preferences: PreferencesView,
}

/// One message sent (or to be sent) to the victim of a case, as the officer sees it:
/// what it was for, how and when it went, and what became of it. Never where it went or
/// what it said.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCaseMessage {
    pub id: String,
    pub kind: MessageKind,
    /// None for a case update not sent yet (its method is chosen from the victim's
    /// preferences when it is sent).
    pub channel: Option<MessageChannel>,
    pub status: DeliveryStatus,
    /// RFC 3339 UTC.
    pub queued_at: String,
    pub sent_at: Option<String>,
    pub delivered_at: Option<String>,
    /// `notify` or `smtp`.
    pub provider: Option<String>,
    /// Why it failed or was not sent: a short fixed phrase such as "no safe written
    /// method" or the provider's reason.
    pub failure_reason: Option<String>,
    /// The case update a `case_update` message told the victim about.
    pub case_update_id: Option<String>,
    /// That update's title, as the victim sees it.
    #[serde(default)]
    pub update_title: Option<String>,
    /// That update's Victims' Code deadline (YYYY-MM-DD), if the event carries one: the
    /// deadline the message served.
    #[serde(default)]
    pub vcop_deadline: Option<String>,
}

/// `GET /api/staff/cases/{crime_reference}/messages`: the case's messages, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCaseMessagesView {
    #[cfg_attr(feature = "openapi", schema(max_items = 200))]
    pub messages: Vec<StaffCaseMessage>,
}

/// `POST /api/staff/officers`: a supervisor creates an officer account in one of their
/// unit's teams, with a first password they pass on to the officer. Fields arrive as
/// typed; the server answers each missing or unfit one with a field error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOfficerRequest {
    /// The officer's work email address: their sign-in name.
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: String,
    /// The name the staff app shows for them.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]",
            max_length = 100
        )
    )]
    pub display_name: String,
    /// One of the supervisor's unit's teams.
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]")
    )]
    pub team_id: String,
    /// 12 to 128 characters, and not a commonly used password.
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 12,
            max_length = 128,
            pattern = "^[^\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF]*$"
        )
    )]
    pub password: String,
}

/// The answer to `POST /api/staff/officers`: the new account, and what the officer's
/// authenticator app needs. Shown once: the server never sends the secret again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOfficerView {
    pub id: String,
    /// The second-factor secret, base32, for typing into an authenticator app.
    pub totp_secret: String,
    /// The same secret as an `otpauth://` link (for a QR code or a tap on a phone).
    pub otpauth_link: String,
}

/// One officer of the supervisor's unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficerSummary {
    pub id: String,
    pub email: String,
    pub display_name: String,
    /// None for an officer who works only the cases allocated to them.
    pub team_id: Option<String>,
    /// A disabled account cannot sign in.
    pub disabled: bool,
}

/// `GET /api/staff/officers`: the unit's officers, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficersView {
    pub officers: Vec<OfficerSummary>,
}
