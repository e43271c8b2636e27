//! The outbox: text messages and emails queued for sending. No provider is connected yet,
//! so messages wait here; demo mode lists them at `GET /api/dev/outbox`.

pub mod demo_page;
pub mod dev;
mod store;

pub use store::{latest, queue};

use serde::{Deserialize, Serialize};

/// What a spent sign-in code's message says instead of the code (retention writes it).
/// Stored as it is, not sealed: it is the same for everyone. Not shown to victims (demo
/// mode's outbox page shows it).
pub const BLANKED_BODY: &str =
    "[removed: the sign-in code in this message was used or has expired]";

/// How many messages demo mode shows, newest first.
pub const DEMO_LIMIT: i64 = 50;

/// How a message travels. Stored by its serde name (`platform::stored`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Sms,
    Email,
    /// By post, through GOV.UK Notify; only where the victim said letters are safe.
    Letter,
}
