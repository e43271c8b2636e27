//! GOV.UK Notify's contract, against the local double (tools/notify-double), which checks
//! requests as Notify documents: our JWT and request shapes are accepted, each channel's
//! personalisation arrives, Notify's refusals become the right kind of failure, a send is
//! found again by its reference, and delivery receipts reach the receipt route (a real
//! server on a port) only with the right bearer token.

use std::time::Duration;

use notify_double::{Callback, Config as DoubleConfig, Kind, Outcome, Receipts};
use reqwest::Client;
use serde_json::{json, Value};
use server::delivery::message::{Accepted, Address, DeliveryStatus, Outgoing, SendFailure};
use server::delivery::notify::{jwt, ApiKey, NotifyClient, ReceiptToken, Templates};
use server::delivery::provider::Provider;
use server::outbox::Channel;

use crate::helpers::{logs, spawn_app_with, Options, TestApp};

const RECEIPT_TOKEN: &str = "a-receipt-token-of-forty-characters-0001";
const RECEIPTS: &str = "/api/delivery/notify-receipts";

fn key() -> ApiKey {
    ApiKey::parse(notify_double::TEST_API_KEY).unwrap()
}

fn templates() -> Templates {
    Templates {
        sms: Some(notify_double::SMS_TEMPLATE.to_owned()),
        email: Some(notify_double::EMAIL_TEMPLATE.to_owned()),
        letter: Some(notify_double::LETTER_TEMPLATE.to_owned()),
    }
}

/// A double whose receipts go out only when the test asks, to `callback` if given.
async fn double(callback: Option<Callback>) -> notify_double::Handle {
    notify_double::spawn(DoubleConfig {
        callback,
        receipts: Receipts::WhenAsked,
        ..DoubleConfig::default()
    })
    .await
    .unwrap()
}

fn client_for(double: &notify_double::Handle) -> NotifyClient {
    NotifyClient::new(&double.base_url(), key(), templates()).unwrap()
}

fn message(channel: Channel, address: Address) -> Outgoing {
    Outgoing {
        reference: uuid::Uuid::now_v7().to_string(),
        channel,
        address,
        subject: "You have a new update from Safe Updates".to_owned(),
        body: "You have a new update from Safe Updates. Sign in to read it.".to_owned(),
    }
}

fn text(phone: &str) -> Outgoing {
    message(Channel::Sms, Address::Phone(phone.to_owned()))
}

fn letter() -> Outgoing {
    message(
        Channel::Letter,
        Address::Postal {
            lines: vec![
                "Sam Example".into(),
                "1 Test Street".into(),
                "Testtown".into(),
            ],
            postcode: "SW1A 1AA".into(),
        },
    )
}

fn temporary(result: Result<Accepted, SendFailure>) -> bool {
    matches!(result, Err(SendFailure::Temporary { .. }))
}

#[tokio::test]
async fn each_channel_arrives_with_our_template_personalisation_and_reference() {
    let double = double(None).await;
    let notify = client_for(&double);
    assert_eq!(notify.name(), "notify");
    assert!([Channel::Sms, Channel::Email, Channel::Letter]
        .iter()
        .all(|c| notify.carries(*c)));

    let sms = text("+447700900123");
    let email = message(Channel::Email, Address::Email("sam@example.org".into()));
    let letter = letter();
    for outgoing in [&sms, &email, &letter] {
        let accepted = notify.send(outgoing).await.unwrap();
        assert_eq!(accepted.status, DeliveryStatus::Sent);
        let stored = double.notifications().pop().unwrap();
        assert_eq!(accepted.provider_id.as_deref(), Some(stored.id.as_str()));
        assert_eq!(
            stored.reference.as_deref(),
            Some(outgoing.reference.as_str())
        );
        assert_eq!(
            stored.body, outgoing.body,
            "the template's ((body)) is our message"
        );
        assert_eq!(stored.personalisation["body"], json!(outgoing.body));
        assert_eq!(stored.personalisation["subject"], json!(outgoing.subject));
    }
    let stored = double.notifications();
    assert_eq!(
        stored.iter().map(|n| n.kind).collect::<Vec<_>>(),
        [Kind::Sms, Kind::Email, Kind::Letter]
    );
    assert_eq!(stored[0].to, "+447700900123");
    assert_eq!(stored[1].to, "sam@example.org");
    assert_eq!(stored[1].subject.as_deref(), Some(email.subject.as_str()));
    assert_eq!(
        stored[2].to,
        "Sam Example\n1 Test Street\nTesttown\nSW1A 1AA"
    );
    assert_eq!(stored[2].personalisation["address_line_4"], "SW1A 1AA");
}

