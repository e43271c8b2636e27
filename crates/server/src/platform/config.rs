//! Command-line flags and environment variables. Every server setting has a flag and a
//! variable; `.env.example` at the repository root documents them for deployers. The
//! subcommands `seed` (benchmark data), `create-supervisor` and `restore` take flags only;
//! `backup` reads DATABASE_URL like the server.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};
use shared::contact::PhoneCountry;

/// The variable that turns demo mode on: long and plain about what it does, so nobody
/// sets it by accident (a variable called `DEMO` might already be set for something else).
pub const DEMO_ENV: &str = "SAFE_UPDATES_DEMO_MODE_PUBLISHES_CODES";

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
    /// Copy a SQLite database to a file while servers keep using it.
    ///
    /// The copy is consistent (one moment's snapshot, made with SQLite's VACUUM INTO), is
    /// checked with PRAGMA integrity_check, and is created owner-only (mode 0600); an
    /// existing file is never overwritten. It holds the database exactly as stored: what is
    /// encrypted in the database stays encrypted, and no key is copied. For PostgreSQL use
    /// pg_dump (e.g. pg_dump --format=custom --file=FILE DATABASE) and pg_restore.
    Backup(BackupArgs),
    /// Put a backup made by `server backup` in place as a new SQLite database.
    ///
    /// Checks the backup with PRAGMA integrity_check first, refuses to overwrite anything
    /// (stop the servers and move the old database aside yourself), creates the file
    /// owner-only, and migrates it to this version's schema. For PostgreSQL use pg_restore.
    Restore(RestoreArgs),
    /// Create a data key file (owner-only), for --data-key-file.
    ///
    /// The file holds the key that seals victims' contact details, sign-in messages and
    /// staff second-factor secrets in the database: keep it outside the database's folder
    /// and out of database backups (back it up separately: without it the sealed values
    /// are lost). With --keep-keys-of OLD the new file also keeps OLD's keys, so values they
    /// sealed still open: that is how keys are rotated (README, "Data at rest").
    NewDataKey(NewDataKeyArgs),
    /// Seal every stored personal detail with the current data key, then exit.
    ///
    /// Servers do this at start-up; this does it without restarting them (e.g. after the
    /// last step of a key rotation, before an old key is removed from the file). In
    /// batches of 500 rows, safe while servers serve. Prints how many values it sealed.
    Reseal(ResealArgs),
}

/// The flags of `server reseal`.
#[derive(Debug, Clone, Args)]
pub struct ResealArgs {
    /// The database, as the server's --database-url.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/portal.db")]
    pub database_url: String,

    /// The data key file, as the server's --data-key-file.
    #[arg(long, env = "DATA_KEY_FILE")]
    pub data_key_file: PathBuf,
}

/// The flags of `server new-data-key`.
#[derive(Debug, Clone, Args)]
pub struct NewDataKeyArgs {
    /// The key file to create; it must not exist yet.
    #[arg(long)]
    pub to: PathBuf,

    /// An existing key file whose keys the new file keeps (for rotation).
    #[arg(long)]
    pub keep_keys_of: Option<PathBuf>,

    /// Keep OLD's current key current: the new key is only listed, so servers given this
    /// file can open what it will seal before any server seals with it (the first step of
    /// rotating keys on several servers).
    #[arg(long, requires = "keep_keys_of")]
    pub keep_current: bool,
}

/// The flags of `server backup`.
#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// The database to copy, as the server's --database-url (sqlite://PATH).
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/portal.db")]
    pub database_url: String,

    /// The backup file to create; it must not exist yet.
    #[arg(long)]
    pub to: PathBuf,
}

