//! `server backup` and `server restore`: a copy made while a server writes, restored into
//! a new file, serves the same data; neither ever overwrites anything, both files are
//! owner-only, and a file that is not a sound backup is refused. On PostgreSQL both
//! refuse and name pg_dump / pg_restore.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Output;

use serde_json::json;
use server::platform::db;

use crate::helpers::{case_path, fresh_database_url, outbox_bodies, postgres_server};
use crate::server_process::{self, serving};

fn run(args: &[&str]) -> (bool, String) {
    let Output {
        status,
        stdout,
        stderr,
        ..
    } = server_process::run(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&stdout),
        String::from_utf8_lossy(&stderr)
    );
    (status.success(), text)
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).expect("file").permissions().mode() & 0o777
}

#[tokio::test]
async fn a_backup_made_while_serving_restores_into_a_server_with_the_same_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let backup_file = dir.path().join("backup.db");
    let backup = backup_file.to_str().expect("UTF-8");
    if postgres_server().is_some() {
        let url = fresh_database_url(&dir).await;
        for args in [
            ["backup", "--database-url", &url, "--to", backup],
            ["restore", "--database-url", &url, "--from", backup],
        ] {
            let (ok, text) = run(&args);
            assert!(
                !ok && text.contains("pg_dump") && text.contains("pg_restore"),
                "{text}"
            );
        }
        return;
    }
    let live = format!("sqlite://{}/live/portal.db", dir.path().display());
    let sessions = dir.path().join("sessions.tsv");
    let sessions_arg = sessions.to_str().expect("UTF-8");
    let (ok, text) = run(&[
        "seed",
        "--database-url",
        &live,
        "--cases",
        "20",
        "--sessions",
        "1",
        "--sessions-out",
        sessions_arg,
    ]);
    assert!(ok, "{text}");
    let line = std::fs::read_to_string(&sessions).expect("sessions");
    let (reference, cookie) = line.trim_end().split_once('\t').expect("a session");

    // A write while the server runs: a sign-in code and its message.
    let first = serving(&live, &[], &[]);
    let started = reqwest::Client::new()
        .post(format!("{}/api/sign-in/start", first.address))
        .header("origin", &first.address)
        .json(&json!({ "crime_reference": reference }))
        .send()
        .await
        .expect("start sign-in");
    assert_eq!(started.status(), 202);
    let (ok, text) = run(&["backup", "--database-url", &live, "--to", backup]);
    assert!(ok && text.contains("integrity ok"), "{text}");
    assert_eq!(mode(&backup_file), 0o600);
    let (ok, text) = run(&["backup", "--database-url", &live, "--to", backup]);
    assert!(
        !ok && text.contains("must not exist"),
        "never overwrites: {text}"
    );
    drop(first);

    let restored_file = dir.path().join("restored/portal.db");
    let restored = format!("sqlite://{}", restored_file.display());
    let (ok, text) = run(&["restore", "--from", backup, "--database-url", &restored]);
    assert!(ok && text.contains("integrity ok"), "{text}");
    assert_eq!(mode(&restored_file), 0o600);
    let (ok, text) = run(&["restore", "--from", backup, "--database-url", &restored]);
    assert!(!ok && text.contains("never overwrites"), "{text}");

    // The restored database serves the session and the code written before the backup.
    let second = serving(&restored, &[], &[]);
    let client = reqwest::Client::new();
    let case = client
        .get(format!("{}{}", second.address, case_path(reference)))
        .header("cookie", cookie)
        .send()
        .await
        .expect("GET case");
    assert_eq!(case.status(), 200);
    let db = db::connect(&restored).await.expect("restored database");
    let body = outbox_bodies(&db)
        .await
        .pop()
        .expect("the message, opened with the key");
    // The message is in the victim's language: the code is its run of six digits.
    let code = body
        .split(|c: char| !c.is_ascii_digit())
        .find(|run| run.len() == 6)
        .unwrap_or_else(|| panic!("no code in {body:?}"))
        .to_owned();
    let verified = client
        .post(format!("{}/api/sign-in/verify", second.address))
        .header("origin", &second.address)
        .json(&json!({ "crime_reference": reference, "code": code }))
        .send()
        .await
        .expect("verify");
    assert_eq!(verified.status(), 200);
}

#[tokio::test]
async fn restore_refuses_a_file_that_is_not_a_sound_backup() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_backup = dir.path().join("notes.txt");
    std::fs::write(&not_a_backup, "not a database").expect("write");
    let target = dir.path().join("restored.db");
    let (ok, text) = run(&[
        "restore",
        "--from",
        not_a_backup.to_str().expect("UTF-8"),
        "--database-url",
        &format!("sqlite://{}", target.display()),
    ]);
    assert!(!ok && text.contains("not a sound backup"), "{text}");
    assert!(!target.exists());
}
