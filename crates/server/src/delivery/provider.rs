//! The seam between the delivery worker and whatever carries a message (GOV.UK Notify, an
//! SMTP relay): the worker holds a list of `Provider`s and asks each which channels it
//! carries.

use crate::delivery::message::{Accepted, Outgoing, SendFailure};
use crate::outbox::Channel;

pub type BoxFuture<'a, T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send + 'a>>;

pub trait Provider: Send + Sync {
    fn name(&self) -> &'static str;
    fn carries(&self, channel: Channel) -> bool;
    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>>;
    fn find_sent<'a>(
        &'a self,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>>;
}
