//! The `--smtp-*` flags (flattened into the server's `Config`), checked once at start-up:
//! a relay that is half configured stops the server with a message naming the missing
//! piece, rather than queueing emails that can never leave.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};

/// How the connection to the relay is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SmtpTls {
    /// Plain connection upgraded with STARTTLS, which the relay must offer (port 587).
    Starttls,
    /// TLS from the first byte, "SMTPS" (port 465).
    Tls,
    /// No encryption at all: only with --smtp-insecure-plaintext, to a loopback relay.
    None,
}

/// The force's own mail relay, for email. Unset `--smtp-host`: no relay, and emails wait in
/// the outbox unless another provider carries them.
#[derive(Debug, Clone, Args)]
pub struct SmtpArgs {
    /// The force's mail relay (SMTP) for email, e.g. smtp.example.police.uk. Unset: emails
    /// are not sent through SMTP. Needs --smtp-from.
    #[arg(long = "smtp-host", env = "SMTP_HOST")]
    pub host: Option<String>,

    /// The relay's port. Default: 587 with --smtp-tls starttls, 465 with tls, 25 with none.
    #[arg(long = "smtp-port", env = "SMTP_PORT")]
    pub port: Option<u16>,

    /// starttls (the default: the relay must offer STARTTLS, or nothing is sent), tls
    /// (TLS from the first byte, "SMTPS"), or none (only with --smtp-insecure-plaintext).
    #[arg(
        long = "smtp-tls",
        env = "SMTP_TLS",
        value_enum,
        default_value = "starttls"
    )]
    pub tls: SmtpTls,

    /// Allow --smtp-tls none: messages and the password cross the network unencrypted, so
    /// it is accepted only for a relay on a loopback address (a test relay). Never set it
    /// in production.
    #[arg(long = "smtp-insecure-plaintext", env = "SMTP_INSECURE_PLAINTEXT")]
    pub insecure_plaintext: bool,

    /// The user name to sign in to the relay with (AUTH PLAIN or LOGIN). Needs
    /// --smtp-password-file. Unset: no sign-in (a relay that trusts the server's address).
    #[arg(long = "smtp-username", env = "SMTP_USERNAME")]
    pub username: Option<String>,

    /// A file holding the relay password (one line; a final newline is ignored). A file,
    /// never a flag, so the password shows neither in `ps` nor in shell history.
    #[arg(long = "smtp-password-file", env = "SMTP_PASSWORD_FILE")]
    pub password_file: Option<PathBuf>,

    /// The sender address, e.g. updates@example.police.uk. Its domain also ends each
    /// Message-ID, which carries the message's outbox id.
    #[arg(long = "smtp-from", env = "SMTP_FROM")]
    pub from: Option<String>,

    /// The sender's display name: neutral, since it shows in the victim's inbox.
    #[arg(
        long = "smtp-from-name",
        env = "SMTP_FROM_NAME",
        default_value = "Safe Updates"
    )]
    pub from_name: String,

    /// A PEM file of extra certificate authorities to trust for the relay (a force's
    /// private CA), on top of the system's.
    #[arg(long = "smtp-ca-file", env = "SMTP_CA_FILE")]
    pub ca_file: Option<PathBuf>,
}

impl Default for SmtpArgs {
    /// No relay.
    fn default() -> Self {
        Self {
            host: None,
            port: None,
            tls: SmtpTls::Starttls,
            insecure_plaintext: false,
            username: None,
            password_file: None,
            from: None,
            from_name: "Safe Updates".to_owned(),
            ca_file: None,
        }
    }
}

/// Everything a relay needs, read and checked: files are read here, at start-up.
#[derive(Clone)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub credentials: Option<(String, String)>,
    pub from: String,
    pub from_name: String,
    /// The PEM text of --smtp-ca-file.
    pub ca_pem: Option<Vec<u8>>,
}

