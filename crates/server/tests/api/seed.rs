//! `server seed`: the real binary fills a database with synthetic cases, appends on a
//! second run, and writes session cookies that a running server accepts.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use server::{AppState, Clock, Config};
use shared::CrimeReference;

use crate::helpers::{case_path, count, fresh_database_url};
use crate::server_process;
use server::origin::{self, Opener};
use server::platform::db::query;
use server::platform::sealed::{VICTIMS_EMAIL, VICTIMS_PHONE};

/// Runs `server seed` and returns its one line of output.
fn seed(database_url: &str, cases: u64, sessions: Option<(u32, &Path)>) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_server"));
    command.env("DATA_KEY_FILE", crate::helpers::test_key_file());
    command.args([
        "seed",
        "--database-url",
        database_url,
        "--cases",
        &cases.to_string(),
    ]);
    if let Some((count, out)) = sessions {
        command
            .arg("--sessions")
            .arg(count.to_string())
            .arg("--sessions-out")
            .arg(out);
    }
    let output = command.output().expect("run server seed");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "server seed failed: {stderr}");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

#[tokio::test]
async fn seeding_twice_appends_and_seeded_sessions_sign_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    let sessions_file = dir.path().join("sessions.tsv");

    let summary = seed(&database_url, 500, Some((3, &sessions_file)));
    assert!(
        summary.starts_with("seeded 500 cases (CR/000001/25 to CR/000500/25)"),
        "{summary}"
    );
    assert!(summary.contains("3 sessions"), "{summary}");
    assert!(
        !summary.contains("@example.org") && !summary.contains("+44"),
        "{summary}"
    );
    let second = seed(&database_url, 500, None);
    assert!(
        second.contains("(CR/000501/25 to CR/001000/25)"),
        "{second}"
    );

    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    assert_eq!(count(&db, "cases").await, 1000);
    assert_eq!(count(&db, "victims").await, 1000);
    assert_eq!(count(&db, "contact_preferences").await, 1000);
    let updates = count(&db, "case_updates").await;
    assert!((2000..=6000).contains(&updates), "{updates} updates");
    let (fewest, most): (i64, i64) = query(
        "SELECT MIN(n), MAX(n) FROM (SELECT COUNT(*) AS n FROM case_updates GROUP BY case_id) AS per_case",
    )
    .fetch_one(&mut db.conn())
    .await
    .expect("updates per case");
    assert!(
        fewest >= 2 && most <= 6,
        "{fewest} to {most} updates a case"
    );
    let (untimed,): (i64,) = query(
        "SELECT COUNT(*) FROM case_updates WHERE vcop_event IS NOT NULL
         AND (event_date IS NULL OR vcop_deadline IS NULL OR vcop_told_on IS NULL)",
    )
    .fetch_one(&mut db.conn())
    .await
    .expect("vcop columns");
    assert_eq!(untimed, 0);

    let references: Vec<(String,)> = query("SELECT crime_reference FROM cases")
        .fetch_all(&mut db.conn())
        .await
        .expect("references");
    for (reference,) in &references {
        let parsed = CrimeReference::parse(reference).expect("a valid reference");
        assert_eq!(parsed.as_str(), reference);
    }
    let contacts: Vec<(Option<String>, Option<String>)> = query("SELECT phone, email FROM victims")
        .fetch_all(&mut db.conn())
        .await
        .expect("contacts");
    // Sealed as the server stores them; opened, made-up numbers and addresses only.
    let keys = crate::helpers::test_keys();
    for (phone, email) in contacts {
        let phone = keys
            .open_optional(VICTIMS_PHONE, phone.as_deref())
            .expect("sealed");
        let email = keys
            .open_optional(VICTIMS_EMAIL, email.as_deref())
            .expect("sealed");
        assert!(phone.is_none_or(|p| p.starts_with("+447700900") || p.starts_with("+441632960")));
        assert!(email.is_none_or(|e| e.ends_with("@example.org")));
    }

    // The sessions file: owner-only, one `reference<TAB>cookie` line per distinct case.
    let mode = std::fs::metadata(&sessions_file)
        .expect("sessions file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&sessions_file).expect("read sessions");
    let lines: Vec<(&str, &str)> = text
        .lines()
        .map(|line| line.split_once('\t').expect("a tab"))
        .collect();
    assert_eq!(lines.len(), 3);
    let mut distinct: Vec<&str> = lines.iter().map(|(reference, _)| *reference).collect();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), 3);

    // A running server on the seeded database accepts each cookie for its own case only.
    let config = Config::for_tests(database_url, dir.path().join("no-dist"), false);
    let state = AppState::new(
        db.clone(),
        config,
        crate::helpers::test_keys(),
        Clock::system(),
    )
    .expect("app state");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    tokio::spawn(server::serve_until(listener, state, std::future::pending()));
    let client = reqwest::Client::new();
    for (reference, cookie) in &lines {
        let response = client
            .get(format!("{address}{}", case_path(reference)))
            .header("cookie", *cookie)
            .send()
            .await
            .expect("GET case");
        assert_eq!(response.status(), 200, "{reference}");
        let case: serde_json::Value = response.json().await.expect("case JSON");
        assert_eq!(case["crime_reference"], *reference);
        let updates = case["updates"].as_array().expect("updates").len();
        assert!((2..=6).contains(&updates));
        let callbacks = client
            .get(format!("{address}{}/callbacks", case_path(reference)))
            .header("cookie", *cookie)
            .send()
            .await
            .expect("GET callbacks");
        let callbacks: serde_json::Value = callbacks.json().await.expect("callbacks JSON");
        assert_eq!(callbacks["has_phone_on_file"], true, "{reference}");
    }
    let (_, someone_else) = lines[0];
    let other_case = client
        .get(format!("{address}{}", case_path(lines[1].0)))
        .header("cookie", someone_else)
        .send()
        .await
        .expect("GET another case");
    assert_eq!(other_case.status(), 404);
}

