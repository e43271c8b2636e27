//! The providers this server sends through, chosen from the settings in one place.

use std::sync::Arc;

use super::notify::NotifyClient;
use super::provider::{Provider, Providers};
use super::smtp::SmtpRelay;
use crate::platform::config::Config;

/// The configured providers, in order of preference. With none, messages stay in the
/// outbox and no delivery worker runs (demo mode lists them instead).
///
/// SMTP goes first: for email the force's own relay is preferred over Notify when both are
/// configured (`Providers::for_channel` takes the first that carries a channel).
pub fn from_config(config: &Config) -> anyhow::Result<Providers> {
    let mut list: Vec<Arc<dyn Provider>> = Vec::new();
    if let Some(relay) = SmtpRelay::from_args(&config.smtp)? {
        list.push(Arc::new(relay));
    }
    if let Some(notify) = NotifyClient::from_config(&config.notify)? {
        list.push(Arc::new(notify));
    }
    Ok(Providers::new(list))
}
