//! The SMTP provider against a real mail relay: `tools/smtp/test_relay.py` (aiosmtpd),
//! which `./x test` starts on loopback and names in `SAFE_UPDATES_TEST_SMTP*` variables.
//! Under `./x test` (`SAFE_UPDATES_TEST_REQUIRE_SMTP=1`) a missing relay fails these tests;
//! a plain `cargo test` skips them with a note, as the PostgreSQL-only tests do. By hand:
//! run `tools/smtp/test-relay.sh` in another terminal and paste the `export` lines it
//! prints into this one.

mod relay;

use std::sync::Arc;

use server::delivery::message::{Accepted, Address, DeliveryStatus, Outgoing, SendFailure};
use server::delivery::provider::{Provider, Providers};
use server::delivery::smtp::SmtpTls;
use server::outbox::Channel;

use crate::helpers::{app_at_8am, session_token, Options, EMAIL_VICTIM};
use crate::server_process::refused;
use relay::{decoded_body, header, relay, test_relay};

/// An email to `local_part`@example.org with a Welsh body, and a fresh reference.
fn outgoing(local_part: &str) -> Outgoing {
    Outgoing {
        reference: uuid::Uuid::new_v4().to_string(),
        channel: Channel::Email,
        address: Address::Email(format!("{local_part}@example.org")),
        subject: "Neges newydd gan Safe Updates".to_owned(),
        body: "Mae gennych neges newydd. Mewngofnodwch i'w darllen: ŵ ŷ â ê î ô û ẁ ẃ ẅ ỳ."
            .to_owned(),
    }
}

fn is_temporary(outcome: &Result<Accepted, SendFailure>) -> bool {
    matches!(outcome, Err(SendFailure::Temporary { .. }))
}

#[tokio::test]
async fn starttls_and_a_sign_in_deliver_a_neutral_welsh_email_carrying_its_reference() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let message = outgoing("alex");
    let accepted = test_relay.provider().send(&message).await.expect("sent");
    let message_id = format!("<{}@safe-updates.test>", message.reference);
    assert_eq!(
        accepted,
        Accepted {
            provider_id: Some(message_id.clone()),
            status: DeliveryStatus::Sent
        }
    );
    let email = test_relay
        .email(&message.reference)
        .expect("the relay wrote the email");
    assert_eq!(
        header(&email, "From"),
        Some("\"Safe Updates\" <updates@safe-updates.test>")
    );
    assert_eq!(header(&email, "To"), Some("alex@example.org"));
    assert_eq!(header(&email, "Subject"), Some(message.subject.as_str()));
    assert_eq!(header(&email, "Message-ID"), Some(message_id.as_str()));
    assert_eq!(
        header(&email, "Content-Type"),
        Some("text/plain; charset=utf-8")
    );
    assert_eq!(decoded_body(&email), message.body);
}

#[tokio::test]
async fn tls_from_the_first_byte_and_a_loopback_plaintext_relay_work_too() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    for relay in [
        relay(test_relay.args(&test_relay.smtps, SmtpTls::Tls)),
        relay(test_relay.args(&test_relay.plain, SmtpTls::None)),
    ] {
        let message = outgoing("alex");
        relay.send(&message).await.expect("sent");
        assert!(test_relay.email(&message.reference).is_some());
    }
}

/// A wrong password is Temporary: it is our set-up that is wrong, for every message alike,
/// not this victim's address. Permanent would flag each victim's case for an officer ("the
/// address may be wrong") and drop messages that should go once the password is fixed.
#[tokio::test]
async fn a_wrong_password_is_a_temporary_failure() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let wrong = dir.path().join("password");
    std::fs::write(&wrong, "not the password\n").unwrap();
    let mut args = test_relay.args(&test_relay.starttls, SmtpTls::Starttls);
    args.password_file = Some(wrong);
    let message = outgoing("alex");
    let outcome = relay(args).send(&message).await;
    assert_eq!(
        outcome,
        Err(SendFailure::Temporary {
            reason: "the mail relay refused our sign-in".to_owned()
        })
    );
    assert!(test_relay.email(&message.reference).is_none());
}

