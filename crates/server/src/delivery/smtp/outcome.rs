//! What a relay's answer means for the message: SMTP's reply codes and the ways a
//! connection fails, mapped to `SendFailure` with a fixed reason. The relay's own reply
//! text is never kept: it often quotes the recipient's address.

use lettre::transport::smtp::Error;

use crate::delivery::message::SendFailure;

/// What went wrong, with no text from the relay in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trouble {
    /// A 4xx or 5xx reply.
    Reply(u16),
    /// The TLS handshake failed (an untrusted or mismatched certificate, no common
    /// protocol).
    Tls,
    Timeout,
    /// No connection, a connection lost, a reply that made no sense, or a relay that
    /// lacks what we insist on (STARTTLS, a sign-in method we speak).
    Connection,
}

impl Trouble {
    pub fn of(error: &Error) -> Self {
        if let Some(code) = error.status() {
            Trouble::Reply(u16::from(code))
        } else if error.is_timeout() {
            Trouble::Timeout
        } else if error.is_tls() || caused_by_tls(error) {
            Trouble::Tls
        } else {
            Trouble::Connection
        }
    }
}

/// lettre reports a failed handshake as a connection error whose cause is rustls's error
/// (inside an `io::Error`, as tokio-rustls gives it).
fn caused_by_tls(error: &Error) -> bool {
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        let rustls_inside = cause
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::get_ref)
            .is_some_and(|inner| inner.is::<rustls::Error>());
        if rustls_inside || cause.is::<rustls::Error>() {
            return true;
        }
        source = cause.source();
    }
    false
}

/// Permanent only where the relay says this message to this recipient can never go; a
/// fault in our own set-up (the relay password, TLS, the network) is temporary, because it
/// is fixed on our side and then every waiting message should still go.
pub fn failure(trouble: Trouble) -> SendFailure {
    let temporary = |reason: &str| SendFailure::Temporary {
        reason: reason.to_owned(),
    };
    let permanent = |reason: &str| SendFailure::Permanent {
        reason: reason.to_owned(),
    };
    match trouble {
        // 5xx about signing in (530 also: "STARTTLS first") is our configuration, not
        // the victim's address: flagging their case would send an officer after the
        // wrong problem, and the message must go once the password is put right.
        Trouble::Reply(530) => {
            temporary("the mail relay wants encryption or a sign-in first (530)")
        }
        Trouble::Reply(534 | 535 | 538) => temporary("the mail relay refused our sign-in"),
        Trouble::Reply(code @ 400..=499) => temporary(match code {
            421 => "the mail relay is closing the connection (421)",
            450 => "the mailbox is busy (450)",
            451 => "the mail relay had a local error (451)",
            452 => "the mail relay is short of storage (452)",
            454 => "the mail relay cannot sign us in just now (454)",
            _ => "the mail relay asked to try later (4xx)",
        }),
        Trouble::Reply(code @ 500..=599) => permanent(match code {
            550 => "mailbox unavailable (550)",
            551 => "user not local (551)",
            552 => "message too large for the mailbox (552)",
            553 => "mailbox name not allowed (553)",
            554 => "the mail relay refused the message (554)",
            _ => "the mail relay refused the message (5xx)",
        }),
        // Not a refusal: a reply outside 4xx/5xx where one was due.
        Trouble::Reply(_) => temporary("the mail relay answered out of turn"),
        Trouble::Tls => temporary("no trusted TLS connection to the mail relay"),
        Trouble::Timeout => temporary("the mail relay did not answer in time"),
        Trouble::Connection => temporary("could not talk to the mail relay"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_permanent(trouble: Trouble) -> bool {
        matches!(failure(trouble), SendFailure::Permanent { .. })
    }

    #[test]
    fn refused_recipients_are_permanent() {
        for code in [550, 551, 552, 553, 554, 571] {
            assert!(is_permanent(Trouble::Reply(code)), "{code}");
        }
    }

    #[test]
    fn busy_relays_our_own_set_up_and_the_network_are_temporary() {
        for trouble in [
            Trouble::Reply(421),
            Trouble::Reply(451),
            Trouble::Reply(452),
            Trouble::Reply(530),
            Trouble::Reply(535),
            Trouble::Reply(250),
            Trouble::Tls,
            Trouble::Timeout,
            Trouble::Connection,
        ] {
            assert!(!is_permanent(trouble), "{trouble:?}");
        }
    }

    #[test]
    fn reasons_name_the_code_not_the_relay_text() {
        assert_eq!(
            failure(Trouble::Reply(550)),
            SendFailure::Permanent {
                reason: "mailbox unavailable (550)".to_owned()
            }
        );
    }
}
