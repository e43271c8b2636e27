//! The `server` binary: read the settings, start logging, run the server.

use std::process::ExitCode;

use clap::Parser;
use server::{telemetry, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let config = Config::parse();
    telemetry::init(config.log_json);
    match server::run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = format!("{error:#}"), "server failed");
            eprintln!("server: {error:#}");
            ExitCode::FAILURE
        }
    }
}