#[tokio::test]
async fn a_refused_mailbox_is_permanent_and_a_busy_one_temporary() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let relay = test_relay.provider();
    let refused = outgoing("reject-alex");
    assert_eq!(
        relay.send(&refused).await,
        Err(SendFailure::Permanent {
            reason: "mailbox unavailable (550)".to_owned()
        })
    );
    let busy = outgoing("busy-alex");
    assert_eq!(
        relay.send(&busy).await,
        Err(SendFailure::Temporary {
            reason: "the mail relay had a local error (451)".to_owned()
        })
    );
    assert!(test_relay.email(&refused.reference).is_none());
    assert!(test_relay.email(&busy.reference).is_none());
    // The pooled connection still works after both refusals.
    relay.send(&outgoing("alex")).await.expect("sent");
}

/// STARTTLS is required, never opportunistic: a relay that does not offer it (or a
/// man in the middle who strips it) gets nothing in clear text.
#[tokio::test]
async fn no_silent_downgrade_to_plaintext() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let message = outgoing("alex");
    let outcome = relay(test_relay.args(&test_relay.plain, SmtpTls::Starttls))
        .send(&message)
        .await;
    assert!(is_temporary(&outcome), "{outcome:?}");
    // Talking plaintext to the STARTTLS relay is refused by it, before any message.
    let outcome = relay(test_relay.args(&test_relay.starttls, SmtpTls::None))
        .send(&message)
        .await;
    assert!(is_temporary(&outcome), "{outcome:?}");
    assert!(test_relay.email(&message.reference).is_none());
}

#[tokio::test]
async fn a_relay_certificate_from_an_untrusted_ca_is_refused() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let mut args = test_relay.args(&test_relay.starttls, SmtpTls::Starttls);
    args.ca_file = None;
    let message = outgoing("alex");
    assert_eq!(
        relay(args).send(&message).await,
        Err(SendFailure::Temporary {
            reason: "no trusted TLS connection to the mail relay".to_owned()
        })
    );
    assert!(test_relay.email(&message.reference).is_none());
}

#[test]
fn a_half_configured_relay_stops_the_server_at_start_up() {
    let dir = tempfile::tempdir().unwrap();
    let database_url = format!("sqlite://{}/portal.db", dir.path().display());
    let relay = ["--demo", "--smtp-host", "127.0.0.1"];
    let from = ["--smtp-from", "updates@safe-updates.test"];
    let unreadable = [
        "--smtp-username",
        "u",
        "--smtp-password-file",
        "/nonexistent/pw",
    ];
    let cases: [(Vec<&str>, &str); 3] = [
        (relay.to_vec(), "--smtp-host is set but --smtp-from is not"),
        (
            [&relay[..], &from, &unreadable].concat(),
            "could not read the SMTP password file",
        ),
        (
            [&relay[..], &from, &["--smtp-tls", "none"]].concat(),
            "it needs --smtp-insecure-plaintext",
        ),
    ];
    for (args, message) in cases {
        let output = refused(&database_url, &args, &[]);
        assert!(output.contains(message), "{args:?}: {output}");
    }
}

/// Issue 12's end-to-end case: a victim whose sign-in method is email asks for a code, the
/// delivery worker (running on its own, as in a server) sends it through the relay, and
/// the code read from the email that arrived signs them in.
#[tokio::test]
async fn a_victim_signs_in_with_the_code_from_the_email_that_arrived() {
    let Some(test_relay) = test_relay() else {
        return;
    };
    let relay: Arc<dyn Provider> = Arc::new(test_relay.provider());
    let app = app_at_8am(Options {
        providers: Providers::new(vec![relay]),
        delivery_worker: true,
        ..Options::default()
    })
    .await;
    let (reference, address) = EMAIL_VICTIM;
    assert_eq!(app.start_sign_in(reference).await.status(), 202);
    let queued = server::outbox::latest(&app.db, &app.keys, Some(address), 1)
        .await
        .unwrap();
    let outbox_id = &queued.first().expect("a code was queued").id;

    let email = test_relay.wait_for_email(outbox_id).await;
    assert_eq!(header(&email, "To"), Some(address));
    assert_eq!(
        header(&email, "From"),
        Some("\"Safe Updates\" <updates@safe-updates.test>")
    );
    let subject = header(&email, "Subject").expect("a subject").to_lowercase();
    for word in ["police", "crime", "victim", "cr/"] {
        assert!(!subject.contains(word), "the subject gives away {word:?}");
    }
    let body = decoded_body(&email);
    let code: String = body
        .split("code is ")
        .nth(1)
        .expect("the body gives the code")
        .chars()
        .take(6)
        .collect();
    assert!(code.chars().all(|c| c.is_ascii_digit()), "{code:?}");
    let response = app.verify(reference, &code).await;
    assert_eq!(response.status(), 200);
    assert!(session_token(&response).is_some());
}
