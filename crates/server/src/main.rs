//! The `server` binary: read the settings, then run the server (start logging first) or,
//! with `seed`, fill a benchmark database.

use std::process::ExitCode;

use clap::Parser;
use server::platform::config::{Cli, Command};
use server::platform::telemetry;
use server::seed;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => {
            telemetry::init(cli.config.log_json);
            match server::run(cli.config).await {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    tracing::error!(error = format!("{error:#}"), "server failed");
                    eprintln!("server: {error:#}");
                    ExitCode::FAILURE
                }
            }
        }
        // No log subscriber: the seeder prints one summary line and nothing else.
        Some(Command::Seed(args)) => match seed::run(&args).await {
            Ok(summary) => {
                println!("{summary}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("server seed: {error:#}");
                ExitCode::FAILURE
            }
        },
    }
}
