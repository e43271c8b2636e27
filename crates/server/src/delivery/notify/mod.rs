//! GOV.UK Notify as a delivery provider for texts, emails and letters: its settings
//! (`config`), the JWT each request carries (`jwt`), what its answers mean (`rules`), the
//! `Provider` itself (`client`), and the route its delivery receipts come to (`receipts`).
//!
//! Notify is given our own finished message: one template per channel whose content is
//! `((body))` (subject `((subject))`), so the personalisation is `{subject, body}`, and
//! the reference is the outbox id (a UUID), never personal data.

pub mod client;
pub mod config;
pub mod jwt;
pub mod receipts;
pub mod rules;

pub use client::{NotifyClient, Templates};
pub use config::{ApiKey, NotifyConfig, ReceiptToken};

/// The provider's name in the outbox and in receipts.
pub const PROVIDER_NAME: &str = "notify";
