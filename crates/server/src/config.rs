//! Command-line flags and environment variables. Every setting has a flag and a variable;
//! `.env.example` at the repository root documents them for deployers.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

/// Where "Exit this page" goes unless `--exit-url` says otherwise.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// Safe Updates API server: serves the JSON API under /api and the built app from
/// STATIC_DIR.
#[derive(Debug, Clone, Parser)]
#[command(name = "server", version, about)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// SQLite database URL. The parent folder and the file are created if missing.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/portal.db")]
    pub database_url: String,

    /// Folder holding the built app (trunk's dist/). If it is missing the server still
    /// answers the API and logs a warning.
    #[arg(long, env = "STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Demo mode: load the demo cases when the database has none, and serve
    /// GET /api/dev/outbox so you can read the sign-in codes the server "sent". Never use it
    /// with real data.
    #[arg(long, env = "DEMO")]
    pub demo: bool,

    /// Mark cookies Secure (HTTPS only). Set this when users reach the server over HTTPS.
    /// Cookies are also marked Secure when a request arrives with X-Forwarded-Proto: https.
    #[arg(long, env = "SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Where "Exit this page" (and pressing Shift three times) sends someone: a neutral,
    /// everyday site. The app reads it from GET /api/config.
    #[arg(long, env = "EXIT_URL", default_value = DEFAULT_EXIT_URL)]
    pub exit_url: String,

    /// Log one JSON object per line instead of readable text. Filter with RUST_LOG
    /// (default "info").
    #[arg(long, env = "LOG_JSON")]
    pub log_json: bool,
}

impl Config {
    /// Settings for tests and tools: the defaults, with the given database and static
    /// folder.
    pub fn for_tests(database_url: String, static_dir: PathBuf, demo: bool) -> Self {
        Self {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            database_url,
            static_dir,
            demo,
            secure_cookies: false,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            log_json: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn flags_are_consistent_and_documented() {
        Config::command().debug_assert();
        for arg in Config::command().get_arguments() {
            let id = arg.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            assert!(arg.get_help().is_some(), "--{id} has no help text");
            assert!(
                arg.get_env().is_some(),
                "--{id} has no environment variable"
            );
        }
    }
}
