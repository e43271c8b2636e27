//! `server create-supervisor`: the real binary, its password piped in on standard input,
//! creates a supervisor (and their unit once) who then signs in over HTTP; a weak
//! password, a taken email and a password flag are refused and leave nothing behind.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use server::staff::credentials;
use shared::api::staff::{OfficersView, StaffRole, StaffSessionView};

use crate::helpers::{count, fresh_database_url, spawn_app_on};
use server::platform::db::query;

const PASSWORD: &str = "a long command line password";

/// Runs `server create-supervisor` with `stdin` piped in and any `extra` flags.
fn create_supervisor(database_url: &str, email: &str, stdin: &str, extra: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .args(["create-supervisor", "--database-url", database_url])
        .args(["--email", email, "--name", "Sgt Rhian Price"])
        .args(["--unit-name", "Cardiff victim care unit"])
        .env("DATA_KEY_FILE", crate::helpers::test_key_file())
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run server create-supervisor");
    let mut input = child.stdin.take().expect("stdin");
    // A refusal at parse time may exit before reading: a broken pipe is fine then.
    let _ = input.write_all(stdin.as_bytes());
    drop(input);
    child.wait_with_output().expect("its output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[tokio::test]
async fn a_supervisor_created_on_the_command_line_signs_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    let output = create_supervisor(
        &database_url,
        "Rhian.Price@Example.org",
        &format!("{PASSWORD}\n"),
        &[],
    );
    let (stdout, stderr) = (text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.is_empty(),
        "a piped password has no prompt: {stderr}"
    );
    assert!(!stdout.contains(PASSWORD));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert!(lines[0].contains("authenticator app"), "{stdout}");
    let secret = lines[1].strip_prefix("secret: ").expect("the secret");
    let link = lines[2].strip_prefix("link: ").expect("the link");
    assert!(link.starts_with("otpauth://totp/"), "{link}");
    assert!(link.contains(&format!("secret={secret}")), "{link}");

    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    let (role, name, hash, stored_secret, unit): (String, String, String, String, String) = query(
        "SELECT s.role, s.display_name, s.password_hash, s.totp_secret, u.name
             FROM staff s JOIN units u ON u.id = s.unit_id WHERE s.email = $1",
    )
    .bind("rhian.price@example.org")
    .fetch_one(&mut db.conn())
    .await
    .expect("the account, by its lower-case email");
    assert_eq!(
        (role.as_str(), name.as_str(), unit.as_str()),
        ("supervisor", "Sgt Rhian Price", "Cardiff victim care unit")
    );
    assert!(credentials::password_matches(&hash, PASSWORD));
    // Sealed: not readable in the database, opened with the data key.
    assert!(!stored_secret.contains(secret));
    let opened = crate::helpers::test_keys()
        .open(server::platform::sealed::STAFF_TOTP_SECRET, &stored_secret)
        .expect("sealed with the data key");
    assert_eq!(opened, secret);

    // A second supervisor of the same unit joins it; the same email again is refused.
    let second = create_supervisor(&database_url, "deputy@example.org", PASSWORD, &[]);
    assert!(second.status.success(), "{}", text(&second.stderr));
    let again = create_supervisor(&database_url, "rhian.price@example.org", PASSWORD, &[]);
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already exists"));
    assert_eq!(count(&db, "units").await, 1);
    assert_eq!(count(&db, "staff").await, 2);
    // Real accounts: the database is the server's, so demo mode will never run on it.
    let (created_by,): (String,) = query("SELECT created_by FROM database_origin")
        .fetch_one(&mut db.conn())
        .await
        .expect("origin");
    assert_eq!(created_by, "server");
    db.close().await;

    // The server on that database signs the supervisor in with a code from the secret.
    let app = spawn_app_on(dir, database_url).await;
    let code = credentials::code_at(secret, app.clock.unix()).expect("a code");
    let response = app
        .staff_sign_in("rhian.price@example.org", PASSWORD, &code)
        .await;
    assert_eq!(response.status(), 200);
    let session: StaffSessionView = response.json().await.expect("session");
    assert_eq!(session.role, StaffRole::Supervisor);
    let officers = app.get("/api/staff/officers").await;
    assert_eq!(officers.status(), 200);
    let officers: OfficersView = officers.json().await.expect("officers");
    assert!(officers.officers.is_empty());
}

#[tokio::test]
async fn a_weak_password_is_refused_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("weak.db");
    let database_url = format!("sqlite://{}", file.display());
    for (password, why) in [
        ("short\n", "Password must be 12 characters or more"),
        ("Password1234\n", "commonly used"),
        ("", "Enter a password"),
    ] {
        let output = create_supervisor(&database_url, "weak@example.org", password, &[]);
        let stderr = text(&output.stderr);
        assert!(!output.status.success(), "{password:?} was accepted");
        assert!(stderr.contains(why), "{password:?}: {stderr}");
        assert!(stderr.contains("No account was created"), "{stderr}");
        assert!(output.stdout.is_empty());
        let typed = password.trim_end();
        assert!(
            typed.is_empty() || !stderr.contains(typed),
            "password echoed"
        );
    }
    assert!(
        !Path::new(&file).exists(),
        "refused before the database opened"
    );
}

#[tokio::test]
async fn there_is_no_password_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("flag.db");
    let database_url = format!("sqlite://{}", file.display());
    let output = create_supervisor(
        &database_url,
        "flag@example.org",
        "",
        &["--password", PASSWORD],
    );
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("unexpected argument '--password'"));
    assert!(!file.exists());
}
