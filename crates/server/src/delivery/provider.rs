//! The seam between the worker and whoever carries a message (GOV.UK Notify, an SMTP
//! relay): a dyn-compatible trait, so the list of providers is chosen at start-up from
//! the settings, and tests put in one that records what it was given.

use std::sync::Arc;

use super::message::{Accepted, Outgoing, SendFailure};
use crate::outbox::Channel;

/// A boxed future, so `Provider` stays usable as `dyn Provider`.
pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

pub trait Provider: Send + Sync {
    /// Stored in outbox.provider ("notify", "smtp").
    fn name(&self) -> &'static str;
    fn carries(&self, channel: Channel) -> bool;
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>>;
    /// After a lost outcome (a lease ran out mid-send): what the provider already holds
    /// under this reference, so a message is not sent twice. Providers that cannot look
    /// it up answer Ok(None).
    fn find_sent<'a>(
        &'a self,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>>;
}

/// The providers this server sends through, in order of preference: the first that
/// carries a channel is the one used for it.
#[derive(Clone, Default)]
pub struct Providers(Vec<Arc<dyn Provider>>);

impl Providers {
    /// The list as given. For email an SMTP relay is preferred over Notify (it is the
    /// force's own), so callers put it first; `providers::from_config` does.
    pub fn new(list: Vec<Arc<dyn Provider>>) -> Self {
        Self(list)
    }

    /// The provider that carries `channel`, if any does.
    pub fn for_channel(&self, channel: Channel) -> Option<&Arc<dyn Provider>> {
        self.0.iter().find(|provider| provider.carries(channel))
    }

    /// No provider: messages stay in the outbox, and no worker runs.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Debug for Providers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|provider| provider.name()))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::message::DeliveryStatus;

    struct Fake(&'static str, &'static [Channel]);

    impl Provider for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn carries(&self, channel: Channel) -> bool {
            self.1.contains(&channel)
        }
        fn send<'a>(&'a self, _: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>> {
            Box::pin(async {
                Ok(Accepted {
                    provider_id: None,
                    status: DeliveryStatus::Sent,
                })
            })
        }
        fn find_sent<'a>(
            &'a self,
            _: &'a str,
        ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>> {
            Box::pin(async { Ok(None) })
        }
    }

    #[test]
    fn the_first_provider_that_carries_a_channel_is_used() {
        let providers = Providers::new(vec![
            Arc::new(Fake("smtp", &[Channel::Email])),
            Arc::new(Fake(
                "notify",
                &[Channel::Sms, Channel::Email, Channel::Letter],
            )),
        ]);
        assert_eq!(
            providers.for_channel(Channel::Email).unwrap().name(),
            "smtp"
        );
        assert_eq!(
            providers.for_channel(Channel::Sms).unwrap().name(),
            "notify"
        );
        assert!(!providers.is_empty());
        assert!(Providers::default().for_channel(Channel::Sms).is_none());
        assert!(Providers::default().is_empty());
    }
}