#[tokio::test]
async fn notify_refusals_become_permanent_or_temporary_failures() {
    let double = double(None).await;
    let notify = client_for(&double);
    // Refused by the double's own checks: not a UK mobile.
    let landline = notify.send(&text("+442079460000")).await;
    assert!(
        matches!(landline, Err(SendFailure::Permanent { .. })),
        "{landline:?}"
    );
    for (status, permanent) in [(400, true), (403, false), (429, false), (500, false)] {
        double.script("07700900456", Outcome::Reject(status), 1);
        let result = notify.send(&text("+447700900456")).await;
        if permanent {
            assert!(
                matches!(result, Err(SendFailure::Permanent { .. })),
                "{status}: {result:?}"
            );
        } else {
            assert!(temporary(result), "{status}");
        }
    }
    // Reasons are fixed phrases, never the address.
    let Err(SendFailure::Permanent { reason }) = notify.send(&text("+442079460000")).await else {
        panic!("not refused");
    };
    assert!(!reason.contains("2079460000"), "{reason}");
    assert!(
        double.notifications().is_empty(),
        "nothing refused was stored"
    );
    // Once the script is used up the number is a test key's ordinary recipient.
    assert!(notify.send(&text("+447700900456")).await.is_ok());
}

#[tokio::test]
async fn a_wrong_key_or_no_answer_is_temporary() {
    let double = double(None).await;
    let wrong_secret = notify_double::TEST_API_KEY.replace("000000000002", "000000000009");
    let wrong = NotifyClient::new(
        &double.base_url(),
        ApiKey::parse(&wrong_secret).unwrap(),
        templates(),
    )
    .unwrap();
    assert!(
        temporary(wrong.send(&text("+447700900123")).await),
        "403 AuthError"
    );
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = closed.local_addr().unwrap();
    drop(closed);
    let unreachable = NotifyClient::new(&format!("http://{address}"), key(), templates()).unwrap();
    assert!(temporary(unreachable.send(&text("+447700900123")).await));
    assert!(double.notifications().is_empty());
}

#[tokio::test]
async fn our_jwt_passes_the_doubles_check_only_while_fresh() {
    let double = double(None).await;
    let http = Client::new();
    let list = |token: String| {
        http.get(format!("{}/v2/notifications", double.base_url()))
            .bearer_auth(token)
            .send()
    };
    let fresh = list(jwt::token(&key(), jwt::now())).await.unwrap();
    assert_eq!(fresh.status(), 200);
    let stale = list(jwt::token(&key(), jwt::now() - 31)).await.unwrap();
    assert_eq!(stale.status(), 403);
    let body: Value = stale.json().await.unwrap();
    assert_eq!(body["errors"][0]["error"], "AuthError");
    assert_eq!(body["status_code"], 403);
}

#[tokio::test]
async fn a_send_is_found_again_by_its_reference() {
    let double = double(None).await;
    let notify = client_for(&double);
    assert_eq!(
        notify
            .find_sent(&uuid::Uuid::now_v7().to_string())
            .await
            .unwrap(),
        None
    );
    let delivered = text("+447700900123");
    let failing = text("07700900003");
    let posted = letter();
    let first = notify.send(&delivered).await.unwrap();
    notify.send(&failing).await.unwrap();
    notify.send(&posted).await.unwrap();
    let found = notify
        .find_sent(&delivered.reference)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, first, "the same id, still only sent");
    double.send_receipts().await;
    let found = notify
        .find_sent(&delivered.reference)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.status, DeliveryStatus::Delivered);
    let found = notify.find_sent(&failing.reference).await.unwrap().unwrap();
    assert_eq!(found.status, DeliveryStatus::TemporaryFailure);
    let found = notify.find_sent(&posted.reference).await.unwrap().unwrap();
    assert_eq!(
        found.status,
        DeliveryStatus::Delivered,
        "a letter's 'received'"
    );
}

