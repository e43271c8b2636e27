//! Messages to victims as the API names them: what a message is for, how it travels and
//! what became of it. The server stores each by its serde name; the staff app shows them.

use serde::{Deserialize, Serialize};

/// How a message travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageChannel {
    Sms,
    Email,
    /// By post, through GOV.UK Notify; only where the victim said letters are safe.
    Letter,
}

/// What a message is for; it decides when and how it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// A sign-in code the victim just asked for: sent at once.
    SignInCode,
    /// A code confirming a change of contact details: sent at once.
    ContactChangeCode,
    /// "Your contact details were changed", to the old channel: held to a safe window.
    ContactChangeNotice,
    /// "You have a new update": where and how it goes is worked out from the victim's
    /// preferences when it is sent, inside a safe window.
    CaseUpdate,
    /// An invitation to help a victim, to the supporter's own contact: sent at once, in
    /// neutral words.
    SupporterInvitation,
    /// A sign-in code a supporter just asked for: sent at once.
    SupporterSignInCode,
}

/// A message's delivery status. GOV.UK Notify's statuses map onto it one to one; an SMTP
/// relay that accepted a message makes it `Sent` (SMTP has no receipt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryStatus {
    /// Waiting in the outbox: for its time, for its safe window, or for a provider.
    Queued,
    /// Claimed by a worker, which holds a lease on it while it talks to the provider.
    Sending,
    /// Accepted by the provider, not yet known to have arrived.
    Sent,
    Delivered,
    /// Will be tried again (with backoff).
    TemporaryFailure,
    /// Will not be tried again; the case is flagged for its officer.
    PermanentFailure,
    /// Not sent, on purpose: the method is no longer safe, or the message no longer of use
    /// (an expired sign-in code).
    Cancelled,
}

impl DeliveryStatus {
    /// Whether the message failed to reach the victim for good (the officer's flag).
    pub fn is_undelivered(self) -> bool {
        matches!(self, Self::PermanentFailure | Self::Cancelled)
    }
}
