//! Data at rest: what a victim tells us is sealed in the database, so neither the rows,
//! the SQLite file nor a backup of it show it, while the victim and staff still see it;
//! rows written before sealing (or with an older key) are sealed at start-up.

use serde_json::json;
use server::demo::staff::{DEMO_PASSWORD, DEMO_STAFF};
use server::platform::data_key::{self, DataKeys};
use server::platform::db::{query, Db};
use server::reseal;
use server::staff::credentials;
use shared::api::preferences::PreferencesView;
use shared::api::staff::StaffCaseView;

use crate::helpers::{case_path, postgres_server, spawn_app, TestApp, TEXT_VICTIM};
use crate::preferences::{valid, with};
use crate::server_process;

/// Distinctive details, so a match in the database can only be a leak. The safe times'
/// minutes are odd on purpose: nothing else in the database uses them.
const PHONE: &str = "07700 900 713";
const ADDRESS: &str = "14 Lantern Quay, Pennywhistle";
const POSTCODE: &str = "ZZ9 4QX";
const EMAIL: &str = "quill.marrow@example.org";
const SAFE_FROM: &str = "08:47";
const SAFE_UNTIL: &str = "13:13";
const ONE_OFF_PHONE: &str = "07700 900 586";
/// The hour the victim asks to be called in, inside the safe times.
const CALL_FROM: &str = "09:07";
const CALL_UNTIL: &str = "10:11";

/// Each detail in the forms the server could store it in.
const NEEDLES: &[&str] = &[
    "7700900713",
    "7700 900 713",
    "Lantern Quay",
    "Pennywhistle",
    "ZZ9 4QX",
    "ZZ94QX",
    "quill.marrow",
    SAFE_FROM,
    SAFE_UNTIL,
    "7700900586",
    "7700 900 586",
    CALL_FROM,
    CALL_UNTIL,
];

fn leaks(haystack: &[u8]) -> Vec<&'static str> {
    NEEDLES
        .iter()
        .filter(|needle| {
            haystack
                .windows(needle.len())
                .any(|window| window == needle.as_bytes())
        })
        .copied()
        .collect()
}

/// Every stored value that may hold a victim's details, as the database holds it.
async fn raw_rows(db: &Db) -> String {
    let mut text = String::new();
    for sql in [
        "SELECT COALESCE(phone, '') || ' ' || COALESCE(email, '') FROM victims",
        "SELECT body FROM contact_preferences",
        "SELECT phone FROM callback_requests",
        "SELECT window_date || ' ' || start_time || ' ' || end_time FROM callback_windows",
        "SELECT recipient || ' ' || body FROM outbox",
        "SELECT COALESCE(totp_secret, '') FROM staff",
        "SELECT requested || ' ' || code_recipient FROM contact_changes",
    ] {
        let rows: Vec<(String,)> = query(sql).fetch_all(&mut db.conn()).await.expect(sql);
        for (value,) in rows {
            text.push_str(&value);
            text.push('\n');
        }
    }
    text
}

/// The victim saves the distinctive details and asks for a call on a one-off number.
async fn victim_tells_us_everything(app: &TestApp) {
    app.set_clock_to_tuesday_8am();
    app.sign_in(TEXT_VICTIM).await;
    let preferences = with(
        valid(),
        json!({
            "preferred_method": "phone_call",
            "second_method": "email",
            "phone": PHONE,
            "email": EMAIL,
            "address": ADDRESS,
            "postcode": POSTCODE,
            "letters_safe": true,
            "safe_times": [{ "days": ["wednesday"], "start": SAFE_FROM, "end": SAFE_UNTIL }],
        }),
    );
    // Codes move from the phone to the new email address: confirmed with a code sent there.
    let saved = app
        .save_and_confirm_preferences(TEXT_VICTIM.0, &preferences, EMAIL)
        .await;
    assert_eq!(saved.pending_contact_change, None);
    let callback = json!({
        "reason": "case_question",
        "details": null,
        "urgency": "routine",
        "windows": [{ "date": "2026-03-11", "start": CALL_FROM, "end": CALL_UNTIL }],
        "one_off_phone": ONE_OFF_PHONE,
    });
    let asked = app.post_callback(TEXT_VICTIM.0, &callback).await;
    assert_eq!(asked.status(), 201, "{}", asked.text().await.unwrap());
    // A sign-in code goes to the new email address now: its message is stored.
    assert_eq!(app.start_sign_in(TEXT_VICTIM.0).await.status(), 202);
}

fn assert_shows_everything(view: &PreferencesView) {
    let preferences = &view.preferences;
    assert_eq!(preferences.phone.as_deref(), Some("+447700900713"));
    assert_eq!(preferences.email.as_deref(), Some(EMAIL));
    assert_eq!(preferences.address.as_deref(), Some(ADDRESS));
    assert_eq!(preferences.postcode.as_deref(), Some(POSTCODE));
    let times = serde_json::to_string(&preferences.safe_times).unwrap();
    assert!(
        times.contains(SAFE_FROM) && times.contains(SAFE_UNTIL),
        "{times}"
    );
}

