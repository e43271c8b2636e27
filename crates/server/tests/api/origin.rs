//! Demo mode and the seeder never touch real data: each runs only on a database it
//! created (the `database_origin` record), demo mode only on loopback and only when asked
//! by its long variable name. The real binary, on both engines.

use server::origin::{self, Opener, Origin};
use server::platform::config::DEMO_ENV;
use server::platform::db::{self, query};
use server::Clock;

use crate::helpers::fresh_database_url;
use crate::server_process::{self, refused, serving};

/// A new empty database in a folder of its own (SQLite files are named by folder).
async fn new_database() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = fresh_database_url(&dir).await;
    (dir, url)
}

async fn dev_outbox_status(base: &str) -> u16 {
    reqwest::get(format!("{base}/api/dev/outbox"))
        .await
        .expect("GET /api/dev/outbox")
        .status()
        .as_u16()
}

#[tokio::test]
async fn demo_mode_starts_again_on_its_own_database_and_refuses_a_real_one() {
    let (_demo_dir, demo_url) = new_database().await;
    let demo = serving(&demo_url, &["--demo"], &[]);
    assert_eq!(dev_outbox_status(&demo.address).await, 200);
    drop(demo);
    let again = serving(&demo_url, &["--demo"], &[]);
    assert_eq!(dev_outbox_status(&again.address).await, 200);
    drop(again);

    // A database the server made without --demo is real data, even with no cases yet.
    let (_real_dir, real_url) = new_database().await;
    drop(serving(&real_url, &[], &[]));
    let message = refused(&real_url, &["--demo"], &[]);
    assert!(
        message.contains("refusing to start in demo mode"),
        "{message}"
    );
    assert!(message.contains("without --demo (real data)"), "{message}");
    assert!(
        message.contains("--database-url"),
        "says what to do: {message}"
    );
}

#[tokio::test]
async fn demo_mode_refuses_a_database_that_held_data_before_origins_were_recorded() {
    let (_dir, url) = new_database().await;
    // Cases loaded with no origin recorded: how every database made before looks.
    let db = db::connect(&url).await.expect("database");
    server::demo::load_if_empty(&db, &crate::helpers::test_keys(), &Clock::system())
        .await
        .expect("cases");
    db.close().await;
    let message = refused(&url, &["--demo"], &[]);
    assert!(
        message.contains("before its origin was recorded"),
        "{message}"
    );
    // The server without --demo still serves it, and the record now says so for good.
    let plain = serving(&url, &[], &[]);
    assert_eq!(dev_outbox_status(&plain.address).await, 404);
    drop(plain);
    let db = db::connect(&url).await.expect("database");
    let (created_by,): (String,) = query("SELECT created_by FROM database_origin")
        .fetch_one(&mut db.conn())
        .await
        .expect("origin");
    assert_eq!(created_by, "unknown");
}

#[tokio::test]
async fn demo_mode_listens_on_loopback_only_and_refuses_before_making_a_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("demo.db");
    let url = format!("sqlite://{}", file.display());
    let addr = "0.0.0.0:0";
    let output = server_process::command(&["--demo", "--addr", addr, "--database-url", &url], &[])
        .output()
        .expect("run the server");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(stderr.contains("loopback"), "{stderr}");
    assert!(!file.exists(), "no database was made");
}

#[tokio::test]
async fn only_the_long_variable_turns_demo_mode_on() {
    let (_old_dir, old_url) = new_database().await;
    let old_name = serving(&old_url, &[], &[("DEMO", "true")]);
    assert_eq!(dev_outbox_status(&old_name.address).await, 404);
    let (_long_dir, long_url) = new_database().await;
    let long_name = serving(&long_url, &[], &[(DEMO_ENV, "true")]);
    assert_eq!(dev_outbox_status(&long_name.address).await, 200);
}

#[tokio::test]
async fn an_unrecorded_database_belongs_to_its_first_opener_only_while_empty() {
    let now = Clock::system().unix();
    let (_empty_dir, empty_url) = new_database().await;
    let empty = db::connect(&empty_url).await.expect("database");
    assert_eq!(
        origin::claim(&empty, Opener::Seed, now)
            .await
            .expect("claimed"),
        Origin::Seed
    );
    // The first opener's claim stands: demo mode may not take a seeded database.
    let refusal = origin::claim(&empty, Opener::Demo, now).await.unwrap_err();
    assert!(
        format!("{refusal:#}").contains("by `server seed`"),
        "{refusal:#}"
    );
    assert_eq!(
        origin::claim(&empty, Opener::Server, now)
            .await
            .expect("served"),
        Origin::Seed
    );

    // A staff account alone is data too: created by create-supervisor before the record.
    let (_staffed_dir, staffed_url) = new_database().await;
    let staffed = db::connect(&staffed_url).await.expect("database");
    for insert in [
        "INSERT INTO units (id, name, created_at) VALUES ('u', 'North', 0)",
        "INSERT INTO staff (id, email, display_name, role, unit_id, password_hash, created_at)
         VALUES ('s', 'a@b.example', 'A', 'supervisor', 'u', 'x', 0)",
    ] {
        query(insert)
            .execute(&mut staffed.conn())
            .await
            .expect("a staff account");
    }
    assert!(origin::claim(&staffed, Opener::Demo, now).await.is_err());
    assert_eq!(
        origin::claim(&staffed, Opener::Server, now)
            .await
            .expect("served"),
        Origin::Unknown
    );
}
