//! Command-line flags and environment variables. Every server setting has a flag and a
//! variable; `.env.example` at the repository root documents them for deployers. The
//! subcommands `seed` (benchmark data) and `create-supervisor` take flags only.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Where "Exit this page" goes unless `--exit-url` says otherwise.
pub use shared::api::DEFAULT_EXIT_URL;

/// Safe Updates API server: serves the JSON API under /api and the built app from
/// STATIC_DIR.
#[derive(Debug, Clone, Parser)]
#[command(
    name = "server",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    /// Without a subcommand the server runs.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Fill a LOCAL database with synthetic cases, for benchmarking only.
    ///
    /// For benchmarking a local database only: never point it at a database with real
    /// data. Adds made-up victims (Ofcom drama phone numbers, example.org emails), their
    /// cases, timelines, contact preferences and a few callback requests, numbered after
    /// the highest existing reference. Deterministic for a given database and day. Prints
    /// one summary line.
    Seed(SeedArgs),
    /// Create a supervisor's account, and their unit if no unit has that name.
    ///
    /// Reads the password from standard input (one line; typed at a terminal it is not
    /// shown), never from a flag. Refuses a weak password and an email address that has
    /// an account. Prints only what an authenticator app needs: the second-factor secret
    /// and its otpauth:// link.
    CreateSupervisor(CreateSupervisorArgs),
}

/// The flags of `server create-supervisor`. There is no password flag on purpose: flags
/// show in `ps` and in shell history.
#[derive(Debug, Clone, Args)]
pub struct CreateSupervisorArgs {
    /// The server's database: sqlite://PATH (created and migrated if missing) or
    /// postgres://USER@HOST:PORT/DATABASE (an existing database; migrated). Deliberately no default and no environment variable, so
    /// the account lands only in the database named here.
    #[arg(long)]
    pub database_url: String,

    /// The supervisor's work email address: their sign-in name.
    #[arg(long)]
    pub email: String,

    /// The name the staff app shows for them.
    #[arg(long)]
    pub name: String,

    /// The unit they supervise, by name; created if no unit has that name.
    #[arg(long)]
    pub unit_name: String,
}

/// The flags of `server seed`.
#[derive(Debug, Clone, Args)]
pub struct SeedArgs {
    /// The database to fill: sqlite://PATH (e.g. sqlite:///tmp/bench.db; created and
    /// migrated if missing) or postgres://USER@HOST:PORT/DATABASE (an existing database). Deliberately no default and no environment variable, so a seed never lands
    /// in the server's real database by accident.
    #[arg(long)]
    pub database_url: String,

    /// How many cases to add.
    #[arg(long)]
    pub cases: u64,

    /// After seeding, sign in this many victims of distinct new cases whose preferences
    /// allow callbacks (a phone on file), exactly as the sign-in page does. The sessions
    /// end after 30 idle minutes like any other.
    #[arg(long, default_value_t = 0, requires = "sessions_out")]
    pub sessions: u32,

    /// File to write the sessions to (created with mode 0600, replaced if present): one
    /// line per session, `crime_reference<TAB>Cookie header value`, for a load generator.
    /// Anyone holding it is signed in as those victims: delete it after the benchmark.
    #[arg(long)]
    pub sessions_out: Option<PathBuf>,
}

/// The server's settings.
#[derive(Debug, Clone, Parser)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,

    /// The database: sqlite://PATH (SQLite, the embedded default; the folder and the file
    /// are created if missing) or postgres://USER@HOST:PORT/DATABASE (PostgreSQL, for
    /// several servers on one database; the database must exist). Both are migrated on
    /// start-up.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/portal.db")]
    pub database_url: String,

    /// Folder holding the built app (trunk's dist/). If it is missing the server still
    /// answers the API and logs a warning.
    #[arg(long, env = "STATIC_DIR", default_value = "dist")]
    pub static_dir: PathBuf,

    /// Demo mode: load the demo cases and demo staff when the database has none, and serve
    /// /demo/outbox and GET /api/dev/outbox so you can read the sign-in codes the server
    /// "sent" and the staff accounts' current codes. Never use it with real data.
    #[arg(long, env = "DEMO")]
    pub demo: bool,

    /// Where "Exit this page" (and pressing Shift three times) sends someone: a neutral,
    /// everyday site. The app reads it from GET /api/config.
    #[arg(long, env = "EXIT_URL", default_value = DEFAULT_EXIT_URL)]
    pub exit_url: String,

    /// Log one JSON object per line instead of readable text. Filter with RUST_LOG
    /// (default "info").
    #[arg(long, env = "LOG_JSON")]
    pub log_json: bool,

    /// Requests one client address may make to each sign-in endpoint (asking for a code,
    /// entering it, staff sign-in) in 15 minutes, counted across all servers; more get a
    /// 429. Behind a reverse proxy every client has the proxy's address: see the README.
    #[arg(long, env = "SIGN_IN_LIMIT_PER_IP", default_value_t = 30)]
    pub sign_in_limit_per_ip: i64,

    /// Requests all clients together may make to each sign-in endpoint in a minute,
    /// across all servers; more get a 429. Caps the texts and emails an attack can cause.
    #[arg(long, env = "SIGN_IN_LIMIT_GLOBAL", default_value_t = 600)]
    pub sign_in_limit_global: i64,
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
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            log_json: false,
            sign_in_limit_per_ip: 30,
            sign_in_limit_global: 600,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_seed_subcommand_leaves_the_server_flags_alone() {
        Cli::command().debug_assert();
        let plain = Cli::try_parse_from(["server", "--demo"]).unwrap();
        assert!(plain.command.is_none() && plain.config.demo);
        let seed = Cli::try_parse_from([
            "server",
            "seed",
            "--database-url",
            "sqlite://x.db",
            "--cases",
            "10",
        ])
        .unwrap();
        let Some(Command::Seed(args)) = seed.command else {
            panic!("not parsed as seed");
        };
        assert_eq!((args.cases, args.sessions), (10, 0));
        // Sessions without a file to write them to are refused.
        assert!(Cli::try_parse_from([
            "server",
            "seed",
            "--database-url",
            "sqlite://x.db",
            "--cases",
            "1",
            "--sessions",
            "1"
        ])
        .is_err());
    }

    #[test]
    fn create_supervisor_takes_no_password_flag_and_no_default_database() {
        let args = [
            "server",
            "create-supervisor",
            "--database-url",
            "sqlite://x.db",
            "--email",
            "a@b.example",
            "--name",
            "A B",
            "--unit-name",
            "North",
        ];
        let parsed = Cli::try_parse_from(args).unwrap();
        let Some(Command::CreateSupervisor(create)) = parsed.command else {
            panic!("not parsed as create-supervisor");
        };
        assert_eq!(create.unit_name, "North");
        let with_password = [&args[..], &["--password", "secret words here"]].concat();
        assert!(Cli::try_parse_from(with_password).is_err());
        let without_database = [&args[..2], &args[4..]].concat();
        assert!(Cli::try_parse_from(without_database).is_err());
    }

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
