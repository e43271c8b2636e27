//! `GET/PUT /api/cases/{crime_reference}/preferences`: how and when a victim may be
//! contacted safely, saved as versions.

use serde::{Deserialize, Serialize};

use crate::DayOfWeek;

/// Most safe-time windows a victim can give.
pub const MAX_SAFE_TIMES: usize = 7;
/// Most entries in a window's `days` (each day once; repeats are dropped).
pub const MAX_DAYS: usize = 7;
/// Most entries in `communication_needs` (each need once; repeats are dropped).
pub const MAX_COMMUNICATION_NEEDS: usize = 5;
pub const MAX_ADDRESS_CHARS: usize = 500;
pub const MAX_OTHER_LANGUAGE_CHARS: usize = 100;
pub const MAX_OTHER_NEEDS_CHARS: usize = 500;
/// Most versions one page of the history holds, and how many when not asked.
pub const MAX_HISTORY_PAGE: u32 = 50;
pub const DEFAULT_HISTORY_PAGE: u32 = 10;

/// What the server accepts, written as OpenAPI patterns (ECMA-262) so clients and
/// fuzzers know them; `crate::contact`'s parsers accept more spellings (spaces, lower
/// case), these are the plain forms. Each is checked against its parser in the tests.
pub const CLOCK_TIME_PATTERN: &str = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$";
/// UK mobile (07, not 070 or 076) and landline (01, 02, 03) numbers, national or +44.
pub const UK_PHONE_PATTERN: &str = "^(\\+44|0)(7[1-57-9][0-9]{8}|[1-3][0-9]{8,9})$";
pub const UK_POSTCODE_PATTERN: &str = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$";

/// Ways we may contact a victim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    PhoneCall,
    TextMessage,
    Email,
    Letter,
    /// A visit arranged by the officer.
    Visit,
}

/// Days and a time window in UK time when it is safe to call, e.g. weekdays 09:00–12:00.
/// `start` and `end` are `HH:MM` (24-hour), parsed by the server with `ClockTime::parse`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SafeTimeWindow {
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 7))]
    pub days: Vec<DayOfWeek>,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$", example = "09:00")
    )]
    pub start: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$", example = "12:00")
    )]
    pub end: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LanguageChoice {
    English,
    Welsh,
    /// Another language, named in `other_language`, with an interpreter.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CommunicationNeed {
    BslInterpreter,
    LargePrint,
    EasyRead,
    HearingLoop,
    /// Described in `other_needs`.
    Other,
}

/// How often the victim wants routine updates (the Victims' Code lets them choose fewer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum UpdateFrequency {
    EveryUpdate,
    KeyDecisionsOnly,
    OnlyWhenIAsk,
}

/// Who saved a version of the preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangedBy {
    Victim,
    Supporter,
    Officer,
}

/// The preferences as sent by the app (PUT body) and returned by the server. Free-text
/// fields arrive as typed; the server parses them (`PhoneNumber`, `EmailAddress`,
/// `UkPostcode`, `ClockTime`) and answers 422 with field errors. Field error keys are these
/// field names; errors inside a safe-time window use `safe_times.{index}.{days|start|end}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactPreferences {
    pub preferred_method: ContactMethod,
    pub second_method: Option<ContactMethod>,
    /// Needed when a phone call or text message is chosen. A UK mobile or landline
    /// number unless the service is configured for more countries.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(\\+44|0)(7[1-57-9][0-9]{8}|[1-3][0-9]{8,9})$",
            example = "07700900982"
        )
    )]
    pub phone: Option<String>,
    /// Needed when email is chosen.
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    /// Postal address lines (any characters), needed when letter is chosen.
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub address: Option<String>,
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$",
            example = "SW1A 1AA"
        )
    )]
    pub postcode: Option<String>,
    /// At least one when a phone call is chosen.
    #[cfg_attr(feature = "openapi", schema(max_items = 7))]
    pub safe_times: Vec<SafeTimeWindow>,
    pub voicemail_safe: bool,
    pub letters_safe: bool,
    pub caller_id_allowed: bool,
    pub language: LanguageChoice,
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub other_language: Option<String>,
    pub interpreter_needed: bool,
    #[cfg_attr(feature = "openapi", schema(max_items = 5))]
    pub communication_needs: Vec<CommunicationNeed>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub other_needs: Option<String>,
    pub update_frequency: UpdateFrequency,
}

/// The current version, with what it means in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreferencesView {
    /// Normalised (phone in E.164, postcode in capitals).
    pub preferences: ContactPreferences,
    pub version: u32,
    /// RFC 3339 UTC.
    pub changed_at: String,
    pub changed_by: ChangedBy,
    /// Plain sentences saying what we will and will not do, e.g. "We will only call you on
    /// weekdays between 9am and 12pm and will not leave voicemails."
    pub summary: Vec<String>,
    /// Set when this save would move where sign-in codes go: the other choices are saved
    /// (above), but the new contact details wait for a code sent to them (or, when they
    /// leave no way to get a code, to the current ones). Absent otherwise; older apps
    /// ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_contact_change: Option<PendingContactChange>,
}

/// A change of the sign-in contact details waiting for its confirmation code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PendingContactChange {
    /// How the code was sent: `text_message` (to a phone) or `email`.
    pub code_sent_by: ContactMethod,
    /// True when the code went to the contact details in use now, because the new choice
    /// (letter, call or visit) cannot receive codes; false when it went to the new ones.
    pub sent_to_current: bool,
    pub expires_in_minutes: u32,
}

/// `POST /api/cases/{crime_reference}/preferences/confirm-contact`: the code that confirms
/// a pending change of contact details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ConfirmContactRequest {
    pub code: String,
}

/// `GET /api/cases/{crime_reference}/preferences/history`: one page of versions, newest
/// first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreferencesHistory {
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub versions: Vec<PreferencesVersion>,
    /// Set when older versions are left: pass it as `before` for the next page.
    #[serde(default)]
    pub next_before: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreferencesVersion {
    pub version: u32,
    pub changed_at: String,
    pub changed_by: ChangedBy,
    /// What the version means, with phone numbers and email addresses left out ("the
    /// number you gave us"): history is read on shared devices.
    pub summary: Vec<String>,
    /// What changed from the version before, without values, e.g. "Phone number changed".
    /// Empty for version 1 and for older servers.
    #[serde(default)]
    pub changes: Vec<String>,
}
