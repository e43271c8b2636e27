//! The `--smtp-*` flags checked once at start-up, their files read: a relay that is half
//! configured stops the server with a message naming the missing piece, rather than
//! queueing emails that can never leave.

use std::path::Path;

use anyhow::{bail, Context};

use super::config::{SmtpArgs, SmtpTls};

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
        let relay = [
            "--smtp-host",
            "r",
            "--smtp-from",
            "u@e.org",
            "--smtp-username",
            "u",
        ];
        let unreadable = ["--smtp-password-file", "/nonexistent/smtp-password"];
        let cases: [(Vec<&str>, &str); 5] = [
            (vec!["--smtp-host", "relay.example"], "--smtp-from"),
            (vec!["--smtp-from", "u@example.org"], "--smtp-host"),
            (
                vec!["--smtp-host", "r", "--smtp-from", "not an address"],
                "not an email address",
            ),
            (relay.to_vec(), "--smtp-password-file is not"),
            (
                [&relay[..], &unreadable].concat(),
                "could not read the SMTP password file",
            ),
        ];
        for (args, message) in cases {
            let refused = refusal(&args);
            assert!(refused.contains(message), "{args:?}: {refused}");
        }
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
