//! The `server` binary: read the settings, then run the server (start logging first) or,
//! with `seed`, fill a benchmark database, with `create-supervisor`, create a
//! supervisor's account, with `backup` / `restore`, copy a SQLite database out or in, with
//! `new-data-key`, make a data key file, or with `reseal`, seal stored values with its
//! current key.

use std::process::ExitCode;

use clap::Parser;
use server::backup;
use server::platform::config::{Cli, Command};
use server::platform::data_key;
use server::platform::telemetry;
use server::seed;
use server::staff::create_supervisor;

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
        Some(Command::Backup(args)) => print_outcome("backup", backup::backup(&args).await),
        Some(Command::Restore(args)) => print_outcome("restore", backup::restore(&args).await),
        Some(Command::NewDataKey(args)) => print_outcome(
            "new-data-key",
            data_key::write_new_key_file(&args.to, args.keep_keys_of.as_deref(), args.keep_current),
        ),
        Some(Command::Reseal(args)) => {
            print_outcome("reseal", server::reseal::run_command(&args).await)
        }
        // No log subscriber either: stdout is the enrolment alone, and nothing about the
        // account (least of all its password) is written anywhere else.
        Some(Command::CreateSupervisor(args)) => {
            let created = match create_supervisor::read_password() {
                Ok(password) => create_supervisor::run(&args, &password).await,
                Err(error) => Err(error),
            };
            match created {
                Ok(enrolment) => {
                    println!("{enrolment}");
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("server create-supervisor: {error:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

/// A subcommand's one-line summary on stdout, or its error on stderr.
fn print_outcome(name: &str, outcome: anyhow::Result<String>) -> ExitCode {
    match outcome {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("server {name}: {error:#}");
            ExitCode::FAILURE
        }
    }
}