impl SmtpArgs {
    /// The relay's settings, `None` when no relay is configured, or why these flags cannot
    /// work together.
    pub fn settings(&self) -> anyhow::Result<Option<SmtpSettings>> {
        let Some(host) = self
            .host
            .as_deref()
            .map(str::trim)
            .filter(|h| !h.is_empty())
        else {
            if let Some(flag) = self.flag_without_host() {
                bail!("{flag} is set but --smtp-host is not: name the mail relay with --smtp-host (SMTP_HOST), or remove {flag}");
            }
            return Ok(None);
        };
        let from = self
            .from
            .as_deref()
            .map(str::trim)
            .filter(|from| !from.is_empty())
            .context("--smtp-host is set but --smtp-from is not: give the sender address, e.g. --smtp-from updates@example.police.uk (SMTP_FROM)")?;
        if sender_domain(from).is_none() {
            bail!("--smtp-from {from:?} is not an email address like updates@example.police.uk");
        }
        self.check_plaintext(host)?;
        let credentials = match (&self.username, &self.password_file) {
            (Some(username), Some(file)) => Some((username.clone(), read_password(file)?)),
            (None, None) => None,
            (Some(_), None) => bail!("--smtp-username is set but --smtp-password-file is not: give the file holding the relay password"),
            (None, Some(_)) => bail!("--smtp-password-file is set but --smtp-username is not: give the user name to sign in to the relay with"),
        };
        let ca_pem = match &self.ca_file {
            Some(file) => Some(read_ca_file(file)?),
            None => None,
        };
        Ok(Some(SmtpSettings {
            host: host.to_owned(),
            port: self.port.unwrap_or(match self.tls {
                SmtpTls::Starttls => 587,
                SmtpTls::Tls => 465,
                SmtpTls::None => 25,
            }),
            tls: self.tls,
            credentials,
            from: from.to_owned(),
            from_name: self.from_name.trim().to_owned(),
            ca_pem,
        }))
    }

    /// A relay flag that means nothing without `--smtp-host` (so was likely meant to go
    /// with one).
    fn flag_without_host(&self) -> Option<&'static str> {
        [
            (self.from.is_some(), "--smtp-from"),
            (self.username.is_some(), "--smtp-username"),
            (self.password_file.is_some(), "--smtp-password-file"),
            (self.ca_file.is_some(), "--smtp-ca-file"),
            (self.port.is_some(), "--smtp-port"),
        ]
        .into_iter()
        .find_map(|(set, flag)| set.then_some(flag))
    }

    /// No encryption only when asked for in so many words, and only on this machine.
    fn check_plaintext(&self, host: &str) -> anyhow::Result<()> {
        match (self.tls, self.insecure_plaintext) {
            (SmtpTls::None, false) => bail!("--smtp-tls none sends messages and the relay password unencrypted: it needs --smtp-insecure-plaintext as well, and is for a test relay on this machine only; use --smtp-tls starttls or tls"),
            (SmtpTls::None, true) if !is_loopback(host) => bail!("--smtp-insecure-plaintext is only for a relay on a loopback address (127.0.0.1, ::1, localhost), not {host:?}; use --smtp-tls starttls or tls"),
            (SmtpTls::Starttls | SmtpTls::Tls, true) => bail!("--smtp-insecure-plaintext goes only with --smtp-tls none; remove it"),
            _ => Ok(()),
        }
    }
}

/// The part after the `@` of a plain address, if it looks like one.
pub fn sender_domain(address: &str) -> Option<&str> {
    let (local, domain) = address.rsplit_once('@')?;
    let plain = |part: &str| {
        !part.is_empty() && !part.contains(|c: char| c.is_whitespace() || "<>@,;\"".contains(c))
    };
    (plain(local) && plain(domain) && !domain.starts_with('.') && !domain.ends_with('.'))
        .then_some(domain)
}

fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost")
        || host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn read_password(file: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(file).with_context(|| {
        format!(
            "could not read the SMTP password file {} (--smtp-password-file)",
            file.display()
        )
    })?;
    let password = text.trim_end_matches(['\r', '\n']);
    if password.is_empty() {
        bail!(
            "the SMTP password file {} (--smtp-password-file) is empty",
            file.display()
        );
    }
    Ok(password.to_owned())
}

