//! What every feature uses: settings, the database, errors, translations, the clock, the
//! HTTP plumbing (middleware, security headers, static files, request logging) and the
//! shared write path. Nothing here knows about a feature.

pub mod case_path;
pub mod clock;
pub mod config;
pub(crate) mod csp;
pub mod data_key;
pub mod db;
pub mod error;
pub mod http_server;
pub mod i18n;
pub mod json;
pub(crate) mod limits;
pub(crate) mod middleware;
pub mod owner_only;
pub mod query;
pub mod rate_limit;
pub mod same_origin;
pub mod sealed;
pub(crate) mod secrets;
pub mod state;
pub(crate) mod static_files;
pub mod stored;
pub mod telemetry;
pub mod text;
pub mod uk_time;
pub mod write_batcher;
