//! Two server processes on one database, as behind a load balancer: what one server
//! records (a session, a staff lockout, sign-in limits) holds on the other, because it lives in the
//! database and not in either process. Runs on whichever engine the suite runs on
//! (`./x test` runs it on PostgreSQL too).

use reqwest::Client;
use serde_json::json;
use server::demo::staff::{DEMO_PASSWORD, DEMO_STAFF};
use server::platform::db::{query, Db};
use server::staff::credentials;

use crate::helpers::{
    case_path, fresh_database_url, latest_body_for, session_token, TEXT_VICTIM, UNKNOWN_REFERENCE,
};
use crate::server_process::ServerProcess;

/// The code in the newest message to `recipient`, once the servers' sign-in workers have
/// answered every queued request.
async fn newest_code(db: &Db, recipient: &str) -> String {
    // Codes are sent by a server's sign-in worker just after the request.
    server::sign_in::worker::wait_for_queue(db)
        .await
        .expect("the code requests were answered");
    let body = latest_body_for(db, recipient)
        .await
        .expect("a code was sent");
    let after = body
        .split("code is ")
        .nth(1)
        .expect("a code in the message");
    after.chars().take(6).collect()
}

#[tokio::test]
async fn a_session_and_a_lockout_made_on_one_server_hold_on_the_other() {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database_url(&dir).await;
    // One after the other: the first loads the demo data, the second finds it there.
    let first = ServerProcess::start(&database_url);
    let second = ServerProcess::start(&database_url);
    let db = server::platform::db::connect(&database_url)
        .await
        .expect("database");
    let client = Client::new();

    // A victim signs in through the first server...
    let (reference, recipient) = TEXT_VICTIM;
    let started = client
        .post(first.url("/api/sign-in/start"))
        .header("origin", first.url(""))
        .json(&json!({ "crime_reference": reference }))
        .send()
        .await
        .expect("start");
    assert_eq!(started.status(), 202);
    let code = newest_code(&db, recipient).await;
    let verified = client
        .post(first.url("/api/sign-in/verify"))
        .header("origin", first.url(""))
        .json(&json!({ "crime_reference": reference, "code": code }))
        .send()
        .await
        .expect("verify");
    assert_eq!(verified.status(), 200);
    let token = session_token(&verified).expect("a session cookie");
    // ...and reads their case through the second.
    let case = client
        .get(second.url(&case_path(reference)))
        .header("cookie", format!("__Host-su_session={token}"))
        .send()
        .await
        .expect("case");
    assert_eq!(case.status(), 200);

    // Five wrong passwords, alternating between the servers, lock the account on both.
    let officer = &DEMO_STAFF[1];
    for attempt in 0..5 {
        let server = if attempt % 2 == 0 { &first } else { &second };
        let refused = client
            .post(server.url("/api/staff/sign-in"))
        .header("origin", server.url(""))
            .json(&json!({ "email": officer.email, "password": "not the password", "code": "000000" }))
            .send()
            .await
            .expect("sign in");
        assert_eq!(refused.status(), 422);
    }
    let (locked_until,): (Option<i64>,) = query("SELECT locked_until FROM staff WHERE email = $1")
        .bind(officer.email)
        .fetch_one(&mut db.conn())
        .await
        .expect("the account");
    assert!(
        locked_until.is_some(),
        "failures on both servers were counted together"
    );
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs();
    let right_code =
        credentials::code_at(officer.totp_secret, i64::try_from(now).expect("time")).expect("code");
    for server in [&first, &second] {
        let locked = client
            .post(server.url("/api/staff/sign-in"))
            .header("origin", server.url(""))
            .json(&json!({ "email": officer.email, "password": DEMO_PASSWORD, "code": right_code }))
            .send()
            .await
            .expect("sign in");
        assert_eq!(locked.status(), 422, "locked on {}", server.address);
    }

    // Sign-in limits count in the database too: five requests for one reference spread
    // over both servers use up its hour, on either.
    for attempt in 0..5 {
        let server = if attempt % 2 == 0 { &first } else { &second };
        let asked = client
            .post(server.url("/api/sign-in/start"))
            .header("origin", server.url(""))
            .json(&json!({ "crime_reference": UNKNOWN_REFERENCE }))
            .send()
            .await
            .expect("start");
        assert_eq!(asked.status(), 202);
    }
    for server in [&first, &second] {
        let refused = client
            .post(server.url("/api/sign-in/start"))
            .header("origin", server.url(""))
            .json(&json!({ "crime_reference": UNKNOWN_REFERENCE }))
            .send()
            .await
            .expect("start");
        assert_eq!(refused.status(), 429, "limited on {}", server.address);
    }
}
