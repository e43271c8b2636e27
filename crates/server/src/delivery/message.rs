//! What a provider is given (`Outgoing`: rendered, addressed, already checked safe) and
//! what it answers. Every provider (GOV.UK Notify, an SMTP relay) speaks these types, so
//! the worker neither knows nor cares which one carried a message.

use crate::outbox::Channel;

/// Where a message goes, opened from its sealed form just before sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Address {
    /// A UK mobile number, E.164 (`+447700900123`).
    Phone(String),
    Email(String),
    /// A letter: the addressee's name first, then the address lines; the postcode last.
    Postal {
        lines: Vec<String>,
        postcode: String,
    },
}

/// A message ready to send. Its `reference` is the outbox id (a UUID): it goes to the
/// provider as the idempotency reference, so it must never carry personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub reference: String,
    pub channel: Channel,
    pub address: Address,
    /// An email's subject or a letter's heading; neutral (nothing about police or crime
    /// unless the victim said branding is safe). Texts have none.
    pub subject: String,
    pub body: String,
}

/// Stored by its serde name (`platform::stored`); shared, as the staff app shows it.
pub use shared::api::messages::DeliveryStatus;

/// A provider took the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    /// The provider's own id for it (Notify's notification id), if it gives one: receipts
    /// name it.
    pub provider_id: Option<String>,
    /// `Sent`, or `Delivered` where accepting is all the provider will ever tell us.
    pub status: DeliveryStatus,
}

/// A provider did not take the message. `reason` is a short fixed phrase for logs and the
/// staff app ("rate limited", "invalid phone number"): never the address or the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendFailure {
    /// Worth trying again later: network trouble, rate limits, the provider's 5xx.
    Temporary { reason: String },
    /// Trying again cannot help: the provider refused the address or the request.
    Permanent { reason: String },
}
