//! The officer's side of callbacks and the contact log, under `/api/staff/`: the callback
//! queue (`GET /api/staff/callbacks`), booking a call inside a window the victim chose,
//! closing a request, every contact attempt and its outcome, and the check an officer
//! makes with the victim after someone else answered their phone.

use serde::{Deserialize, Serialize};

use super::callbacks::CallbackView;
use super::preferences::ContactMethod;

/// The most characters a contact's note may have.
pub const MAX_NOTE_CHARS: usize = 500;
/// How long a booked call is: the victim sees "10:00–11:00".
pub const CALL_SLOT_MINUTES: u16 = 60;
/// Requests on one page of the queue.
pub const QUEUE_PAGE_SIZE: u32 = 25;

/// Whose requests the queue lists: `mine` (cases allocated to the officer; a
/// supervisor's unit) or `unit` (everything the caller works: the officer's team too).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueueScope {
    #[default]
    Mine,
    Unit,
}

/// A callback request as an officer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCallbackView {
    pub crime_reference: String,
    pub callback: CallbackView,
    /// "I feel unsafe now" (reason `feel_unsafe`) or marked urgent: listed first, flagged.
    pub unsafe_now: bool,
    /// Someone else answered this number and the victim has not yet confirmed it is
    /// safe: do not call or text it.
    pub number_flagged: bool,
}

/// `GET /api/staff/callbacks`: open requests, "unsafe now" first, then soonest window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackQueueView {
    pub callbacks: Vec<StaffCallbackView>,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
    /// Open requests in the queue, over all pages.
    pub total: u32,
}

/// `GET /api/staff/cases/{ref}/callbacks`: the case's requests, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffCaseCallbacksView {
    pub callbacks: Vec<StaffCallbackView>,
}

/// `POST …/callbacks/{id}/schedule`: a call of `CALL_SLOT_MINUTES` starting at `start`
/// on `date` (UK time). Refused (422, fields `date`, `start`, `callback`) unless the
/// whole call fits one of the windows the victim chose and their current safe times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleCallback {
    #[cfg_attr(feature = "openapi", schema(format = Date, example = "2026-03-11"))]
    pub date: String,
    #[cfg_attr(feature = "openapi", schema(example = "10:00"))]
    pub start: String,
}

/// How a callback request ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallbackOutcome {
    /// The call happened (also logged as a contact).
    SpokeToVictim,
    /// The victim said they no longer need the call.
    NoLongerNeeded,
    /// Tried and failed; the attempts are in the contact log.
    CouldNotReach,
}

/// `POST …/callbacks/{id}/complete`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompleteCallback {
    pub outcome: CallbackOutcome,
}

/// What came of a contact attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactOutcome {
    SpokeToVictim,
    NoAnswer,
    /// Only by phone, and only where the victim said voicemail is safe.
    VoicemailLeft,
    /// Only by phone: flags the number as possibly unsafe until an officer checks it
    /// with the victim another way.
    SomeoneElseAnswered,
}

/// `POST /api/staff/cases/{ref}/contacts`. 422 with fields `method`, `outcome`,
/// `callback_id`, `case_update_id`, `note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewContact {
    pub method: ContactMethod,
    pub outcome: ContactOutcome,
    /// The callback request this attempt was for; an attempt does not close it.
    pub callback_id: Option<String>,
    /// The case update the victim was told about, if any.
    pub case_update_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: Option<String>,
}

/// One logged contact attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactView {
    pub id: String,
    pub method: ContactMethod,
    pub outcome: ContactOutcome,
    pub callback_id: Option<String>,
    pub case_update_id: Option<String>,
    pub note: Option<String>,
    /// RFC 3339 UTC.
    pub recorded_at: String,
    /// The name of the officer who recorded it.
    pub recorded_by: String,
}

/// A number someone else answered, waiting for the officer to check it with the victim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NumberCheck {
    /// The last 3 digits.
    pub phone_ending: String,
    /// RFC 3339 UTC.
    pub flagged_at: String,
}

/// `GET /api/staff/cases/{ref}/contacts`: newest first, and what the form may offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactLogView {
    pub contacts: Vec<ContactView>,
    /// Numbers to check with the victim; texts and calls to them are stopped meanwhile.
    pub number_checks: Vec<NumberCheck>,
    /// Whether the victim said voicemail is safe (the only case "voicemail left" is offered).
    pub voicemail_safe: bool,
}

/// What the victim said when the officer checked a flagged number with them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckOutcome {
    /// The number is still safe: texts and calls to it resume.
    ConfirmedSafe,
    /// The number is not theirs or not safe any more: it stays stopped for good.
    Changed,
}

/// `POST /api/staff/cases/{ref}/contact-check`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactCheck {
    pub outcome: CheckOutcome,
}

/// The answer to a contact check: how many flagged numbers it settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactCheckDone {
    pub settled: u32,
}
