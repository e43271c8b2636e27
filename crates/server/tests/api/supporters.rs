//! Supporters: a victim invites someone with chosen permissions; the supporter accepts by
//! the invitation's link and a code sent to their own contact details, sees only what was
//! granted, and loses everything at once when removed. Officers add a guardian or a
//! family spokesperson with a reason. Every supporter action is audited as theirs.

use reqwest::{Client, Response};
use serde_json::{json, Value};
use server::platform::db::query;
use shared::api::supporters::{SupporterPermission, SupporterStatus, SupportersView};
use shared::api::{ErrorBody, Role, SessionView};

use crate::builders::BuiltCase;
use crate::case_list::staff_client;
use crate::helpers::*;
use crate::staff::create_staff;

/// Where built victims' codes go (`CaseSpec::default`).
pub const BUILT_VICTIM_PHONE: &str = "+447700900999";

/// A signed-in supporter: their browser and id.
pub struct SupporterSession {
    pub client: Client,
    pub id: String,
}

pub fn invitation(contact: &str, permissions: &[&str]) -> Value {
    json!({
        "name": "Jo Helper",
        "channel": if contact.contains('@') { "email" } else { "text_message" },
        "contact": contact,
        "relationship": "family_member",
        "permissions": permissions,
        "access_length": "three_months",
    })
}

fn supporters_path(reference: &str) -> String {
    format!("{}/supporters", case_path(reference))
}

pub async fn post(app: &TestApp, client: &Client, path: &str, body: &Value) -> Response {
    client
        .post(app.url(path))
        .json(body)
        .send()
        .await
        .expect("POST")
}

pub async fn get(app: &TestApp, client: &Client, path: &str) -> Response {
    client.get(app.url(path)).send().await.expect("GET")
}

/// The victim of `case`, signed in on a browser of their own.
pub async fn victim_client(app: &TestApp, case: &BuiltCase) -> Client {
    let client = app.new_client();
    app.sign_in_on(&client, (&case.crime_reference, BUILT_VICTIM_PHONE))
        .await;
    client
}

/// The token in the newest invitation to `contact` (after the `#` of its link).
pub async fn invitation_token(app: &TestApp, contact: &str) -> String {
    let body = app
        .latest_body_for(contact)
        .await
        .expect("an invitation was queued");
    let after = body.split("/help/accept#").nth(1).expect("a link");
    after.split_whitespace().next().expect("a token").to_owned()
}

/// Invites `contact` on the victim's browser; returns the new supporter's id.
pub async fn invite(
    app: &TestApp,
    victim: &Client,
    reference: &str,
    contact: &str,
    permissions: &[&str],
) -> String {
    let response = post(
        app,
        victim,
        &supporters_path(reference),
        &invitation(contact, permissions),
    )
    .await;
    assert_eq!(response.status(), 201);
    let view: SupportersView = response.json().await.expect("supporters");
    view.supporters
        .iter()
        .rev()
        .find(|supporter| supporter.contact == contact_as_stored(contact))
        .expect("the new supporter")
        .id
        .clone()
}

fn contact_as_stored(contact: &str) -> String {
    if contact.contains('@') {
        contact.to_lowercase()
    } else {
        format!("+44{}", contact.trim_start_matches('0').replace(' ', ""))
    }
}

/// Asks for a code with the invitation and signs in with it on a new browser.
pub async fn accept(app: &TestApp, contact: &str, token: &str) -> (Client, Response) {
    let client = app.new_client();
    let body = json!({ "contact": contact, "invitation": token });
    let started = post(app, &client, "/api/supporter-sign-in/start", &body).await;
    assert_eq!(started.status(), 202);
    app.wait_for_sign_in_worker().await;
    let code = app
        .latest_code_for(&contact_as_stored(contact))
        .await
        .expect("a code to the supporter");
    let body = json!({ "contact": contact, "code": code, "invitation": token });
    let verified = post(app, &client, "/api/supporter-sign-in/verify", &body).await;
    (client, verified)
}

