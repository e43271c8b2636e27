//! The delivery worker's own settings, flattened into the server's (`Config::delivery`).
//! Hidden from `--help`: the defaults suit every force; tests and benchmarks tune them.

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct DeliverySettings {
    /// Seconds a worker holds a claimed message while it talks to the provider; another
    /// server takes it over after that (asking the provider first whether it has it).
    #[arg(
        long,
        env = "DELIVERY_LEASE_SECONDS",
        default_value_t = 60,
        hide = true
    )]
    pub delivery_lease_seconds: i64,

    /// Messages one worker claims in one round.
    #[arg(long, env = "DELIVERY_BATCH", default_value_t = 50, hide = true)]
    pub delivery_batch: i64,
}

impl Default for DeliverySettings {
    fn default() -> Self {
        Self {
            delivery_lease_seconds: 120,
            delivery_batch: 50,
        }
    }
}