#[tokio::test]
async fn seeding_refuses_any_database_it_did_not_create() {
    // Cases loaded with no origin recorded (how a database from before the record looks),
    // and databases recorded as demo mode's and the server's own; each in its own folder.
    let dirs: Vec<_> = (0..3)
        .map(|_| tempfile::tempdir().expect("temp dir"))
        .collect();
    let unrecorded = fresh_database_url(&dirs[0]).await;
    let db = server::platform::db::connect(&unrecorded)
        .await
        .expect("database");
    server::demo::load_if_empty(&db, &crate::helpers::test_keys(), &Clock::system())
        .await
        .expect("demo data");
    let mut refused = vec![(unrecorded, db)];
    for (opener, dir) in [Opener::Demo, Opener::Server].into_iter().zip(&dirs[1..]) {
        let url = fresh_database_url(dir).await;
        let db = server::platform::db::connect(&url).await.expect("database");
        origin::claim(&db, opener, 0).await.expect("claimed");
        refused.push((url, db));
    }
    for (url, db) in refused {
        let before = count(&db, "cases").await;
        let output = server_process::run(&["seed", "--database-url", &url, "--cases", "5"]);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{url}");
        assert!(stderr.contains("refusing to seed"), "{stderr}");
        assert_eq!(count(&db, "cases").await, before, "nothing added");
    }
}

#[tokio::test]
async fn queued_codes_wait_in_the_outbox_due_at_once_for_the_way_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    let by_email = ["--queue-codes-by", "email"];
    let seeded = server_process::seed_queued_codes(&database_url, 200, 20, &by_email);
    let summary = String::from_utf8_lossy(&seeded.stdout);
    assert!(summary.contains("20 queued codes"), "{summary}");

    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    let rows: Vec<(String, String, String, i64, i64)> = query(
        "SELECT outbox.kind, outbox.channel, outbox.status, outbox.due_at, sign_in_codes.expires_at
         FROM outbox JOIN sign_in_codes ON sign_in_codes.id = outbox.sign_in_code_id",
    )
    .fetch_all(&mut db.conn())
    .await
    .expect("the queued codes");
    assert_eq!(rows.len(), 20);
    for (kind, channel, status, due_at, expires_at) in rows {
        assert_eq!(
            (kind.as_str(), channel.as_str(), status.as_str()),
            ("sign_in_code", "email", "queued")
        );
        assert!(
            expires_at >= due_at + 2 * 60 * 60,
            "live for the whole run, due at once"
        );
    }
    // More codes than the new cases can take is refused.
    let refused = server_process::seed_queued_codes(&database_url, 10, 11, &[]);
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("seed more cases"));
}
