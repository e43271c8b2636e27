//! Email through the force's own mail relay (SMTP, with `lettre`): STARTTLS or TLS, a
//! sign-in, and the outbox id in each Message-ID so the idempotency reference travels
//! with the message. SMTP has no receipts and no look-up: accepted means `Sent`.

pub mod config;
pub mod outcome;
pub mod settings;

use std::time::Duration;

use anyhow::Context;
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, Message, SinglePart};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{Certificate, CertificateStore, Tls, TlsParameters};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

pub use config::{SmtpArgs, SmtpTls};
pub use settings::SmtpSettings;

use crate::delivery::message::{Accepted, Address, DeliveryStatus, Outgoing, SendFailure};
use crate::delivery::provider::{BoxFuture, Provider};
use crate::outbox::Channel;

/// How long one SMTP command may wait for the relay's answer.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a whole send may take (connect, STARTTLS, sign-in, the message): well inside
/// the half of the worker's lease a send starts with, so a stalled relay cannot outlast
/// the claim and have another server send the message alongside.
const SEND_TIMEOUT: Duration = Duration::from_secs(45);

/// The force's relay, with a small pool of open connections.
pub struct SmtpRelay {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    from_domain: String,
}

impl SmtpRelay {
    /// The relay the `--smtp-*` flags describe, `None` when none is, or why they cannot
    /// work (read at start-up: the server then refuses to start). Call it inside the Tokio
    /// runtime: the connection pool keeps a task that closes idle connections.
    pub fn from_args(args: &SmtpArgs) -> anyhow::Result<Option<Self>> {
        args.settings()?.map(Self::new).transpose()
    }

    pub fn new(settings: SmtpSettings) -> anyhow::Result<Self> {
        let from_domain = settings::sender_domain(&settings.from)
            .context("--smtp-from is not an email address")?
            .to_owned();
        let address = settings
            .from
            .parse()
            .with_context(|| format!("--smtp-from {:?} is not an email address", settings.from))?;
        let name = (!settings.from_name.is_empty()).then(|| settings.from_name.clone());
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&settings.host)
            .port(settings.port)
            .tls(tls(&settings)?)
            .timeout(Some(COMMAND_TIMEOUT));
        if let Some((username, password)) = settings.credentials {
            builder = builder
                .credentials(Credentials::new(username, password))
                .authentication(vec![Mechanism::Plain, Mechanism::Login]);
        }
        Ok(Self {
            transport: builder.build(),
            from: Mailbox::new(name, address),
            from_domain,
        })
    }

    /// `<outbox-id@sender-domain>`: unique per message, and the same on every try.
    pub fn message_id(&self, reference: &str) -> String {
        format!("<{reference}@{}>", self.from_domain)
    }

    /// The email for `message`: plain UTF-8 text, quoted-printable so any relay carries it.
    fn email(&self, message: &Outgoing) -> Result<Message, SendFailure> {
        let invalid = || SendFailure::Permanent {
            reason: "not a valid email address".to_owned(),
        };
        let Address::Email(to) = &message.address else {
            return Err(invalid());
        };
        let to = to.trim().parse().map_err(|_| invalid())?;
        let reference_is_plain = !message.reference.is_empty()
            && message
                .reference
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !reference_is_plain {
            // The reference is an outbox id (a UUID): anything else is our own bug.
            return Err(SendFailure::Permanent {
                reason: "the message reference is not an outbox id".to_owned(),
            });
        }
        Message::builder()
            .from(self.from.clone())
            .to(Mailbox::new(None, to))
            .subject(message.subject.clone())
            .message_id(Some(self.message_id(&message.reference)))
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::QuotedPrintable)
                    .body(message.body.clone()),
            )
            .map_err(|_| SendFailure::Permanent {
                reason: "the email could not be put together".to_owned(),
            })
    }
}

