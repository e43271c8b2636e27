//! Retention: a sign-in code's text is blanked from its message once the code is used or
//! expired; sessions, codes and messages go after their documented periods; several
//! servers purge once per interval. Time moves on the test clock.

use std::time::Duration;

use server::platform::db::query;
use server::retention::{self, Purged, BLANKED_BODY};

use crate::helpers::{
    case_path, count, fresh_database_url, outbox_bodies, spawn_app, TestApp, EMAIL_VICTIM,
    TEXT_VICTIM,
};
use crate::server_process::serving;

const INTERVAL: Duration = Duration::from_secs(600);
const DAY_MINUTES: i64 = 24 * 60;

async fn purge(app: &TestApp) -> Option<Purged> {
    retention::run_if_due(&app.db, app.clock.unix(), INTERVAL)
        .await
        .expect("purge")
}

async fn bodies(app: &TestApp) -> Vec<String> {
    outbox_bodies(&app.db).await
}

#[tokio::test]
async fn codes_leave_their_messages_once_spent_and_rows_go_after_their_periods() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    assert_eq!(app.start_sign_in(EMAIL_VICTIM.0).await.status(), 202);

    // The used code's message is blanked; the live one still shows its code.
    let first = purge(&app).await.expect("due");
    assert_eq!(
        first,
        Purged {
            blanked_messages: 1,
            ..Purged::default()
        }
    );
    let [used, live] = <[String; 2]>::try_from(bodies(&app).await).expect("two messages");
    assert_eq!(used, BLANKED_BODY);
    assert!(
        app.latest_code_for(EMAIL_VICTIM.1).await.is_some(),
        "{live}"
    );
    // Another run in the same interval does nothing.
    assert_eq!(purge(&app).await, None);

    // Ten minutes on, the second code has expired: its message is blanked too.
    app.advance_clock(11);
    assert_eq!(purge(&app).await.expect("due").blanked_messages, 1);
    assert!(bodies(&app).await.iter().all(|body| body == BLANKED_BODY));
    assert_eq!(app.latest_code_for(EMAIL_VICTIM.1).await, None);

    // Codes go after 7 days; the session and the messages stay until 30.
    app.advance_clock(8 * DAY_MINUTES);
    let week = purge(&app).await.expect("due");
    assert_eq!((week.codes, week.sessions, week.messages), (2, 0, 0));
    assert_eq!(count(&app.db, "sign_in_codes").await, 0);

    app.advance_clock(23 * DAY_MINUTES);
    let month = purge(&app).await.expect("due");
    assert_eq!((month.sessions, month.messages), (1, 2));
    assert_eq!(count(&app.db, "sessions").await, 0);
    assert_eq!(count(&app.db, "outbox").await, 0);
}

#[tokio::test]
async fn a_live_session_and_a_live_code_survive_a_purge() {
    let app = spawn_app().await;
    app.sign_in(TEXT_VICTIM).await;
    assert_eq!(app.start_sign_in(EMAIL_VICTIM.0).await.status(), 202);
    let code = app.latest_code_for(EMAIL_VICTIM.1).await.expect("a code");
    app.advance_clock(5);
    purge(&app).await.expect("due");
    let case = app.get(&case_path(TEXT_VICTIM.0)).await;
    assert_eq!(case.status(), 200, "still signed in");
    assert_eq!(app.verify(EMAIL_VICTIM.0, &code).await.status(), 200);
}

#[tokio::test]
async fn of_several_servers_purging_at_once_one_runs_it() {
    let app = spawn_app().await;
    let now = app.clock.unix();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            let db = app.db.clone();
            tokio::spawn(async move { retention::run_if_due(&db, now, INTERVAL).await })
        })
        .collect();
    let mut ran = 0;
    for run in runs {
        if run.await.expect("task").expect("purge").is_some() {
            ran += 1;
        }
    }
    assert_eq!(ran, 1);
}

#[tokio::test]
async fn the_server_binary_purges_at_start_up_and_records_the_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database_url(&dir).await;
    let running = serving(&url, &["--retention-interval-minutes", "60"], &[]);
    let db = server::platform::db::connect(&url).await.expect("database");
    // The first check runs as the server starts; poll until its record lands.
    let started = std::time::Instant::now();
    loop {
        let (last_run_at,): (i64,) =
            query("SELECT last_run_at FROM retention_runs WHERE job = 'purge'")
                .fetch_one(&mut db.conn())
                .await
                .expect("retention_runs");
        if last_run_at > 0 {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "no purge ran");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    drop(running);
}

#[tokio::test]
async fn a_backlog_of_many_batches_goes_in_one_run() {
    let app = spawn_app().await;
    let long_ago = app.clock.unix() - 40 * 86_400;
    let mut tx = app.db.begin_write().await.expect("transaction");
    for n in 0..1_234 {
        query(
            "INSERT INTO sessions (id, token_hash, role, subject_id, created_at, last_seen_at)
             VALUES ($1, $1, 'victim', 'someone', $2, $2)",
        )
        .bind(format!("old-{n}"))
        .bind(long_ago)
        .execute(&mut tx.conn())
        .await
        .expect("an old session");
    }
    tx.commit().await.expect("commit");
    let purged = purge(&app).await.expect("due");
    assert_eq!(purged.sessions, 1_234);
    assert_eq!(count(&app.db, "sessions").await, 0);
}
