//! `AppState`: what every handler can reach through `State`.

use std::sync::Arc;

use tokio::sync::Notify;

use crate::delivery::provider::Providers;
use crate::platform::clock::Clock;
use crate::platform::config::Config;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Db;
use crate::platform::write_batcher::WriteBatcher;

#[derive(Clone)]
pub struct AppState {
    /// For reads, and for writes that need their own transaction (`Db::begin_write`).
    pub db: Db,
    /// Write jobs whose answer waits for their commit (`write_batcher`).
    pub writes: WriteBatcher,
    pub config: Arc<Config>,
    /// Seals and opens victims' details and sign-in messages (`platform::sealed`).
    pub keys: Arc<DataKeys>,
    pub clock: Clock,
    /// Wakes this server's sign-in worker when a code request has been queued.
    pub sign_in_wake: Arc<Notify>,
    /// Who carries messages (`delivery::providers::from_config`); empty when none is
    /// configured, and then no delivery worker runs and messages stay in the outbox.
    pub providers: Arc<Providers>,
    /// Wakes this server's delivery worker when a message has been queued.
    pub delivery_wake: Arc<Notify>,
}

impl AppState {
    /// Starts the writer on `db`'s database, so call it inside the tokio runtime. Fails
    /// when the writer's thread cannot start.
    pub fn new(db: Db, config: Config, keys: Arc<DataKeys>, clock: Clock) -> anyhow::Result<Self> {
        let writes = WriteBatcher::start(&db)?;
        Ok(Self {
            writes,
            db,
            config: Arc::new(config),
            keys,
            clock,
            sign_in_wake: Arc::new(Notify::new()),
            providers: Arc::new(Providers::default()),
            delivery_wake: Arc::new(Notify::new()),
        })
    }

    /// The same state sending through `providers`.
    pub fn with_providers(mut self, providers: Providers) -> Self {
        self.providers = Arc::new(providers);
        self
    }
}
