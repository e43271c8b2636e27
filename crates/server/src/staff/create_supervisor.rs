//! `server create-supervisor`: how a unit's first account comes to exist (its supervisor
//! then creates the officers through the staff API). The password comes from standard
//! input, never from a flag, and when a person types it the terminal does not show it.
//! Nothing is logged; stdout carries only what the authenticator app needs, so it can be
//! handed on as it is.

use std::io::{BufRead, IsTerminal, Read};

use anyhow::{bail, Context};
use shared::Lang;

use super::new_account::{self, Details};
use super::{credentials, store};
use crate::access::ActorKind;
use crate::platform::clock::Clock;
use crate::platform::config::CreateSupervisorArgs;
use crate::platform::data_key::DataKeys;
use crate::platform::db::Db;
use crate::platform::stored::enum_text;

/// More than any acceptable password, so one line is read whole but a stream without a
/// line break cannot fill the memory.
const MAX_LINE_BYTES: u64 = 4096;

/// What the new supervisor enrols in their authenticator app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolment {
    /// Base32, for typing in by hand.
    pub totp_secret: String,
    /// `otpauth://…`, for a QR code or a tap on a phone.
    pub link: String,
}

impl std::fmt::Display for Enrolment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "Add this account to an authenticator app: open the link (or make a QR code of \
             it), or type the secret in by hand. Then sign in with the email address, the \
             password and the app's 6-digit code."
        )?;
        writeln!(f, "secret: {}", self.totp_secret)?;
        write!(f, "link: {}", self.link)
    }
}

/// Checks the details and the password, then creates the account (and the unit if no
/// unit has that name) in one transaction. An error changes nothing.
pub async fn run(args: &CreateSupervisorArgs, password: &str) -> anyhow::Result<Enrolment> {
    let details = check(args, password)?;
    let unit_name = args.unit_name.trim();
    // Everything slow or fallible before the database opens: a refusal leaves no file.
    let password_hash = credentials::hash_password(password)?;
    let totp_secret = credentials::new_totp_secret()?;
    let link = credentials::enrolment_link(&totp_secret, &details.email)?;
    let keys = DataKeys::load(&args.data_key_file)?;
    let db = crate::platform::db::connect(&args.database_url).await?;
    let now = Clock::system().unix();
    let result = match crate::origin::claim(&db, crate::origin::Opener::CreateSupervisor, now).await
    {
        Ok(_) => {
            insert(
                &db,
                &keys,
                &details,
                unit_name,
                &password_hash,
                &totp_secret,
                now,
            )
            .await
        }
        Err(error) => Err(error),
    };
    db.close().await;
    result?;
    Ok(Enrolment { totp_secret, link })
}

/// The same rules as the staff app's, in English (the command line is not translated),
/// every problem at once.
fn check(args: &CreateSupervisorArgs, password: &str) -> anyhow::Result<Details> {
    let mut problems = Vec::new();
    let mut note = |what: &str, message: crate::platform::i18n::Message| {
        problems.push(format!("{what}: {}", message.render(Lang::En)));
    };
    let email = new_account::email(&args.email)
        .map_err(|m| note("--email", m))
        .ok();
    let display_name = new_account::display_name(&args.name)
        .map_err(|m| note("--name", m))
        .ok();
    let password_ok = new_account::password(password)
        .map_err(|m| note("password", m))
        .is_ok();
    if args.unit_name.trim().is_empty() {
        problems.push("--unit-name: Enter the unit's name".to_owned());
    }
    match (email, display_name, password_ok, problems.is_empty()) {
        (Some(email), Some(display_name), true, true) => Ok(Details {
            email,
            display_name,
        }),
        _ => bail!("{}\nNo account was created.", problems.join("\n")),
    }
}