/// Invites `contact` for `case` with `permissions` and signs them in.
pub async fn supporter_of(
    app: &TestApp,
    victim: &Client,
    reference: &str,
    contact: &str,
    permissions: &[&str],
) -> SupporterSession {
    let id = invite(app, victim, reference, contact, permissions).await;
    let token = invitation_token(app, &contact_as_stored(contact)).await;
    let (client, verified) = accept(app, contact, &token).await;
    assert_eq!(verified.status(), 200);
    SupporterSession { client, id }
}

/// The message of a refused request.
async fn message(response: Response) -> String {
    response.json::<ErrorBody>().await.expect("error").message
}

#[tokio::test]
async fn a_supporter_sees_only_what_the_victim_granted_and_a_stranger_learns_no_more() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let reference = &case.crime_reference;
    let id = invite(&app, &victim, reference, "07700 900 501", &["read_updates"]).await;
    // The invitation says nothing of the police or a crime.
    let body = app
        .latest_body_for("+447700900501")
        .await
        .expect("invitation");
    assert!(body.contains("/help/accept#"), "{body}");
    for word in ["police", "crime", "Built", "victim"] {
        assert!(
            !body.to_lowercase().contains(&word.to_lowercase()),
            "{word} in {body}"
        );
    }
    let token = invitation_token(&app, "+447700900501").await;
    let check = post(
        &app,
        &app.new_client(),
        "/api/supporter-sign-in/invitation",
        &json!({ "invitation": token }),
    )
    .await;
    assert_eq!(check.status(), 204);

    let (supporter, verified) = accept(&app, "07700900501", &token).await;
    assert_eq!(verified.status(), 200);
    let session: SessionView = verified.json().await.expect("session");
    assert_eq!(session.role, Role::Supporter);
    assert_eq!(&session.crime_reference, reference);
    let helping = session.helping.expect("whom they help");
    assert_eq!(helping.victim_first_name, "Built");
    assert_eq!(helping.permissions, [SupporterPermission::ReadUpdates]);

    assert_eq!(
        get(&app, &supporter, &case_path(reference)).await.status(),
        200
    );
    let stranger = app.new_client();
    let other = app.create_case().await;
    let other_victim = victim_client(&app, &other).await;
    for path in [
        format!("{}/preferences", case_path(reference)),
        format!("{}/preferences/history", case_path(reference)),
        format!("{}/callbacks", case_path(reference)),
        format!("{}/looks", case_path(reference)),
        supporters_path(reference),
    ] {
        let theirs = get(&app, &supporter, &path).await;
        assert_eq!(theirs.status(), 404, "{path}");
        // The same answer as a victim of another case gets.
        let strangers = get(&app, &other_victim, &path).await;
        assert_eq!(strangers.status(), 404);
        assert_eq!(message(theirs).await, message(strangers).await);
    }
    // Writes outside the grant: the same 404.
    let writes = [
        (
            format!("{}/callbacks", case_path(reference)),
            crate::callbacks::valid(),
        ),
        (
            supporters_path(reference),
            invitation("07700900502", &["read_updates"]),
        ),
        (
            format!("{}/preferences/confirm-contact", case_path(reference)),
            json!({ "code": "123456" }),
        ),
    ];
    for (path, body) in &writes {
        assert_eq!(
            post(&app, &supporter, path, body).await.status(),
            404,
            "{path}"
        );
    }
    // Nobody signed in: 401, not a clue.
    assert_eq!(
        get(&app, &stranger, &case_path(reference)).await.status(),
        401
    );
    // A supporter of this case never reaches another.
    assert_eq!(
        get(&app, &supporter, &case_path(&other.crime_reference))
            .await
            .status(),
        404
    );

    // The victim sees them, what they did and when they last signed in.
    let listed: SupportersView = get(&app, &victim, &supporters_path(reference))
        .await
        .json()
        .await
        .expect("list");
    let them = listed
        .supporters
        .iter()
        .find(|s| s.id == id)
        .expect("listed");
    assert_eq!(them.status, SupporterStatus::Active);
    assert_eq!(them.name, "Jo Helper");
    assert!(them.last_signed_in.is_some());
    assert!(them.activity.iter().any(|line| line.action == "read_case"));
}

