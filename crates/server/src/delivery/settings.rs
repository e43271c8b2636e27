//! The delivery worker's own settings, flattened into the server's (`Config::delivery`).
//! Hidden from `--help`: the defaults suit every force; tests and benchmarks tune them.

use clap::Args;

#[derive(Debug, Clone, Args)]
pub struct DeliverySettings {
    /// Seconds a worker holds a claimed message while it talks to the provider; another
    /// server takes it over after that (asking the provider first whether it has it). A
    /// send starts only with half the lease left, and the slowest provider (SMTP) may take
    /// 45 s, so keep it at 90 or more.
    #[arg(
        long,
        env = "DELIVERY_LEASE_SECONDS",
        default_value_t = DEFAULT_LEASE_SECONDS,
        hide = true
    )]
    pub delivery_lease_seconds: i64,

    /// Messages one worker claims in one round.
    #[arg(long, env = "DELIVERY_BATCH", default_value_t = DEFAULT_BATCH, hide = true)]
    pub delivery_batch: i64,

    /// Messages of a round sent at once. Providers answer in tens of milliseconds (an SMTP
    /// relay's round trips), so one at a time would cap a worker at a few dozen a second.
    #[arg(
        long,
        env = "DELIVERY_CONCURRENCY",
        default_value_t = DEFAULT_CONCURRENCY,
        hide = true
    )]
    pub delivery_concurrency: usize,
}

const DEFAULT_LEASE_SECONDS: i64 = 120;
const DEFAULT_BATCH: i64 = 50;
const DEFAULT_CONCURRENCY: usize = 8;

impl Default for DeliverySettings {
    fn default() -> Self {
        Self {
            delivery_lease_seconds: DEFAULT_LEASE_SECONDS,
            delivery_batch: DEFAULT_BATCH,
            delivery_concurrency: DEFAULT_CONCURRENCY,
        }
    }
}
