//! The seam between the delivery worker and whatever carries a message (GOV.UK Notify, the
//! force's SMTP relay): the worker holds `Provider`s and never knows which one it talks to.

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