/// A server whose receipt token is `RECEIPT_TOKEN`.
async fn app_taking_receipts() -> TestApp {
    spawn_app_with(Options {
        demo: false,
        configure: |config| {
            config.notify.notify_receipt_token = Some(ReceiptToken::new(RECEIPT_TOKEN).unwrap());
        },
        ..Options::default()
    })
    .await
}

/// Whether the receipt route took a receipt for Notify's `id` with `status` and handed it
/// on to be recorded (it logs each one it records, by ids).
async fn receipt_logged(id: &str, status: &str) -> bool {
    logs().contents().lines().any(|line| {
        line.contains("Notify delivery receipt") && line.contains(id) && line.contains(status)
    })
}

/// Posts `receipt` to the receipt route as another service would: no cookies, no Origin,
/// and `authorization` as the whole `Authorization` header, if any.
async fn post_receipt(app: &TestApp, authorization: Option<&str>, receipt: &Value) -> u16 {
    let mut request = Client::new().post(app.url(RECEIPTS)).json(receipt);
    if let Some(value) = authorization {
        request = request.header("authorization", value);
    }
    request.send().await.unwrap().status().as_u16()
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

#[tokio::test]
async fn a_receipt_from_notify_with_the_token_is_recorded_without_any_origin() {
    let app = app_taking_receipts().await;
    let double = double(Some(Callback {
        url: app.url(RECEIPTS),
        bearer_token: RECEIPT_TOKEN.to_owned(),
    }))
    .await;
    let notify = client_for(&double);
    let delivered = notify.send(&text("+447700900123")).await.unwrap();
    let failed = notify
        .send(&message(
            Channel::Email,
            Address::Email("perm-fail@simulator.notify".into()),
        ))
        .await
        .unwrap();
    assert_eq!(double.send_receipts().await, 2);
    // The double's client sends no Origin and no Sec-Fetch-Site, as Notify's does not.
    let answered: Vec<Option<u16>> = double.receipts().iter().map(|r| r.answered).collect();
    assert_eq!(answered, [Some(204), Some(204)]);
    assert!(receipt_logged(&delivered.provider_id.unwrap(), "Delivered").await);
    assert!(receipt_logged(&failed.provider_id.unwrap(), "PermanentFailure").await);

    // An id we never sent gets the same answer.
    let unknown = json!({"id": uuid::Uuid::new_v4().to_string(), "reference": null,
        "to": "07700900123", "status": "delivered", "created_at": "2026-03-10T08:00:00.000000Z",
        "completed_at": "2026-03-10T08:00:05.000000Z", "sent_at": "2026-03-10T08:00:01.000000Z",
        "notification_type": "sms", "template_id": notify_double::SMS_TEMPLATE, "template_version": 1});
    let token = bearer(RECEIPT_TOKEN);
    assert_eq!(post_receipt(&app, Some(&token), &unknown).await, 204);
    let not_a_receipt = json!({"id": "x"});
    assert_eq!(post_receipt(&app, Some(&token), &not_a_receipt).await, 422);
}

#[tokio::test]
async fn a_receipt_without_the_right_token_is_refused_and_changes_nothing() {
    let double = double(None).await;
    let app = app_taking_receipts().await;
    double.set_callback(Callback {
        url: app.url(RECEIPTS),
        bearer_token: "not-the-receipt-token-but-just-as-long-0".to_owned(),
    });
    let sent = client_for(&double)
        .send(&text("+447700900123"))
        .await
        .unwrap();
    double.send_receipts().await;
    assert_eq!(double.receipts()[0].answered, Some(401));
    let id = sent.provider_id.unwrap();
    let receipt = json!({"id": id, "status": "delivered", "notification_type": "sms"});
    assert_eq!(post_receipt(&app, None, &receipt).await, 401);
    let basic = format!("Basic {RECEIPT_TOKEN}");
    assert_eq!(post_receipt(&app, Some(&basic), &receipt).await, 401);
    let wrong = bearer(&RECEIPT_TOKEN.replace('0', "1"));
    let refused = Client::new()
        .post(app.url(RECEIPTS))
        .header("authorization", wrong)
        .json(&receipt);
    let refused = refused.send().await.unwrap();
    assert_eq!(refused.status(), 401);
    let body = refused.text().await.unwrap();
    assert!(!body.contains("token"), "no detail: {body}");
    // A malformed body without the token is refused for the token, not read.
    let junk = Client::new()
        .post(app.url(RECEIPTS))
        .body("{")
        .send()
        .await
        .unwrap();
    assert_eq!(junk.status(), 401);
    assert!(!receipt_logged(&id, "Delivered").await);
}

#[tokio::test]
async fn without_a_receipt_token_every_receipt_is_refused() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    let receipt = json!({"id": uuid::Uuid::new_v4().to_string(), "status": "delivered"});
    for token in ["", RECEIPT_TOKEN] {
        assert_eq!(
            post_receipt(&app, Some(&bearer(token)), &receipt).await,
            401
        );
    }
}