/// The flags of `server restore`.
#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// The backup file (made by `server backup`).
    #[arg(long)]
    pub from: PathBuf,

    /// Where to put it: sqlite://PATH, a file that must not exist yet. Deliberately no
    /// default and no environment variable, so a restore lands only where named.
    #[arg(long)]
    pub database_url: String,
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

    /// The data key file the server uses (--data-key-file of the server): it seals the second-factor secret.
    #[arg(long, env = "DATA_KEY_FILE")]
    pub data_key_file: PathBuf,
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

    /// The data key file the server uses (--data-key-file of the server): it seals the synthetic contact details as the server would.
    #[arg(long, env = "DATA_KEY_FILE")]
    pub data_key_file: PathBuf,

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

    /// Benchmarks only: after seeding, sign in an officer and a supervisor of the first
    /// seeded team (made from the first run's first four officer cards, about 1,000
    /// cases, in a unit of its own) and write `officer<TAB>Cookie` and
    /// `supervisor<TAB>Cookie` lines to this file (mode 0600). Later runs sign the same two
    /// accounts in again. Delete the file after the benchmark.
    #[arg(long)]
    pub staff_sessions_out: Option<PathBuf>,

    /// Benchmarks and crash tests only: after seeding, issue a sign-in code for this many
    /// of the new cases, so this many messages wait in the outbox to be sent at once by
    /// the first server started on the database with a provider. These codes stay usable
    /// for 2 hours (a real one for 10 minutes), so a slow provider still sends them all.
    #[arg(long, default_value_t = 0)]
    pub queue_codes: u64,

    /// With --queue-codes: only victims who sign in this way (`text` or `email`), e.g. to
    /// measure one provider; both when not given.
    #[arg(long, value_enum, requires = "queue_codes")]
    pub queue_codes_by: Option<CodesBy>,
}

/// `server seed --queue-codes-by`: which victims' codes to queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CodesBy {
    Text,
    Email,
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
    /// "sent" and the staff accounts' current codes. Runs only on a database demo mode
    /// created (a new one: give it a file that does not exist yet) and only on a loopback
    /// address; the long variable name is so nobody sets it by accident.
    #[arg(long, env = DEMO_ENV)]
    pub demo: bool,

    /// The data key file (made by `server new-data-key --to FILE`): it seals victims'
    /// contact details, sign-in messages and staff second-factor secrets in the database.
    /// Required, except in demo mode, which makes one beside the database file if none is
    /// named. Keep it outside the database's folder and its backups.
    #[arg(long, env = "DATA_KEY_FILE")]
    pub data_key_file: Option<PathBuf>,

    /// How often, in minutes, each server checks whether the retention purge is due (it
    /// runs on one server per interval): ended sessions after 30 days, used or expired
    /// sign-in codes after 7, messages after 30; a sign-in code's text is blanked from its
    /// message as soon as the code is used or expired.
    #[arg(long, env = "RETENTION_INTERVAL_MINUTES", default_value_t = 10,
          value_parser = clap::value_parser!(u32).range(1..=1440))]
    pub retention_interval_minutes: u32,

    /// Where "Exit this page" (and pressing Shift three times) sends someone: a neutral,
    /// everyday site. The app reads it from GET /api/config.
    #[arg(long, env = "EXIT_URL", default_value = DEFAULT_EXIT_URL)]
    pub exit_url: String,

    /// Log one JSON object per line instead of readable text. Filter with RUST_LOG
    /// (default "info").
    #[arg(long, env = "LOG_JSON")]
    pub log_json: bool,

    /// Seconds a client has to send a request's headers (and that an idle connection is
    /// kept open between requests). A client that trickles its headers (a "slowloris") is
    /// disconnected after this. Decimals allowed, e.g. 0.5.
    #[arg(long = "header-read-timeout-secs", env = "HEADER_READ_TIMEOUT_SECS", default_value = "10", value_parser = parse_seconds)]
    pub header_read_timeout: Duration,

    /// Seconds a whole request may take, from its headers to the answer, body included;
    /// after that the answer is a 408. Decimals allowed.
    #[arg(long = "request-timeout-secs", env = "REQUEST_TIMEOUT_SECS", default_value = "30", value_parser = parse_seconds)]
    pub request_timeout: Duration,

    /// Requests handled at once by this server. One more is refused at once with a 503 and
    /// Retry-After (load shedding) rather than queued, so an overloaded server answers fast
    /// and a load balancer can send the retry elsewhere.
    #[arg(long, env = "MAX_CONCURRENT_REQUESTS", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_concurrent_requests: u32,

    /// For plain-HTTP use on a development machine only: session cookies without `Secure`
    /// (and so without the `__Host-` prefix), and no Strict-Transport-Security header.
    /// Without it the cookies are Secure and the service must be reached over HTTPS (or
    /// on 127.0.0.1/localhost, which browsers treat as secure). Never set it in production.
    #[arg(long, env = "INSECURE_LOCAL_HTTP")]
    pub insecure_local_http: bool,

    /// The origin people reach the service at, e.g. https://updates.example.police.uk,
    /// when a proxy in front changes the Host header. State-changing API requests whose
    /// Origin is not this one are refused. Unset: the origin is taken from the Host header.
    #[arg(long, env = "PUBLIC_ORIGIN", value_parser = parse_origin)]
    pub public_origin: Option<String>,

    /// Countries whose phone numbers victims may give us to call or text, as
    /// comma-separated ISO 3166 codes. Only GB (UK mobile and landline numbers, no
    /// premium or special rates) has a rule so far; an unknown code stops the server.
    #[arg(long, env = "PHONE_COUNTRIES", default_value = "GB", value_parser = phone_countries)]
    pub phone_countries: PhoneCountries,

    /// Requests one client address may make to each sign-in endpoint (asking for a code,
    /// entering it, staff sign-in) in 15 minutes, counted across all servers; more get a
    /// 429. Behind a reverse proxy every client has the proxy's address: see the README.
    #[arg(long, env = "SIGN_IN_LIMIT_PER_IP", default_value_t = 30)]
    pub sign_in_limit_per_ip: i64,

    /// Requests all clients together may make to each sign-in endpoint in a minute,
    /// across all servers; more get a 429. Caps the texts and emails an attack can cause.
    #[arg(long, env = "SIGN_IN_LIMIT_GLOBAL", default_value_t = 600)]
    pub sign_in_limit_global: i64,

    /// The delivery worker's settings (`delivery::settings`).
    #[command(flatten)]
    pub delivery: crate::delivery::settings::DeliverySettings,

    #[command(flatten)]
    pub notify: crate::delivery::notify::NotifyConfig,

    #[command(flatten)]
    pub smtp: crate::delivery::smtp::SmtpArgs,
}