#[tokio::test]
async fn a_victims_details_are_in_no_row_file_or_backup_yet_the_api_shows_them() {
    let app = spawn_app().await;
    victim_tells_us_everything(&app).await;

    let rows = raw_rows(&app.db).await;
    assert_eq!(leaks(rows.as_bytes()), Vec::<&str>::new(), "{rows}");

    // The victim still reads them, and the code reached the new address (read as the
    // server reads it: by its blind index, opened).
    let mine: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_shows_everything(&mine);
    assert!(app.latest_code_for(EMAIL).await.is_some());

    // So does their officer's supervisor, in the staff app.
    let supervisor = &DEMO_STAFF[0];
    let code = credentials::code_at(supervisor.totp_secret, app.clock.unix()).unwrap();
    let staff = app
        .post_json(
            "/api/staff/sign-in",
            &json!({ "email": supervisor.email, "password": DEMO_PASSWORD, "code": code }),
        )
        .await;
    assert_eq!(staff.status(), 200);
    let case: StaffCaseView = app
        .get(&format!(
            "/api/staff/cases/{}",
            TEXT_VICTIM.0.replace('/', "%2F")
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_shows_everything(&case.preferences);

    if postgres_server().is_some() {
        return;
    }
    // SQLite: the file itself, with the write-ahead log folded in, and a backup of it.
    query("PRAGMA wal_checkpoint(TRUNCATE)")
        .execute(&mut app.db.conn())
        .await
        .unwrap();
    let database_file = app.database_file();
    let bytes = std::fs::read(&database_file).unwrap();
    assert_eq!(leaks(&bytes), Vec::<&str>::new(), "the database file");
    let backup = database_file.with_file_name("backup.db");
    let url = format!("sqlite://{}", database_file.display());
    let made = server_process::run(&[
        "backup",
        "--database-url",
        &url,
        "--to",
        backup.to_str().unwrap(),
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    assert_eq!(
        leaks(&std::fs::read(&backup).unwrap()),
        Vec::<&str>::new(),
        "the backup"
    );
}

#[tokio::test]
async fn plain_rows_from_before_sealing_are_sealed_once_and_still_read() {
    let app = spawn_app().await;
    victim_tells_us_everything(&app).await;
    // As a database from before migration 0011 holds them: every sealed value in plain.
    let keys = app.keys.clone();
    let plain_preferences: Vec<(String, String)> =
        query("SELECT id, body FROM contact_preferences")
            .fetch_all(&mut app.db.conn())
            .await
            .unwrap();
    for (id, body) in plain_preferences {
        let plain = keys
            .open(server::platform::sealed::PREFERENCES_BODY, &body)
            .unwrap();
        set(&app.db, "contact_preferences", "body", &id, &plain).await;
    }
    let victim: (String,) =
        query("SELECT id FROM victims WHERE email IS NOT NULL AND phone IS NOT NULL")
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    set(&app.db, "victims", "phone", &victim.0, "+447700900713").await;
    set(&app.db, "victims", "email", &victim.0, EMAIL).await;
    for plain in [
        "UPDATE callback_requests SET phone = '+447700900586'",
        "UPDATE callback_windows SET window_date = '2026-03-11', start_time = '09:07',
             end_time = '10:11'",
    ] {
        query(plain).execute(&mut app.db.conn()).await.unwrap();
    }
    assert!(!leaks(raw_rows(&app.db).await.as_bytes()).is_empty());

    let sealed = reseal::run(&app.db, &keys).await.unwrap();
    assert!(sealed >= 5, "sealed {sealed}");
    assert_eq!(
        leaks(raw_rows(&app.db).await.as_bytes()),
        Vec::<&str>::new()
    );
    // Idempotent: nothing left to seal.
    assert_eq!(reseal::run(&app.db, &keys).await.unwrap(), 0);
    let mine: PreferencesView = app
        .get(&format!("{}/preferences", case_path(TEXT_VICTIM.0)))
        .await
        .json()
        .await
        .unwrap();
    assert_shows_everything(&mine);
    let callbacks = app
        .get(&format!("{}/callbacks", case_path(TEXT_VICTIM.0)))
        .await;
    assert_eq!(callbacks.status(), 200);
}

#[tokio::test]
async fn after_rotation_every_value_is_sealed_again_with_the_new_key() {
    let app = spawn_app().await;
    victim_tells_us_everything(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let rotated = dir.path().join("rotated.json");
    data_key::write_new_key_file(&rotated, Some(crate::helpers::test_key_file()), false).unwrap();
    let new_keys = DataKeys::load(&rotated).unwrap();
    assert_ne!(new_keys.current_id(), app.keys.current_id());

    // `server reseal`, as an operator runs it, with the new file.
    let done = server_process::run(&[
        "reseal",
        "--database-url",
        &app.database_url,
        "--data-key-file",
        rotated.to_str().unwrap(),
    ]);
    let summary = String::from_utf8_lossy(&done.stdout);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    assert!(
        summary.starts_with("sealed ") && !summary.starts_with("sealed 0 "),
        "{summary}"
    );
    assert_eq!(reseal::run(&app.db, &new_keys).await.unwrap(), 0);
    let rows = raw_rows(&app.db).await;
    assert!(!rows.contains(&format!("v1.{}.", app.keys.current_id())));
    assert!(rows.contains(&format!("v1.{}.", new_keys.current_id())));
    assert_eq!(leaks(rows.as_bytes()), Vec::<&str>::new());
}

/// Sets one column of one row (`table` and `column` are this file's own names).
async fn set(db: &Db, table: &str, column: &str, id: &str, value: &str) {
    query(&format!("UPDATE {table} SET {column} = $1 WHERE id = $2"))
        .bind(value)
        .bind(id)
        .execute(&mut db.conn())
        .await
        .unwrap();
}
