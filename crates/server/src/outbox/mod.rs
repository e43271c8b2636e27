//! The outbox: texts, emails and letters queued for sending. The delivery worker
//! (`delivery::worker`) sends them when a provider is configured; without one they wait
//! here, and demo mode lists them at `GET /api/dev/outbox`.

pub mod demo_page;
pub mod dev;
mod store;

pub use store::{latest, queue, queue_case_update, NewMessage};

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

/// What a message is for; it decides when and how the worker sends it
/// (`delivery::rules`). Stored by its serde name in `outbox.kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A sign-in code the victim just asked for: sent at once.
    SignInCode,
    /// A code confirming a change of contact details: sent at once.
    ContactChangeCode,
    /// "Your contact details were changed", to the old channel: held to a safe window.
    ContactChangeNotice,
    /// "You have a new update": no recipient or body stored; both are worked out from the
    /// victim's current preferences when it is sent, inside a safe window.
    CaseUpdate,
}