#[tokio::test]
async fn every_supporter_action_is_audited_as_theirs_and_the_victim_is_told() {
    let app = spawn_app().await;
    // `callbacks::valid` asks for Wednesday 11 March.
    app.set_clock_to_tuesday_8am();
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let reference = &case.crime_reference;
    let supporter = supporter_of(
        &app,
        &victim,
        reference,
        "helper.one@example.org",
        &["read_updates", "callbacks", "preferences"],
    )
    .await;
    for path in ["", "/preferences", "/callbacks"] {
        let path = format!("{}{path}", case_path(reference));
        assert_eq!(
            get(&app, &supporter.client, &path).await.status(),
            200,
            "{path}"
        );
    }
    let asked = post(
        &app,
        &supporter.client,
        &format!("{}/callbacks", case_path(reference)),
        &crate::callbacks::valid(),
    )
    .await;
    assert_eq!(asked.status(), 201);
    let rows: Vec<(String,)> = query(
        "SELECT action FROM audit_events
         WHERE case_id = $1 AND actor_kind = 'supporter' AND actor_id = $2 ORDER BY at, id",
    )
    .bind(&case.case_id)
    .bind(&supporter.id)
    .fetch_all(&mut app.db.conn())
    .await
    .expect("audit");
    let actions: Vec<&str> = rows.iter().map(|(action,)| action.as_str()).collect();
    for action in [
        "read_case",
        "read_preferences",
        "read_callbacks",
        "request_callback",
    ] {
        assert!(actions.contains(&action), "{action} in {actions:?}");
    }
    // The victim's "who has looked at your case" shows a supporter.
    let looks: Value = get(&app, &victim, &format!("{}/looks", case_path(reference)))
        .await
        .json()
        .await
        .expect("looks");
    assert!(
        looks["looks"]
            .as_array()
            .expect("lines")
            .iter()
            .any(|line| line["role"] == "supporter"),
        "{looks}"
    );
}

#[tokio::test]
async fn removal_ends_the_supporters_sessions_at_once_and_says_only_that() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let reference = &case.crime_reference;
    let supporter = supporter_of(&app, &victim, reference, "07700900511", &["read_updates"]).await;
    assert_eq!(
        get(&app, &supporter.client, &case_path(reference))
            .await
            .status(),
        200
    );

    let removed = post(
        &app,
        &victim,
        &format!("{}/{}/remove", supporters_path(reference), supporter.id),
        &json!({}),
    )
    .await;
    assert_eq!(removed.status(), 200);
    let left: SupportersView = removed.json().await.expect("list");
    assert!(left.supporters.iter().all(|s| s.id != supporter.id));

    for path in [case_path(reference), "/api/session".to_owned()] {
        let refused = get(&app, &supporter.client, &path).await;
        assert_eq!(refused.status(), 401, "{path}");
        let text = refused.text().await.expect("body");
        assert!(text.contains("This access is no longer active"), "{text}");
        assert!(
            !text.contains(reference.as_str()) && !text.contains("Built"),
            "{text}"
        );
    }
    // Signing in again finds nothing to sign in to.
    let client = app.new_client();
    let started = post(
        &app,
        &client,
        "/api/supporter-sign-in/start",
        &json!({ "contact": "07700900511" }),
    )
    .await;
    assert_eq!(started.status(), 202);
    app.wait_for_sign_in_worker().await;
    let verified = post(
        &app,
        &client,
        "/api/supporter-sign-in/verify",
        &json!({ "contact": "07700900511", "code": "000000" }),
    )
    .await;
    assert_eq!(verified.status(), 422);
    // Removing twice is no error: the list is as it was.
    let again = post(
        &app,
        &victim,
        &format!("{}/{}/remove", supporters_path(reference), supporter.id),
        &json!({}),
    )
    .await;
    assert_eq!(again.status(), 200);
}

#[tokio::test]
async fn a_grant_that_runs_out_ends_like_a_removal() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let supporter = supporter_of(
        &app,
        &victim,
        &case.crime_reference,
        "07700900521",
        &["read_updates"],
    )
    .await;
    query("UPDATE supporter_grants SET expires_at = $1 WHERE supporter_id = $2")
        .bind(app.clock.unix() - 1)
        .bind(&supporter.id)
        .execute(&mut app.db.conn())
        .await
        .expect("expire");
    let refused = get(&app, &supporter.client, &case_path(&case.crime_reference)).await;
    assert_eq!(refused.status(), 401);
    assert_eq!(message(refused).await, "This access is no longer active.");
}

