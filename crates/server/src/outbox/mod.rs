//! The outbox: texts, emails and letters queued for sending. The delivery worker
//! (`delivery::worker`) sends them when a provider is configured; without one they wait
//! here, and demo mode lists them at `GET /api/dev/outbox`.

pub mod demo_page;
pub mod dev;
mod store;

pub use store::{latest, queue, queue_case_update, NewMessage};

/// What a spent sign-in code's message says instead of the code (retention writes it).
/// Stored as it is, not sealed: it is the same for everyone. Not shown to victims (demo
/// mode's outbox page shows it).
pub const BLANKED_BODY: &str =
    "[removed: the sign-in code in this message was used or has expired]";

/// How many messages demo mode shows, newest first.
pub const DEMO_LIMIT: i64 = 50;

/// How a message travels, and what it is for (which decides when and how the worker
/// sends it, `delivery::rules`). Stored by their serde names (`platform::stored`) in
/// `outbox.channel` and `outbox.kind`; shared, as the staff app shows them.
pub use shared::api::messages::{MessageChannel as Channel, MessageKind as Kind};
