//! A provider for the worker's tests: it records what it is given, answers with the
//! outcomes a test lines up (accepted when none is left), can "die" mid-send (it keeps
//! the message, as a provider would, but never answers), and answers `find_sent` from
//! what it kept.

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use server::delivery::message::{Accepted, DeliveryStatus, Outgoing, SendFailure};
use server::delivery::provider::{BoxFuture, Provider, Providers};
use server::outbox::Channel;

pub const NAME: &str = "recording";

#[derive(Default)]
pub struct Recording {
    pub sent: Mutex<Vec<Outgoing>>,
    pub outcomes: Mutex<VecDeque<Result<Accepted, SendFailure>>>,
    /// What the provider holds, by reference.
    pub held: Mutex<HashMap<String, Accepted>>,
    /// The references `find_sent` was asked about.
    pub asked: Mutex<Vec<String>>,
    /// The next send takes the message and never answers.
    pub hang_next: AtomicBool,
}

impl Recording {
    /// A recording provider for every channel, and the list holding only it.
    pub fn new() -> (Arc<Self>, Providers) {
        let recording = Arc::new(Self::default());
        let as_provider: Arc<dyn Provider> = recording.clone();
        (recording, Providers::new(vec![as_provider]))
    }

    pub fn sent(&self) -> Vec<Outgoing> {
        self.sent.lock().unwrap().clone()
    }

    pub fn then(&self, outcome: Result<Accepted, SendFailure>) {
        self.outcomes.lock().unwrap().push_back(outcome);
    }

    pub fn temporary(&self) {
        self.then(Err(SendFailure::Temporary {
            reason: "provider busy".into(),
        }));
    }
}

impl Provider for Recording {
    fn name(&self) -> &'static str {
        NAME
    }

    fn carries(&self, _channel: Channel) -> bool {
        true
    }

    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>> {
        Box::pin(async move {
            // Let another worker run in between, as a network call would.
            tokio::task::yield_now().await;
            let accepted = {
                let mut sent = self.sent.lock().unwrap();
                sent.push(message.clone());
                Accepted {
                    provider_id: Some(format!("rec-{}", sent.len())),
                    status: DeliveryStatus::Sent,
                }
            };
            if self.hang_next.swap(false, Ordering::SeqCst) {
                self.held
                    .lock()
                    .unwrap()
                    .insert(message.reference.clone(), accepted);
                return std::future::pending().await;
            }
            let outcome = self
                .outcomes
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or(Ok(accepted.clone()));
            if outcome.is_ok() {
                self.held
                    .lock()
                    .unwrap()
                    .insert(message.reference.clone(), accepted);
            }
            outcome
        })
    }

    fn find_sent<'a>(
        &'a self,
        reference: &'a str,
    ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>> {
        Box::pin(async move {
            self.asked.lock().unwrap().push(reference.to_owned());
            Ok(self.held.lock().unwrap().get(reference).cloned())
        })
    }
}
