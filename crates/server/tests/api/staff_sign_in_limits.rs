//! Staff sign-in gets the victims' protections: per-address and global limits (429 with
//! `Retry-After` and plain words), a daily cap on failures per email address, account or
//! not, and signing in ending the browser's old staff session.

use shared::api::ErrorBody;

use crate::helpers::*;
use crate::staff::{create_staff, PASSWORD};
use server::platform::db::query;

async fn assert_staff_too_many(response: reqwest::Response) {
    assert_eq!(response.status(), 429);
    assert!(response.headers().contains_key("retry-after"));
    let body: ErrorBody = response.json().await.unwrap();
    assert!(
        body.message.starts_with("Too many tries.") && body.message.contains("supervisor"),
        "{}",
        body.message
    );
}

#[tokio::test]
async fn one_address_trying_too_often_gets_429() {
    let app = app_at_8am(Options {
        sign_in_limits: Some((3, 600)),
        ..Options::default()
    })
    .await;
    let account = create_staff(&app, "busy", "officer", None, None).await;
    for _ in 0..3 {
        assert!(app.refused(&account.0, "wrong password", "123456").await);
    }
    // Even the right details wait now.
    let code = app.totp_now(&account.1);
    assert_staff_too_many(app.staff_sign_in(&account.0, PASSWORD, &code).await).await;
}

#[tokio::test]
async fn twenty_failures_a_day_per_email_then_429_for_accounts_and_strangers_alike() {
    let app = app_at_8am(Options {
        sign_in_limits: Some((1000, 1000)),
        ..Options::default()
    })
    .await;
    let account = create_staff(&app, "guessed", "officer", None, None).await;
    for email in [account.0.as_str(), "nobody@example.org"] {
        for _ in 0..20 {
            assert!(app.refused(email, "wrong password", "123456").await);
        }
        assert_staff_too_many(app.staff_sign_in(email, "wrong password", "123456").await).await;
    }
    // The next day the account can sign in again (its 15-minute lock long over).
    app.advance_clock(24 * 60);
    app.staff_signed_in(&account).await;
}

#[tokio::test]
async fn signing_in_ends_the_staff_session_the_browser_already_had() {
    let app = app_at_8am(Options::default()).await;
    let account = create_staff(&app, "twice", "officer", None, None).await;
    app.staff_signed_in(&account).await;
    app.advance_clock(1);
    app.staff_signed_in(&account).await;
    let (live, ended): (i64, i64) = query(
        "SELECT SUM(CASE WHEN ended_at IS NULL THEN 1 ELSE 0 END),
                SUM(CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END)
         FROM sessions WHERE role = 'officer'",
    )
    .fetch_one(&mut app.db.conn())
    .await
    .unwrap();
    assert_eq!((live, ended), (1, 1));
    assert_eq!(app.get("/api/staff/session").await.status(), 200);
}