/// An origin as browsers send it in `Origin`: `http(s)://host[:port]`, nothing after.
fn parse_origin(text: &str) -> Result<String, String> {
    let origin = text.trim().trim_end_matches('/');
    let host = origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        .ok_or_else(|| format!("{text:?} does not start with https:// or http://"))?;
    if host.is_empty() || host.contains(['/', '?', '#', '@', ' ']) {
        return Err(format!(
            "{text:?} is not an origin like https://updates.example.police.uk (no path)"
        ));
    }
    Ok(origin.to_ascii_lowercase())
}

/// A number of seconds as given on the command line: whole or with decimals, above zero.
fn parse_seconds(text: &str) -> Result<Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if seconds.is_finite() && seconds > 0.0 && seconds <= 86_400.0 {
        Ok(Duration::from_secs_f64(seconds))
    } else {
        Err(format!("{text} is not between 0 and 86400 seconds"))
    }
}

/// The countries of `--phone-countries`, never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneCountries(Vec<PhoneCountry>);

impl PhoneCountries {
    pub fn as_slice(&self) -> &[PhoneCountry] {
        &self.0
    }
}

impl Default for PhoneCountries {
    fn default() -> Self {
        Self(PhoneCountry::DEFAULT.to_vec())
    }
}

fn phone_countries(list: &str) -> Result<PhoneCountries, String> {
    let mut countries = Vec::new();
    for code in list
        .split(',')
        .map(str::trim)
        .filter(|code| !code.is_empty())
    {
        let country = PhoneCountry::from_iso(code)
            .ok_or_else(|| format!("no phone number rule for the country {code:?}; known: GB"))?;
        if !countries.contains(&country) {
            countries.push(country);
        }
    }
    if countries.is_empty() {
        return Err("give at least one country, e.g. GB".to_owned());
    }
    Ok(PhoneCountries(countries))
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
            data_key_file: None,
            retention_interval_minutes: 10,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            log_json: false,
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
            max_concurrent_requests: 512,
            insecure_local_http: false,
            public_origin: None,
            phone_countries: PhoneCountries::default(),
            sign_in_limit_per_ip: 30,
            sign_in_limit_global: 600,
            delivery: crate::delivery::settings::DeliverySettings::default(),
            notify: Default::default(),
            smtp: Default::default(),
        }
    }

    /// Refuses settings that must never run together: demo mode publishes sign-in codes,
    /// so it listens on a loopback address only.
    pub fn check(&self) -> anyhow::Result<()> {
        if self.demo && !self.addr.ip().is_loopback() {
            anyhow::bail!(
                "refusing to start in demo mode on {}: demo mode shows every sign-in code at \
                 /api/dev/outbox, so it listens only on a loopback address such as \
                 127.0.0.1:8080 (or [::1]:8080); use --addr 127.0.0.1:PORT, or start without \
                 --demo",
                self.addr
            );
        }
        Ok(())
    }

    /// The pause between retention checks.
    pub fn retention_interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs(u64::from(self.retention_interval_minutes) * 60)
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
            "--data-key-file",
            "k.json",
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
    fn demo_mode_listens_on_loopback_only() {
        let on = |addr: &str| {
            let mut config = Config::for_tests(String::new(), PathBuf::new(), true);
            config.addr = addr.parse().unwrap();
            config
        };
        assert!(on("127.0.0.1:8080").check().is_ok());
        assert!(on("[::1]:8080").check().is_ok());
        for exposed in ["0.0.0.0:8080", "192.168.1.10:8080", "[::]:8080"] {
            let message = format!("{:#}", on(exposed).check().unwrap_err());
            assert!(message.contains("loopback"), "{exposed}: {message}");
            let mut plain = on(exposed);
            plain.demo = false;
            assert!(plain.check().is_ok(), "{exposed} without demo mode");
        }
    }

    #[test]
    fn only_the_long_variable_turns_demo_mode_on() {
        let demo = Config::command()
            .get_arguments()
            .find(|arg| arg.get_id() == "demo")
            .and_then(|arg| arg.get_env().map(|env| env.to_owned()))
            .unwrap();
        assert_eq!(demo, DEMO_ENV);
    }

    #[test]
    fn restore_has_no_default_database_and_backup_reads_the_servers() {
        assert!(Cli::try_parse_from(["server", "restore", "--from", "b.db"]).is_err());
        let backup = Cli::try_parse_from(["server", "backup", "--to", "b.db"]).unwrap();
        let Some(Command::Backup(args)) = backup.command else {
            panic!("not parsed as backup");
        };
        assert!(args.database_url.starts_with("sqlite://"));
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
            "--data-key-file",
            "k.json",
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
    fn timeouts_take_whole_or_decimal_seconds() {
        assert_eq!(parse_seconds("10"), Ok(Duration::from_secs(10)));
        assert_eq!(parse_seconds("0.25"), Ok(Duration::from_millis(250)));
        for bad in ["0", "-1", "NaN", "inf", "ten", ""] {
            assert!(parse_seconds(bad).is_err(), "{bad}");
        }
        let defaults = Cli::try_parse_from(["server"]).unwrap().config;
        let for_tests = Config::for_tests(String::new(), PathBuf::new(), false);
        assert_eq!(
            (defaults.header_read_timeout, defaults.request_timeout),
            (for_tests.header_read_timeout, for_tests.request_timeout)
        );
        assert_eq!(
            defaults.max_concurrent_requests,
            for_tests.max_concurrent_requests
        );
        assert!(Cli::try_parse_from(["server", "--max-concurrent-requests", "0"]).is_err());
    }

    #[test]
    fn a_public_origin_is_scheme_host_and_port_only() {
        assert_eq!(
            parse_origin("https://Updates.Example/").as_deref(),
            Ok("https://updates.example")
        );
        assert!(parse_origin("http://127.0.0.1:8080").is_ok());
        for bad in [
            "updates.example",
            "https://",
            "https://a.example/path",
            "ftp://a",
        ] {
            assert!(parse_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phone_countries_are_iso_codes_with_a_rule() {
        let parsed = Config::try_parse_from(["server", "--phone-countries", "gb, GB"]).unwrap();
        assert_eq!(parsed.phone_countries.as_slice(), &[PhoneCountry::Gb]);
        let default = Config::try_parse_from(["server"]).unwrap();
        assert_eq!(default.phone_countries, PhoneCountries::default());
        assert!(Config::try_parse_from(["server", "--phone-countries", "GB,FR"]).is_err());
        assert!(Config::try_parse_from(["server", "--phone-countries", ","]).is_err());
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
