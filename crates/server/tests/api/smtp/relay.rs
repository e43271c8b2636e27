//! The test mail relay as the SMTP tests see it: where `tools/smtp/test-relay.sh` put it
//! (its `SAFE_UPDATES_TEST_SMTP*` variables), `--smtp-*` settings for each of its
//! listeners, and the emails it wrote.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use server::delivery::smtp::{SmtpArgs, SmtpRelay, SmtpTls};

/// Where `tools/smtp/test-relay.sh` put the relay.
pub struct TestRelay {
    pub starttls: String,
    pub smtps: String,
    pub plain: String,
    pub ca_file: PathBuf,
    pub username: String,
    pub password_file: PathBuf,
    pub mail_dir: PathBuf,
}

/// The test relay, or `None` (after a note) when this is not `./x test` and none runs.
pub fn test_relay() -> Option<TestRelay> {
    let var = |name: &str| std::env::var(name).ok().filter(|value| !value.is_empty());
    let Some(starttls) = var("SAFE_UPDATES_TEST_SMTP") else {
        assert!(
            var("SAFE_UPDATES_TEST_REQUIRE_SMTP").is_none(),
            "SAFE_UPDATES_TEST_SMTP is not set, but ./x test needs the test mail relay: \
             tools/smtp/test-relay.sh starts it and exports its address"
        );
        eprintln!("skipped: no test mail relay (SAFE_UPDATES_TEST_SMTP); ./x test starts one");
        return None;
    };
    let required = |name: &str| {
        var(name)
            .unwrap_or_else(|| panic!("{name} is not set: tools/smtp/test-relay.sh exports it"))
    };
    Some(TestRelay {
        starttls,
        smtps: required("SAFE_UPDATES_TEST_SMTPS"),
        plain: required("SAFE_UPDATES_TEST_SMTP_PLAIN"),
        ca_file: required("SAFE_UPDATES_TEST_SMTP_CA_FILE").into(),
        username: required("SAFE_UPDATES_TEST_SMTP_USERNAME"),
        password_file: required("SAFE_UPDATES_TEST_SMTP_PASSWORD_FILE").into(),
        mail_dir: required("SAFE_UPDATES_TEST_SMTP_MAIL_DIR").into(),
    })
}

impl TestRelay {
    /// `--smtp-*` flags for the listener at `address` (`host:port`), signed in, trusting
    /// the test CA.
    pub fn args(&self, address: &str, tls: SmtpTls) -> SmtpArgs {
        let (host, port) = address.rsplit_once(':').expect("host:port");
        SmtpArgs {
            host: Some(host.to_owned()),
            port: Some(port.parse().expect("a port")),
            tls,
            insecure_plaintext: tls == SmtpTls::None,
            username: Some(self.username.clone()),
            password_file: Some(self.password_file.clone()),
            from: Some("updates@safe-updates.test".to_owned()),
            ca_file: Some(self.ca_file.clone()),
            ..SmtpArgs::default()
        }
    }

    /// The relay for the STARTTLS listener, as a force would configure it.
    pub fn provider(&self) -> SmtpRelay {
        relay(self.args(&self.starttls, SmtpTls::Starttls))
    }

    /// The email that carries `reference`, once it has arrived (within 20 s).
    pub async fn wait_for_email(&self, reference: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(email) = self.email(reference) {
                return email;
            }
            assert!(
                Instant::now() < deadline,
                "no email with {reference} arrived"
            );
            // Polling the relay's folder; the worker runs on this test's runtime.
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The email that carries `reference`, if one arrived.
    pub fn email(&self, reference: &str) -> Option<String> {
        let needle = format!("Message-ID: <{reference}@");
        std::fs::read_dir(&self.mail_dir)
            .expect("the relay's mail folder")
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .find(|email| email.contains(&needle))
    }
}

pub fn relay(args: SmtpArgs) -> SmtpRelay {
    SmtpRelay::from_args(&args)
        .expect("relay settings")
        .expect("a relay")
}

/// The body of a single-part quoted-printable email, decoded.
pub fn decoded_body(email: &str) -> String {
    let (_, body) = email.split_once("\r\n\r\n").expect("headers, then a body");
    let bytes = quoted_printable::decode(body.trim_end(), quoted_printable::ParseMode::Robust)
        .expect("quoted-printable");
    String::from_utf8(bytes).expect("UTF-8")
}

pub fn header<'a>(email: &'a str, name: &str) -> Option<&'a str> {
    email
        .split("\r\n")
        .take_while(|line| !line.is_empty())
        .find_map(|line| line.strip_prefix(name)?.strip_prefix(": "))
}