async fn insert(
    db: &Db,
    keys: &DataKeys,
    details: &Details,
    unit_name: &str,
    password_hash: &str,
    totp_secret: &str,
    now: i64,
) -> anyhow::Result<()> {
    let taken =
        "--email: an account with this email address already exists. No account was created.";
    let mut tx = db.begin_write().await?;
    if store::find_by_email(&mut tx.conn(), &details.email)
        .await?
        .is_some()
    {
        bail!(taken);
    }
    let unit_id = match store::units_named(&mut tx.conn(), unit_name)
        .await?
        .as_slice()
    {
        [] => store::insert_unit(&mut tx.conn(), unit_name, now).await?,
        [one] => one.clone(),
        _ => bail!(
            "--unit-name: more than one unit has this name, so it does not say which. \
             No account was created."
        ),
    };
    let role = enum_text(&ActorKind::Supervisor)?;
    let created = store::insert(
        &mut tx.conn(),
        keys,
        &store::NewAccount {
            email: &details.email,
            display_name: &details.display_name,
            role: &role,
            officer_id: None,
            team_id: None,
            unit_id: &unit_id,
            password_hash,
            totp_secret,
            now,
        },
    )
    .await?;
    if created.is_none() {
        bail!(taken);
    }
    tx.commit().await?;
    Ok(())
}

/// The password: one line of standard input, without its line ending (any other spaces
/// are part of it). At a terminal the prompt goes to stderr, keeping stdout for the
/// enrolment, and the terminal's echo is off while the line is typed.
pub fn read_password() -> anyhow::Result<String> {
    let stdin = std::io::stdin();
    let at_terminal = stdin.is_terminal();
    let echo_off = if at_terminal {
        eprint!("Password for the new account (it will not be shown): ");
        Some(EchoOff::start(&stdin)?)
    } else {
        None
    };
    let mut line = String::new();
    let read = stdin
        .lock()
        .take(MAX_LINE_BYTES)
        .read_line(&mut line)
        .context("could not read the password from standard input");
    drop(echo_off);
    if at_terminal {
        eprintln!();
    }
    read?;
    let password = line.strip_suffix('\n').unwrap_or(&line);
    let password = password.strip_suffix('\r').unwrap_or(password);
    // Cleaned as the sign-in request's JSON is, so the same typed password matches.
    Ok(crate::platform::text::clean_text(password))
}

/// The terminal's echo, off until this is dropped (restored even when reading fails).
#[cfg(unix)]
struct EchoOff {
    saved: rustix::termios::Termios,
}

#[cfg(unix)]
impl EchoOff {
    fn start(stdin: &std::io::Stdin) -> anyhow::Result<Self> {
        use rustix::termios::{tcgetattr, tcsetattr, LocalModes, OptionalActions};
        let saved = tcgetattr(stdin).context("could not read the terminal's settings")?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(LocalModes::ECHO);
        tcsetattr(stdin, OptionalActions::Now, &quiet)
            .context("could not stop the terminal showing the password")?;
        Ok(Self { saved })
    }
}

#[cfg(unix)]
impl Drop for EchoOff {
    fn drop(&mut self) {
        use rustix::termios::{tcsetattr, OptionalActions};
        // Nothing more can be done if this fails; `stty echo` restores it by hand.
        let _ = tcsetattr(std::io::stdin(), OptionalActions::Now, &self.saved);
    }
}

/// Without a way to hide what is typed, refuse a terminal: the password is piped in.
#[cfg(not(unix))]
struct EchoOff;

#[cfg(not(unix))]
impl EchoOff {
    fn start(_stdin: &std::io::Stdin) -> anyhow::Result<Self> {
        bail!("cannot hide typing on this system: pipe the password in on standard input")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(email: &str, name: &str, unit: &str) -> CreateSupervisorArgs {
        CreateSupervisorArgs {
            database_url: "sqlite::memory:".into(),
            email: email.into(),
            name: name.into(),
            unit_name: unit.into(),
            data_key_file: "key.json".into(),
        }
    }

    #[test]
    fn every_problem_is_named_by_its_flag() {
        let error = check(&args("nope", " ", ""), "short")
            .unwrap_err()
            .to_string();
        for expected in [
            "--email: Enter an email address in the correct format",
            "--name: Enter a name for the account",
            "password: Password must be 12 characters or more",
            "--unit-name: Enter the unit's name",
            "No account was created.",
        ] {
            assert!(error.contains(expected), "{expected} in {error}");
        }
        assert!(!error.contains("short"), "the password is never repeated");
    }

    #[test]
    fn the_enrolment_prints_the_secret_and_the_link_only() {
        let enrolment = Enrolment {
            totp_secret: "ABC".into(),
            link: "otpauth://totp/x".into(),
        };
        let text = enrolment.to_string();
        assert!(text.starts_with("Add this account to an authenticator app"));
        assert!(text.ends_with("secret: ABC\nlink: otpauth://totp/x"));
    }
}