#[tokio::test]
async fn expired_reused_and_forged_invitations_fail_with_a_plain_message() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let reference = &case.crime_reference;
    invite(&app, &victim, reference, "07700900531", &["read_updates"]).await;
    let used = invitation_token(&app, "+447700900531").await;
    let (_, verified) = accept(&app, "07700900531", &used).await;
    assert_eq!(verified.status(), 200);
    invite(&app, &victim, reference, "07700900532", &["read_updates"]).await;
    let old = invitation_token(&app, "+447700900532").await;
    app.advance_clock(7 * 24 * 60 + 1);

    let anyone = app.new_client();
    for token in [used.as_str(), old.as_str(), "made-up-token-0123456789"] {
        let checked = post(
            &app,
            &anyone,
            "/api/supporter-sign-in/invitation",
            &json!({ "invitation": token }),
        )
        .await;
        assert_eq!(checked.status(), 422);
        let body: ErrorBody = checked.json().await.expect("error");
        let said = &body.errors["invitation"][0];
        assert!(
            said.starts_with("This invitation link cannot be used."),
            "{said}"
        );
        let started = post(
            &app,
            &anyone,
            "/api/supporter-sign-in/start",
            &json!({ "contact": "07700900532", "invitation": token }),
        )
        .await;
        assert_eq!(started.status(), 422);
    }
}

#[tokio::test]
async fn a_supporter_signs_in_again_with_their_contact_alone_once_they_have_accepted() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    invite(
        &app,
        &victim,
        &case.crime_reference,
        "Helper.Two@Example.org",
        &["read_updates"],
    )
    .await;
    let count = app.outbox_count().await;
    // Before accepting, their contact alone sends nothing.
    let client = app.new_client();
    let start = json!({ "contact": "helper.two@example.org" });
    assert_eq!(
        post(&app, &client, "/api/supporter-sign-in/start", &start)
            .await
            .status(),
        202
    );
    app.wait_for_sign_in_worker().await;
    assert_eq!(app.outbox_count().await, count);
    let token = invitation_token(&app, "helper.two@example.org").await;
    let (_, verified) = accept(&app, "HELPER.TWO@example.org", &token).await;
    assert_eq!(verified.status(), 200);

    assert_eq!(
        post(&app, &client, "/api/supporter-sign-in/start", &start)
            .await
            .status(),
        202
    );
    app.wait_for_sign_in_worker().await;
    let code = app
        .latest_code_for("helper.two@example.org")
        .await
        .expect("a code");
    let wrong = post(
        &app,
        &client,
        "/api/supporter-sign-in/verify",
        &json!({ "contact": "helper.two@example.org", "code": other_code(&code) }),
    )
    .await;
    assert_eq!(wrong.status(), 422);
    let verified = post(
        &app,
        &client,
        "/api/supporter-sign-in/verify",
        &json!({ "contact": "helper.two@example.org", "code": code }),
    )
    .await;
    assert_eq!(verified.status(), 200);
    assert_eq!(
        get(&app, &client, &case_path(&case.crime_reference))
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn the_victim_changes_what_a_supporter_may_do_from_their_next_request() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let reference = &case.crime_reference;
    let supporter = supporter_of(&app, &victim, reference, "07700900541", &["read_updates"]).await;
    let changed = victim
        .put(app.url(&format!("{}/{}", supporters_path(reference), supporter.id)))
        .json(&json!({ "permissions": ["callbacks"] }))
        .send()
        .await
        .expect("PUT");
    assert_eq!(changed.status(), 200);
    assert_eq!(
        get(&app, &supporter.client, &case_path(reference))
            .await
            .status(),
        404
    );
    let callbacks = format!("{}/callbacks", case_path(reference));
    assert_eq!(get(&app, &supporter.client, &callbacks).await.status(), 200);
    let session: SessionView = get(&app, &supporter.client, "/api/session")
        .await
        .json()
        .await
        .expect("session");
    assert_eq!(
        session.helping.expect("helping").permissions,
        [SupporterPermission::Callbacks]
    );
    // None at all is refused, field by field.
    let none = victim
        .put(app.url(&format!("{}/{}", supporters_path(reference), supporter.id)))
        .json(&json!({ "permissions": [] }))
        .send()
        .await
        .expect("PUT");
    assert_eq!(none.status(), 422);
}

