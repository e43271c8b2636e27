//! `/api/cases/{crime_reference}/callbacks`: a victim asks their officer to call them back
//! in windows they choose, follows the request, and can cancel it.

use serde::{Deserialize, Serialize};

/// The most characters "Tell us more" (`details`) may have: the form counts down to it and
/// the server refuses more.
pub const MAX_DETAILS_CHARS: usize = 1_000;
/// The most windows one request may offer.
pub const MAX_WINDOWS: usize = 5;
/// The shortest window, in minutes: an officer needs room to call.
pub const MIN_WINDOW_MINUTES: u16 = 60;

use super::preferences::SafeTimeWindow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallbackReason {
    CaseQuestion,
    /// The app shows 999 guidance before the form for this one.
    FeelUnsafe,
    ChangeDetails,
    SupportNeeds,
    /// Needs `details`.
    SomethingElse,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// As soon as possible within the windows.
    Urgent,
    /// Within the next 2 working days.
    Soon,
    /// Any of the chosen windows.
    Routine,
}

/// A window on one date, UK time: `date` `YYYY-MM-DD`, `start`/`end` `HH:MM`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackWindow {
    #[cfg_attr(feature = "openapi", schema(format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub date: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$", example = "10:00")
    )]
    pub start: String,
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^([01]?[0-9]|2[0-3]):[0-5][0-9]$", example = "11:00")
    )]
    pub end: String,
}

/// `POST /api/cases/{crime_reference}/callbacks`. Rules the server enforces (422 with
/// field keys `reason`, `details`, `urgency`, `windows`, `windows.{i}.{date|start|end}`,
/// `one_off_phone`): at least one window; each in the future, within the next 10 working
/// days, inside the victim's safe times, at least 1 hour long; `details` at most 1,000
/// characters (needed for `something_else`); at most 3 open requests per case (409).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCallbackRequest {
    pub reason: CallbackReason,
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub details: Option<String>,
    pub urgency: Urgency,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 5))]
    pub windows: Vec<CallbackWindow>,
    /// A safe number for this call only; otherwise the number on file is used. A UK
    /// mobile or landline number unless the service is configured for more countries.
    #[cfg_attr(
        feature = "openapi",
        schema(
            pattern = "^(\\+44|0)(7[1-57-9][0-9]{8}|[1-3][0-9]{8,9})$",
            example = "07700900982"
        )
    )]
    pub one_off_phone: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CallbackStatus {
    Requested,
    Scheduled,
    Done,
    Cancelled,
}

impl CallbackStatus {
    /// Requested and scheduled requests are open: they count towards the limit of 3.
    pub fn is_open(self) -> bool {
        matches!(self, Self::Requested | Self::Scheduled)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackView {
    pub id: String,
    pub reason: CallbackReason,
    /// As typed; the app escapes it on output like all text.
    pub details: Option<String>,
    pub urgency: Urgency,
    pub windows: Vec<CallbackWindow>,
    /// The last 3 digits of the number we will call, e.g. "982".
    pub phone_ending: String,
    pub status: CallbackStatus,
    /// RFC 3339 UTC, set once an officer schedules the call.
    pub scheduled_for: Option<String>,
    /// The booked call in UK time, as the victim is shown it ("Booked: Tue 2 Dec,
    /// 10:00–11:00"); set with `scheduled_for`.
    #[serde(default)]
    pub booked: Option<CallbackWindow>,
    /// RFC 3339 UTC.
    pub requested_at: String,
}

/// `GET /api/cases/{crime_reference}/callbacks`: requests newest first, plus what the form
/// needs to offer only valid windows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbacksView {
    pub callbacks: Vec<CallbackView>,
    pub max_open: u32,
    /// The victim's safe times (office hours on working days if they have none).
    pub safe_times: Vec<SafeTimeWindow>,
    /// The next 10 working days (`YYYY-MM-DD`), today included if it is one.
    pub bookable_dates: Vec<String>,
    /// True when there is a phone number on file to call.
    pub has_phone_on_file: bool,
}