/// lettre's TLS settings: the system's roots, plus the private CA when given.
fn tls(settings: &SmtpSettings) -> anyhow::Result<Tls> {
    if settings.tls == SmtpTls::None {
        return Ok(Tls::None);
    }
    let mut parameters =
        TlsParameters::builder(settings.host.clone()).certificate_store(CertificateStore::Default);
    if let Some(pem) = &settings.ca_pem {
        let certificate = Certificate::from_pem(pem)
            .context("the CA file (--smtp-ca-file) holds no usable PEM certificate")?;
        parameters = parameters.add_root_certificate(certificate);
    }
    let parameters = parameters
        .build_rustls()
        .context("could not set up TLS for the mail relay")?;
    Ok(match settings.tls {
        // Required, never opportunistic: a relay (or someone in the path) that does not
        // offer STARTTLS gets nothing, rather than the message in clear text.
        SmtpTls::Starttls => Tls::Required(parameters),
        SmtpTls::Tls | SmtpTls::None => Tls::Wrapper(parameters),
    })
}

impl Provider for SmtpRelay {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn carries(&self, channel: Channel) -> bool {
        channel == Channel::Email
    }

    fn send<'a>(&'a self, message: &'a Outgoing) -> BoxFuture<'a, Result<Accepted, SendFailure>> {
        Box::pin(async move {
            let email = self.email(message)?;
            match tokio::time::timeout(SEND_TIMEOUT, self.transport.send(email)).await {
                Ok(Ok(_)) => Ok(Accepted {
                    provider_id: Some(self.message_id(&message.reference)),
                    status: DeliveryStatus::Sent,
                }),
                // The error itself is not logged or kept: its text may quote the address.
                Ok(Err(error)) => Err(outcome::failure(outcome::Trouble::of(&error))),
                Err(_elapsed) => Err(outcome::failure(outcome::Trouble::Timeout)),
            }
        })
    }

    /// SMTP cannot ask a relay what it took; the worker sends again, with the same
    /// Message-ID, so a mail system that de-duplicates by it can.
    fn find_sent<'a>(
        &'a self,
        _reference: &'a str,
    ) -> BoxFuture<'a, Result<Option<Accepted>, SendFailure>> {
        Box::pin(async { Ok(None) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn relay() -> SmtpRelay {
        SmtpRelay::new(SmtpSettings {
            host: "relay.example".to_owned(),
            port: 587,
            tls: SmtpTls::Starttls,
            credentials: None,
            from: "updates@example.police.uk".to_owned(),
            from_name: "Safe Updates".to_owned(),
            ca_pem: None,
        })
        .unwrap()
    }

    fn outgoing(address: Address) -> Outgoing {
        Outgoing {
            reference: "0190a5c4-7d3e-7000-8000-000000000001".to_owned(),
            channel: Channel::Email,
            address,
            subject: "Your sign-in code".to_owned(),
            body: "Eich cod yw 123456. Diolch — ŵ ŷ â".to_owned(),
        }
    }

    #[tokio::test]
    async fn carries_email_only() {
        let relay = relay();
        assert_eq!(relay.name(), "smtp");
        assert!(relay.carries(Channel::Email));
        assert!(!relay.carries(Channel::Sms) && !relay.carries(Channel::Letter));
    }

    #[tokio::test]
    async fn the_email_carries_the_reference_and_a_neutral_sender() {
        let email = relay()
            .email(&outgoing(Address::Email("alex@example.org".to_owned())))
            .unwrap();
        let text = String::from_utf8(email.formatted()).unwrap();
        assert!(
            text.contains("Message-ID: <0190a5c4-7d3e-7000-8000-000000000001@example.police.uk>")
        );
        assert!(
            text.contains("From: \"Safe Updates\" <updates@example.police.uk>"),
            "{text}"
        );
        assert!(text.contains("Content-Transfer-Encoding: quoted-printable"));
        assert!(text.is_ascii(), "quoted-printable keeps the message 7-bit");
    }

    #[tokio::test]
    async fn a_message_that_is_not_an_email_is_refused_for_good() {
        let relay = relay();
        for address in [
            Address::Phone("+447700900001".to_owned()),
            Address::Email("not an address".to_owned()),
        ] {
            assert!(matches!(
                relay.email(&outgoing(address)),
                Err(SendFailure::Permanent { .. })
            ));
        }
    }
}