#[tokio::test]
async fn bad_invitations_get_field_errors() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let victim = victim_client(&app, &case).await;
    let path = supporters_path(&case.crime_reference);
    let mut body = invitation("not a number", &[]);
    body["name"] = json!("  ");
    let refused = post(&app, &victim, &path, &body).await;
    assert_eq!(refused.status(), 422);
    let errors: ErrorBody = refused.json().await.expect("errors");
    for field in ["name", "contact", "permissions"] {
        assert!(
            errors.errors.contains_key(field),
            "{field}: {:?}",
            errors.errors
        );
    }
    invite(
        &app,
        &victim,
        &case.crime_reference,
        "07700900551",
        &["read_updates"],
    )
    .await;
    let twice = post(
        &app,
        &victim,
        &path,
        &invitation("07700900551", &["read_updates"]),
    )
    .await;
    assert_eq!(twice.status(), 422);
}

#[tokio::test]
async fn officers_add_a_guardian_with_a_reason_and_remove_one() {
    let app = spawn_app().await;
    let case = app.create_case().await;
    let officer = staff_client(
        &app,
        &create_staff(
            &app,
            "guardian.officer",
            "officer",
            Some("demo-team-north"),
            None,
        )
        .await,
    )
    .await;
    let staff_path = format!(
        "/api/staff{}/supporters",
        case_path(&case.crime_reference).trim_start_matches("/api")
    );
    let mut body = json!({
        "name": "Pat Parent",
        "channel": "text_message",
        "contact": "07700900561",
        "relationship": "friend",
        "permissions": ["read_updates", "callbacks"],
        "reason": "",
    });
    let refused = post(&app, &officer, &staff_path, &body).await;
    assert_eq!(refused.status(), 422);
    let errors: ErrorBody = refused.json().await.expect("errors");
    assert!(errors.errors.contains_key("relationship") && errors.errors.contains_key("reason"));
    body["relationship"] = json!("parent_or_guardian");
    body["reason"] = json!("The victim is 12; their mother is their appropriate adult");
    let added = post(&app, &officer, &staff_path, &body).await;
    assert_eq!(added.status(), 201);
    let view: SupportersView = added.json().await.expect("list");
    let parent = view.supporters.first().expect("added");
    assert!(parent.added_by_officer);
    let token = invitation_token(&app, "+447700900561").await;
    let (parent_client, verified) = accept(&app, "07700900561", &token).await;
    assert_eq!(verified.status(), 200);

    // The victim sees them but cannot change them: that is the officer's.
    let victim = victim_client(&app, &case).await;
    let victim_path = format!(
        "{}/{}/remove",
        supporters_path(&case.crime_reference),
        parent.id
    );
    assert_eq!(
        post(&app, &victim, &victim_path, &json!({})).await.status(),
        409
    );
    let remove = format!("{staff_path}/{}/remove", parent.id);
    assert_eq!(
        post(&app, &officer, &remove, &json!({ "reason": " " }))
            .await
            .status(),
        422
    );
    let removed = post(
        &app,
        &officer,
        &remove,
        &json!({ "reason": "Safeguarding concern raised by school" }),
    )
    .await;
    assert_eq!(removed.status(), 200);
    assert_eq!(
        get(&app, &parent_client, &case_path(&case.crime_reference))
            .await
            .status(),
        401
    );
    // The reason is sealed at rest.
    let (stored,): (Option<String>,) = query("SELECT removal_reason FROM supporters WHERE id = $1")
        .bind(&parent.id)
        .fetch_one(&mut app.db.conn())
        .await
        .expect("row");
    assert!(!stored.expect("a reason").contains("school"));
}
