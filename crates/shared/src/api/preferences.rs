//! `GET/PUT /api/cases/{crime_reference}/preferences`: how and when a victim may be
//! contacted safely, saved as versions.

use serde::{Deserialize, Serialize};

use crate::DayOfWeek;

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
    pub days: Vec<DayOfWeek>,
    pub start: String,
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
    /// Needed when a phone call or text message is chosen.
    pub phone: Option<String>,
    /// Needed when email is chosen.
    pub email: Option<String>,
    /// Postal address lines (any characters), needed when letter is chosen.
    pub address: Option<String>,
    pub postcode: Option<String>,
    /// At least one when a phone call is chosen.
    pub safe_times: Vec<SafeTimeWindow>,
    pub voicemail_safe: bool,
    pub letters_safe: bool,
    pub caller_id_allowed: bool,
    pub language: LanguageChoice,
    pub other_language: Option<String>,
    pub interpreter_needed: bool,
    pub communication_needs: Vec<CommunicationNeed>,
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

/// `GET /api/cases/{crime_reference}/preferences/history`: every version, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PreferencesHistory {
    pub versions: Vec<PreferencesVersion>,
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