#[tokio::test]
async fn a_held_send_is_stored_before_it_is_answered() {
    let double = double(None).await;
    let notify = client_for(&double);
    double.script("07700900123", Outcome::Hold, 1);
    let outgoing = text("+447700900123");
    let sending = notify.send(&outgoing);
    tokio::pin!(sending);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    // Poll the send and the double together until the double holds the message.
    loop {
        tokio::select! {
            result = &mut sending => panic!("answered while held: {result:?}"),
            () = tokio::time::sleep(Duration::from_millis(10)) => {}
        }
        if double.notifications().iter().any(|n| n.held) {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "never held");
    }
    let found = notify
        .find_sent(&outgoing.reference)
        .await
        .unwrap()
        .unwrap();
    double.release();
    let accepted = sending.await.unwrap();
    assert_eq!(
        found.provider_id, accepted.provider_id,
        "the crash-safe check sees it"
    );
}

#[tokio::test]
async fn a_sign_in_code_goes_through_notify_and_its_receipt_marks_it_delivered() {
    use server::delivery::provider::Providers;
    use server::platform::db::query;
    use std::sync::Arc;

    let double = double(None).await;
    let providers = Providers::new(vec![Arc::new(client_for(&double))]);
    let app = crate::helpers::app_at_8am(Options {
        providers,
        configure: |config| {
            config.notify.notify_receipt_token = Some(ReceiptToken::new(RECEIPT_TOKEN).unwrap());
        },
        ..Options::default()
    })
    .await;
    double.set_callback(Callback {
        url: app.url(RECEIPTS),
        bearer_token: RECEIPT_TOKEN.to_owned(),
    });
    assert_eq!(
        app.start_sign_in(crate::helpers::TEXT_VICTIM.0)
            .await
            .status(),
        202
    );
    server::delivery::worker::deliver_due(&app.state)
        .await
        .unwrap();
    let sent = double.notifications();
    assert_eq!(sent.len(), 1, "the code went through Notify");
    assert_eq!(sent[0].to, crate::helpers::TEXT_VICTIM.1);
    let outbox_id = sent[0].reference.clone().unwrap();
    let db = app.db.clone();
    let row = |id: String| {
        let db = db.clone();
        async move {
            let row: (String, Option<String>, Option<String>) =
                query("SELECT status, provider, provider_id FROM outbox WHERE id = $1")
                    .bind(id)
                    .fetch_one(&mut db.conn())
                    .await
                    .unwrap();
            row
        }
    };
    let (status, provider, provider_id) = row(outbox_id.clone()).await;
    assert_eq!(status, "sent");
    assert_eq!(provider.as_deref(), Some("notify"));
    assert_eq!(provider_id.as_deref(), Some(sent[0].id.as_str()));
    double.send_receipts().await;
    assert_eq!(double.receipts()[0].answered, Some(204));
    assert_eq!(row(outbox_id).await.0, "delivered");
}
