//! `AppState`: what every handler can reach through `State`.

use std::sync::Arc;

use sqlx::SqlitePool;

use crate::clock::Clock;
use crate::config::Config;

#[derive(Clone)]
pub struct AppState {
    pub db: SqlitePool,
    pub config: Arc<Config>,
    pub clock: Clock,
}

impl AppState {
    pub fn new(db: SqlitePool, config: Config, clock: Clock) -> Self {
        Self {
            db,
            config: Arc::new(config),
            clock,
        }
    }
}
