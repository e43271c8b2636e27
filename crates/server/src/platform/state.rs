//! `AppState`: what every handler can reach through `State`.

use std::sync::Arc;

use anyhow::Context;
use sqlx::SqlitePool;

use crate::platform::clock::Clock;
use crate::platform::config::Config;
use crate::platform::write_batcher::WriteBatcher;

#[derive(Clone)]
pub struct AppState {
    /// For reads, and for writes not yet moved to `writes`.
    pub db: SqlitePool,
    /// Write transactions that share a commit (`write_batcher`).
    pub writes: WriteBatcher,
    pub config: Arc<Config>,
    pub clock: Clock,
}

impl AppState {
    /// Starts the write batcher on `db`'s database, so call it inside the tokio runtime.
    /// Fails when the batcher's thread cannot start.
    pub fn new(db: SqlitePool, config: Config, clock: Clock) -> anyhow::Result<Self> {
        let writes =
            WriteBatcher::start(&db).context("could not start the database writer thread")?;
        Ok(Self {
            writes,
            db,
            config: Arc::new(config),
            clock,
        })
    }
}
