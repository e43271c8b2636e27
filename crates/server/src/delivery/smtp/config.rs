//! The `--smtp-*` flags, flattened into the server's `Config`; `settings.rs` checks them
//! at start-up.

use std::path::PathBuf;

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
