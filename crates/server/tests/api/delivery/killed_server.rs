//! The crash test: the real server binary, sending through Notify (the local
//! double, in this process), is killed with SIGKILL while Notify holds one of its sends
//! unanswered; a second server on the same database finishes the job. Nothing is lost and
//! nothing is sent twice: every message reaches Notify exactly once by its reference, and
//! every outbox row ends `sent`. Runs on whichever engine the suite runs on (`./x test`
//! runs it on PostgreSQL too).

use std::collections::{HashMap, HashSet};
use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use notify_double::{Config as DoubleConfig, Outcome, Receipts};
use server::platform::db::{query, Db};
use server::platform::sealed::OUTBOX_RECIPIENT;

use crate::helpers::{fresh_database_url, test_keys};
use crate::server_process;

/// Sign-in code messages queued (by `server seed --queue-codes`) before the first server
/// starts, out of this many seeded cases.
const MESSAGES: u64 = 120;
const CASES: u64 = 200;
/// Sends the double answers before it holds one: the first server records some.
const ANSWERED_FIRST: u32 = 10;
/// Short, so the second server takes over the first one's claims soon.
const LEASE_SECONDS: &str = "3";
/// Smaller than the default, so the first server's claims and the queue both have some.
const BATCH: &str = "20";
/// How long each wait may take before the test fails.
const DEADLINE: Duration = Duration::from_secs(60);

/// Notify's smoke-test numbers (national form): the double answers them but keeps
/// nothing, as Notify does, so messages to them are not looked for there.
const SMOKE_TEST_NUMBERS: [&str; 3] = ["07700900000", "07700900111", "07700900222"];

#[tokio::test]
async fn a_server_killed_mid_send_loses_nothing_and_sends_nothing_twice() {
    let double = notify_double::spawn(DoubleConfig {
        receipts: Receipts::WhenAsked,
        ..DoubleConfig::default()
    })
    .await
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let database_url = fresh_database_url(&dir).await;
    let seeded = server_process::seed_queued_codes(&database_url, CASES, MESSAGES, &[]);
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    let key_file = dir.path().join("notify-key");
    std::fs::write(&key_file, notify_double::TEST_API_KEY).unwrap();
    std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let base_url = double.base_url();
    let flags = [
        "--notify-base-url",
        &base_url,
        "--notify-api-key-file",
        key_file.to_str().unwrap(),
        "--notify-sms-template",
        notify_double::SMS_TEMPLATE,
        "--notify-email-template",
        notify_double::EMAIL_TEMPLATE,
        "--delivery-lease-seconds",
        LEASE_SECONDS,
        "--delivery-batch",
        BATCH,
    ];
    let db = server::platform::db::connect(&database_url).await.unwrap();
    let recipients = recipients(&db).await;
    assert_eq!(recipients.len() as u64, MESSAGES);
    // Every message but those to Notify's smoke-test numbers should end up there.
    let expected: HashSet<String> = recipients
        .into_iter()
        .filter(|(_, to)| !SMOKE_TEST_NUMBERS.contains(&to.as_str()))
        .map(|(id, _)| id)
        .collect();

    // Notify takes some sends, then takes one and never answers it.
    double.script("*", Outcome::Delivered, ANSWERED_FIRST);
    double.script("*", Outcome::Hold, 1);
    let first = server_process::serving(&database_url, &flags, &[]);
    let held = wait_for(|| {
        double
            .notifications()
            .into_iter()
            .find(|n| n.held)
            .and_then(|n| n.reference)
    })
    .await
    .expect("Notify took a send and holds its answer");
    let mut output = first.kill();
    double.release();
    let (claimed, sent) = (
        status_count(&db, "sending").await,
        status_count(&db, "sent").await,
    );
    // At least the held send; how many others are still claimed depends on how far the
    // round's other sends (several at once) had got.
    assert!(
        claimed >= 1,
        "the first server died holding claims, the held send among them"
    );
    assert!(sent > 0, "the first server recorded some sends");
    assert!(unfinished(&db).await > claimed, "and left some queued");

    let second = server_process::serving(&database_url, &flags, &[]);
    let finished = wait_for_async(|| async { (unfinished(&db).await == 0).then_some(()) }).await;
    output.extend(second.stop());
    assert!(finished.is_some(), "the second server sent everything");

    let statuses: Vec<(String, String)> = query("SELECT id, status FROM outbox")
        .fetch_all(&mut db.conn())
        .await
        .unwrap();
    assert_eq!(statuses.len() as u64, MESSAGES);
    let not_sent: Vec<_> = statuses.iter().filter(|(_, s)| s != "sent").collect();
    assert!(not_sent.is_empty(), "not sent: {not_sent:?}");
    let mut times: HashMap<String, usize> = HashMap::new();
    for notification in double.notifications() {
        *times
            .entry(notification.reference.expect("a reference"))
            .or_default() += 1;
    }
    let twice: Vec<_> = times.iter().filter(|(_, n)| **n > 1).collect();
    assert!(twice.is_empty(), "sent more than once: {twice:?}");
    let arrived: HashSet<String> = times.into_keys().collect();
    assert_eq!(arrived, expected, "every message arrived, and only those");

    // The held send was found at Notify by its reference, not sent again.
    let (provider_id,): (Option<String>,) = query("SELECT provider_id FROM outbox WHERE id = $1")
        .bind(&held)
        .fetch_one(&mut db.conn())
        .await
        .unwrap();
    let at_notify = double
        .notifications()
        .into_iter()
        .find(|n| n.reference.as_deref() == Some(held.as_str()))
        .unwrap();
    assert_eq!(provider_id, Some(at_notify.id));
    assert!(
        output.iter().any(|line| line.contains("already had it")),
        "the second server asked Notify first"
    );
}

/// Messages still to be sent (queued, claimed, or waiting to retry).
async fn unfinished(db: &Db) -> i64 {
    let (count,): (i64,) = query(
        "SELECT COUNT(*) FROM outbox WHERE status IN ('queued', 'sending', 'temporary_failure')",
    )
    .fetch_one(&mut db.conn())
    .await
    .unwrap();
    count
}

async fn status_count(db: &Db, status: &str) -> i64 {
    let (count,): (i64,) = query("SELECT COUNT(*) FROM outbox WHERE status = $1")
        .bind(status)
        .fetch_one(&mut db.conn())
        .await
        .unwrap();
    count
}

/// Each queued message's national recipient, opened with the tests' data key.
async fn recipients(db: &Db) -> Vec<(String, String)> {
    let rows: Vec<(String, String)> = query("SELECT id, recipient FROM outbox")
        .fetch_all(&mut db.conn())
        .await
        .unwrap();
    let keys = test_keys();
    rows.into_iter()
        .map(|(id, sealed)| {
            let recipient = keys.open(OUTBOX_RECIPIENT, &sealed).unwrap();
            let national = match recipient.strip_prefix("+44") {
                Some(rest) => format!("0{rest}"),
                None => recipient,
            };
            (id, national)
        })
        .collect()
}

/// Polls `check` until it answers, for at most `DEADLINE`.
async fn wait_for<T>(mut check: impl FnMut() -> Option<T>) -> Option<T> {
    wait_for_async(|| std::future::ready(check())).await
}

async fn wait_for_async<T, F: std::future::Future<Output = Option<T>>>(
    mut check: impl FnMut() -> F,
) -> Option<T> {
    let deadline = tokio::time::Instant::now() + DEADLINE;
    loop {
        if let Some(found) = check().await {
            return Some(found);
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