fn read_ca_file(file: &Path) -> anyhow::Result<Vec<u8>> {
    let pem = std::fs::read(file).with_context(|| {
        format!(
            "could not read the CA file {} (--smtp-ca-file)",
            file.display()
        )
    })?;
    if !pem
        .windows(b"-----BEGIN CERTIFICATE-----".len())
        .any(|w| w == b"-----BEGIN CERTIFICATE-----")
    {
        bail!(
            "the CA file {} (--smtp-ca-file) holds no PEM certificate",
            file.display()
        );
    }
    Ok(pem)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Flags {
        #[command(flatten)]
        smtp: SmtpArgs,
    }

    fn settings(args: &[&str]) -> anyhow::Result<Option<SmtpSettings>> {
        let flags = Flags::try_parse_from(std::iter::once("server").chain(args.iter().copied()))
            .map_err(|error| anyhow::anyhow!("{error}"))?;
        flags.smtp.settings()
    }

    fn refusal(args: &[&str]) -> String {
        match settings(args) {
            Ok(_) => panic!("{args:?} was accepted"),
            Err(error) => format!("{error:#}"),
        }
    }

    #[test]
    fn no_host_is_no_relay() {
        assert!(settings(&[]).unwrap().is_none());
    }

    #[test]
    fn a_relay_defaults_to_starttls_on_587_with_a_neutral_name() {
        let relay = settings(&[
            "--smtp-host",
            "relay.example",
            "--smtp-from",
            "u@example.org",
        ])
        .unwrap()
        .unwrap();
        assert_eq!((relay.port, relay.tls), (587, SmtpTls::Starttls));
        assert_eq!(relay.from_name, "Safe Updates");
        assert!(relay.credentials.is_none());
    }

    #[test]
    fn half_configured_relays_are_refused_by_name() {
        assert!(refusal(&["--smtp-host", "relay.example"]).contains("--smtp-from"));
        assert!(refusal(&["--smtp-from", "u@example.org"]).contains("--smtp-host"));
        assert!(
            refusal(&["--smtp-host", "r", "--smtp-from", "not an address"])
                .contains("not an email address")
        );
        let no_password = refusal(&[
            "--smtp-host",
            "r",
            "--smtp-from",
            "u@e.org",
            "--smtp-username",
            "u",
        ]);
        assert!(no_password.contains("--smtp-password-file"));
        let unreadable = refusal(&[
            "--smtp-host",
            "r",
            "--smtp-from",
            "u@e.org",
            "--smtp-username",
            "u",
            "--smtp-password-file",
            "/nonexistent/smtp-password",
        ]);
        assert!(
            unreadable.contains("could not read the SMTP password file"),
            "{unreadable}"
        );
    }

    #[test]
    fn plaintext_needs_the_flag_and_a_loopback_relay() {
        let base = ["--smtp-from", "u@example.org", "--smtp-tls", "none"];
        let without = refusal(&[&base[..], &["--smtp-host", "127.0.0.1"]].concat());
        assert!(without.contains("--smtp-insecure-plaintext"));
        let remote = [
            &base[..],
            &["--smtp-host", "relay.example", "--smtp-insecure-plaintext"],
        ]
        .concat();
        assert!(refusal(&remote).contains("loopback"));
        let local = [
            &base[..],
            &["--smtp-host", "127.0.0.1", "--smtp-insecure-plaintext"],
        ]
        .concat();
        assert_eq!(settings(&local).unwrap().unwrap().port, 25);
        let needless = [
            "--smtp-host",
            "r",
            "--smtp-from",
            "u@e.org",
            "--smtp-insecure-plaintext",
        ];
        assert!(refusal(&needless).contains("only with --smtp-tls none"));
    }

    #[test]
    fn sender_domains() {
        assert_eq!(
            sender_domain("updates@example.police.uk"),
            Some("example.police.uk")
        );
        for bad in ["updates", "@example.org", "a@", "a b@example.org", "a@.org"] {
            assert_eq!(sender_domain(bad), None, "{bad}");
        }
    }
}
