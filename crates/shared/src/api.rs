//! JSON bodies of the Safe Updates API. Field names are the wire format: change them only
//! together with the OpenAPI document and both sides.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Text with something besides spaces in it once the server has removed control and
/// bidi-override characters (it does so to every string first): an OpenAPI pattern for
/// fields that must not be blank.
pub const NOT_BLANK_PATTERN: &str =
    "[^\\s\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF]";
/// Text without any character the server removes or changes, so its length is what the
/// server counts: an OpenAPI pattern for fields with a least length.
pub const NOTHING_REMOVED_PATTERN: &str =
    "^[^\\x00-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029\\uFEFF]*$";

/// Every error response has this shape, whatever the status.
///
/// `errors` maps a request field to its messages (422 for bad input; it maps one-to-one
/// onto the GOV.UK error summary). `message` is a plain sentence safe to show a victim.
/// `request_id` is set on 5xx responses so support can find the logged cause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub message: String,
    #[serde(default)]
    pub errors: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// On a 401: the caller was a supporter whose access was removed or ran out (the app
    /// says "This access is no longer active" instead of asking them to sign in).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub access_ended: bool,
}

/// `GET /api/health`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HealthResponse {
    pub status: String,
}

/// `GET /api/config`: settings the app needs before anything else, none of them secret.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientConfig {
    /// Where "Exit this page" sends someone: a neutral, everyday site.
    pub exit_url: String,
}

/// Where "Exit this page" goes unless the server is configured otherwise (`--exit-url`),
/// and where the app sends someone before `GET /api/config` has answered. The static
/// shell in `index.html` repeats it because it must work without the app.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// `POST /api/sign-in/start`: ask for a one-time code. Fields arrive as typed and are
/// parsed by the server, so a bad value comes back as a field error, not a 400.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartSignInRequest {
    /// 5 to 20 letters, digits, `/` or `-`, at least 3 of them digits (spaces are
    /// ignored, letters may be either case).
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(?=(?:[^0-9]*[0-9]){3})[A-Za-z0-9/-]{5,20}$",
            example = "CR/100001/25"
        )
    )]
    pub crime_reference: String,
}

/// Reply to `POST /api/sign-in/start`. The same whether or not the reference exists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StartSignInResponse {
    /// Minutes the code stays valid.
    pub expires_in_minutes: u32,
}

/// `POST /api/sign-in/verify`: exchange the code for a session cookie.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifySignInRequest {
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(?=(?:[^0-9]*[0-9]){3})[A-Za-z0-9/-]{5,20}$",
            example = "CR/100001/25"
        )
    )]
    pub crime_reference: String,
    /// The 6 digits sent to the victim (spaces and hyphens are ignored).
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[0-9]{6}$", example = "123456")
    )]
    pub code: String,
}

impl std::fmt::Debug for VerifySignInRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VerifySignInRequest")
            .finish_non_exhaustive()
    }
}

/// Who is signed in: `GET /api/session` and the reply to a successful verify.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionView {
    pub role: Role,
    /// The case this session may read (victims have exactly one).
    pub crime_reference: String,
    /// Minutes of inactivity after which the session ends.
    pub idle_timeout_minutes: u32,
    /// For a supporter: whom they help and what they may do.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub helping: Option<supporters::HelpingView>,
}

/// What kind of user a victim-app session belongs to (staff sessions have their own view).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Victim,
    /// Someone the victim chose to help them, within what they granted.
    Supporter,
}

/// `GET /api/cases/{crime_reference}`: a victim's case as they see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseView {
    pub crime_reference: String,
    /// Plain words, e.g. "Burglary at your home".
    pub crime_type: String,
    /// Machine category for filtering support services, e.g. `burglary`,
    /// `domestic_abuse`, `robbery`, `criminal_damage`, `harassment`, `sexual_offence`,
    /// `hate_crime`, `fraud`, `assault`, `other`.
    pub crime_category: String,
    pub stage: StageView,
    /// True when the victim is entitled to enhanced rights under the Victims' Code.
    pub enhanced_rights: bool,
    /// ISO date (YYYY-MM-DD) the crime was reported.
    pub reported_on: String,
    pub officer: OfficerContact,
    /// Newest first.
    pub updates: Vec<CaseUpdateView>,
}

/// Where the case is now, explained.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StageView {
    /// Machine name, e.g. `charged`.
    pub code: String,
    /// Short label, e.g. "Charged: going to court".
    pub title: String,
    /// What this stage means, in plain words.
    pub explanation: String,
    /// What usually happens next.
    pub what_happens_next: String,
}

/// The officer looking after the case and how to reach them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficerContact {
    pub name: String,
    /// e.g. "Victim care officer".
    pub role: String,
    /// Display form of the phone number, e.g. "01632 960 123".
    pub phone: String,
    /// E.164 form for `tel:` links, e.g. "+441632960123".
    pub phone_link: String,
    pub email: String,
    /// When they can usually be reached, e.g. "Monday to Friday, 9am to 5pm".
    pub hours: String,
}

/// One entry in the case timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CaseUpdateView {
    pub id: String,
    /// ISO date (YYYY-MM-DD) the update was made.
    pub date: String,
    pub title: String,
    pub what_happened: String,
    pub what_happens_next: String,
    /// The language the officer wrote the texts in (pages mark it where it differs).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = String, example = "en"))]
    pub language: crate::Lang,
    /// Set when the Victims' Code required us to tell the victim about this event.
    pub vcop: Option<VcopTiming>,
}

/// How fast we told the victim about an event the Victims' Code says they must hear about.
/// All dates `YYYY-MM-DD`; working days skip weekends and England and Wales bank holidays.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VcopTiming {
    /// When the event happened (e.g. the day the suspect was charged).
    pub event_date: String,
    /// 1 or 5, by the kind of event and the victim's rights.
    pub working_days_allowed: u32,
    /// The last day the victim should have been told.
    pub deadline: String,
    /// When they were told: by the portal, a message or an officer (older updates: the
    /// update's date).
    pub told_on: String,
    /// 0 when on time.
    pub late_by_working_days: u32,
}

/// `GET /api/dev/outbox` (demo mode only): messages the server would have sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxMessage {
    pub id: String,
    /// `sms`, `email` or `letter`.
    pub channel: String,
    pub recipient: String,
    pub body: String,
    /// RFC 3339 UTC time the message was queued.
    pub created_at: String,
    /// What became of it; `queued` for ever when no provider is configured.
    pub status: messages::DeliveryStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxResponse {
    /// Newest first.
    pub messages: Vec<OutboxMessage>,
}

pub mod audit;
pub mod callbacks;
pub mod case_management;
pub mod content;
pub mod dev;
pub mod messages;
pub mod preferences;
pub mod staff;
pub mod staff_callbacks;
pub mod supporters;
pub mod updates;
