//! The authorisation matrix: every operation in `/api/openapi.json`, called by every kind
//! of caller against victim A's resources (A's case, A's callback, an officer of A's
//! unit). It fails when a caller gets data they are not entitled to, when an entitled
//! caller is refused, and when a documented operation has no expectation here, so a new
//! route cannot slip past it.

use reqwest::{Client, Method, Response};
use serde_json::{json, Value};
use server::platform::db::query;
use shared::api::callbacks::CallbackView;
use shared::api::updates::StaffUpdateView;

use crate::callbacks::valid as valid_callback;
use crate::helpers::*;
use crate::preferences::valid as valid_preferences;
use crate::staff::{create_staff, PASSWORD};
use crate::staff_admin::{create_other_units_supervisor, staff_id};
use crate::supporters;
use crate::updates::new_update;
use server::staff::credentials;

/// Everyone who might call the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    /// The victim whose case, callback and unit the requests aim at.
    VictimA,
    /// Another victim (same team, same unit).
    VictimB,
    /// An officer on the team that works A's case.
    OfficerOfA,
    /// An officer on the other team of A's unit.
    OtherTeamsOfficer,
    /// The supervisor of A's unit.
    Supervisor,
    /// The supervisor of another unit.
    OtherUnitsSupervisor,
    /// A's supporters, one per permission: read updates, callbacks, preferences.
    SupporterReadingA,
    SupporterCallingA,
    SupporterPreferencesA,
    /// B's supporter, with every permission on B's case.
    SupporterOfB,
}
use Caller::*;

const EVERY_CALLER: [Caller; 11] = [
    Anonymous,
    VictimA,
    VictimB,
    OfficerOfA,
    OtherTeamsOfficer,
    Supervisor,
    OtherUnitsSupervisor,
    SupporterReadingA,
    SupporterCallingA,
    SupporterPreferencesA,
    SupporterOfB,
];
/// Everyone signed in to the victim app: victims and supporters.
const VICTIM_APP: &[Caller] = &[
    VictimA,
    VictimB,
    SupporterReadingA,
    SupporterCallingA,
    SupporterPreferencesA,
    SupporterOfB,
];
const A_AND_SUPPORTERS: &[Caller] = &[
    VictimA,
    SupporterReadingA,
    SupporterCallingA,
    SupporterPreferencesA,
];
const STAFF: &[Caller] = &[
    OfficerOfA,
    OtherTeamsOfficer,
    Supervisor,
    OtherUnitsSupervisor,
];
const SUPERVISORS: &[Caller] = &[Supervisor, OtherUnitsSupervisor];
const SEE_A_AS_STAFF: &[Caller] = &[OfficerOfA, Supervisor];

/// Who gets a successful answer from an operation.
enum Answered {
    /// Anyone (sign-in, health, the document): any answer but a server error.
    Anyone,
    /// These get a 2xx; everyone else 401, 403 or 404.
    Only(&'static [Caller]),
    /// These get past the access check: a 2xx, or a 422 about a secret the matrix cannot
    /// know (a code sent to the victim) or a 409 or 422 about the state earlier calls left
    /// (a callback already closed); everyone else 401, 403 or 404.
    UpToASecret(&'static [Caller]),
}

/// What the matrix expects of one operation.
struct Expectation {
    answered: Answered,
    /// Who may find A's details (reference, phone, name, A's unit's officers) in the body.
    may_see_a: &'static [Caller],
}

const fn rule(answered: Answered, may_see_a: &'static [Caller]) -> Option<Expectation> {
    Some(Expectation {
        answered,
        may_see_a,
    })
}

/// The expectation for each documented operation; `None` fails the test.
fn expectation(method: &str, path: &str) -> Option<Expectation> {
    use Answered::{Anyone, Only, UpToASecret};
    match (method, path) {
        ("get", "/api/health" | "/api/config") => rule(Anyone, &[]),
        // The same document for everyone; its examples use the demo reference's format.
        ("get", "/api/openapi.json") => rule(Anyone, &EVERY_CALLER),
        ("post", "/api/sign-in/start" | "/api/sign-in/verify" | "/api/staff/sign-in") => {
            rule(Anyone, &[])
        }
        ("post", "/api/sign-out" | "/api/staff/sign-out") => rule(Anyone, &[]),
        ("post", "/api/sign-out-everywhere") => rule(Only(VICTIM_APP), &[]),
        ("post", "/api/staff/sign-out-everywhere") => rule(Only(STAFF), &[]),
        // A's supporters see A's reference in their session, and whom they help.
        ("get", "/api/session") => rule(Only(VICTIM_APP), A_AND_SUPPORTERS),
        // Each supporter reaches exactly what their permission grants, nothing else.
        ("get", "/api/cases/{crime_reference}") => rule(
            Only(&[VictimA, SupporterReadingA]),
            &[VictimA, SupporterReadingA],
        ),
        ("get" | "post", "/api/cases/{crime_reference}/callbacks") => rule(
            Only(&[VictimA, SupporterCallingA]),
            &[VictimA, SupporterCallingA],
        ),
        // The first to cancel A's request does; after that it is a 409 about its state.
        ("post", "/api/cases/{crime_reference}/callbacks/{callback_id}/cancel") => rule(
            UpToASecret(&[VictimA, SupporterCallingA]),
            &[VictimA, SupporterCallingA],
        ),
        (
            "get" | "put",
            "/api/cases/{crime_reference}/preferences"
            | "/api/cases/{crime_reference}/preferences/history",
        ) => rule(
            Only(&[VictimA, SupporterPreferencesA]),
            &[VictimA, SupporterPreferencesA],
        ),
        // Who looked, and who helps: the victim's alone (a supporter must not learn who
        // else helps).
        (
            "get" | "post" | "put",
            "/api/cases/{crime_reference}/looks"
            | "/api/cases/{crime_reference}/supporters"
            | "/api/cases/{crime_reference}/supporters/{supporter_id}"
            | "/api/cases/{crime_reference}/supporters/{supporter_id}/remove",
        ) => rule(Only(&[VictimA]), &[VictimA]),
        // A supporter's sign-in, like a victim's, answers anyone.
        (
            "post",
            "/api/supporter-sign-in/invitation"
            | "/api/supporter-sign-in/start"
            | "/api/supporter-sign-in/verify",
        ) => rule(Anyone, &[]),
        // Those who work A's case see, add and remove A's supporters.
        (
            "get" | "post",
            "/api/staff/cases/{crime_reference}/supporters"
            | "/api/staff/cases/{crime_reference}/supporters/{supporter_id}/remove",
        ) => rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF),
        // The code was sent to A's phone: A gets past the access check to a 422.
        ("post", "/api/cases/{crime_reference}/preferences/confirm-contact") => {
            rule(UpToASecret(&[VictimA]), &[VictimA])
        }
        ("get", "/api/staff/session") => rule(Only(STAFF), &[]),
        ("get", "/api/staff/cases") => rule(Only(STAFF), SEE_A_AS_STAFF),
        ("get", "/api/staff/cases/{crime_reference}") => rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF),
        // Ids, kinds and statuses only: never where a message went or what it said.
        ("get", "/api/staff/cases/{crime_reference}/messages") => {
            rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF)
        }
        // Who looked at or changed the case: the unit's supervisor only, not its officers.
        ("get", "/api/staff/cases/{crime_reference}/audit") => {
            rule(Only(&[Supervisor]), &[Supervisor])
        }
        // Updates on A's case, and telling A of one: those who work it.
        (
            "get" | "post",
            "/api/staff/cases/{crime_reference}/updates"
            | "/api/staff/cases/{crime_reference}/updates/{update_id}/told",
        ) => rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF),
        // Each caller's own cases' (or unit's) untold events.
        ("get", "/api/staff/due") => rule(Only(STAFF), SEE_A_AS_STAFF),
        // Each staff caller's own queue: A's request shows only to A's officer and unit.
        ("get", "/api/staff/callbacks") => rule(Only(STAFF), SEE_A_AS_STAFF),
        (
            "get" | "post",
            "/api/staff/cases/{crime_reference}/callbacks"
            | "/api/staff/cases/{crime_reference}/contacts"
            | "/api/staff/cases/{crime_reference}/contact-check",
        ) => rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF),
        // The first to close A's request does; after that closing or booking it is a 422
        // about its state, past the access check.
        (
            "post",
            "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/complete"
            | "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/schedule",
        ) => rule(UpToASecret(SEE_A_AS_STAFF), SEE_A_AS_STAFF),
        // Case management: officers and supervisors who work the case change it; only the
        // case's unit's supervisor reallocates it; each supervisor lists their own unit.
        ("get", "/api/staff/cases/{crime_reference}/management") => {
            rule(Only(SEE_A_AS_STAFF), SEE_A_AS_STAFF)
        }
        (
            "put",
            "/api/staff/cases/{crime_reference}/stage"
            | "/api/staff/cases/{crime_reference}/enhanced-rights",
        ) => rule(Only(SEE_A_AS_STAFF), &[]),
        ("put", "/api/staff/cases/{crime_reference}/allocation") => rule(Only(&[Supervisor]), &[]),
        ("get", "/api/staff/unit/allocation-options") => rule(Only(SUPERVISORS), &[]),
        // Each supervisor lists and adds officers in their own unit only.
        ("get" | "post", "/api/staff/officers") => rule(Only(SUPERVISORS), &[Supervisor]),
        ("post", "/api/staff/officers/{staff_id}/disable") => {
            rule(Only(&[Supervisor]), &[Supervisor])
        }
        // Called by GOV.UK Notify with its bearer token, which no session carries: every
        // caller here is refused (tests/api/notify.rs sends it with the token).
        ("post", "/api/delivery/notify-receipts") => rule(Only(&[]), &[]),
        _ => None,
    }
}

/// A caller with a client (and cookies) of their own.
struct Session {
    caller: Caller,
    client: Client,
}

async fn victim(app: &TestApp, caller: Caller, (reference, recipient): (&str, &str)) -> Session {
    let client = app.new_client();
    let start = json!({ "crime_reference": reference });
    let started = client.post(app.url("/api/sign-in/start")).json(&start);
    assert_eq!(started.send().await.expect("start").status(), 202);
    let code = app.latest_code_for(recipient).await.expect("a code");
    let verify = json!({ "crime_reference": reference, "code": code });
    let verified = client.post(app.url("/api/sign-in/verify")).json(&verify);
    assert_eq!(verified.send().await.expect("verify").status(), 200);
    Session { caller, client }
}

async fn staff(app: &TestApp, caller: Caller, (email, secret): (String, String)) -> Session {
    let client = app.new_client();
    let code = credentials::code_at(&secret, app.clock.unix()).expect("code");
    let body = json!({ "email": email, "password": PASSWORD, "code": code });
    let signed_in = client.post(app.url("/api/staff/sign-in")).json(&body);
    assert_eq!(signed_in.send().await.expect("sign in").status(), 200);
    Session { caller, client }
}

/// The things that identify victim A, and A's unit's officer the requests aim at.
struct Markers(Vec<String>);

impl Markers {
    fn found_in(&self, body: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|marker| body.contains(marker.as_str()))
            .map(String::as_str)
    }
}

/// A request body that an entitled caller's request would be accepted with, so the
/// answer shows the access decision rather than a validation error.
fn body_for(method: &str, path: &str, caller: Caller) -> Option<Value> {
    if method == "get" {
        return None;
    }
    Some(match path {
        "/api/sign-in/start" => json!({ "crime_reference": TEXT_VICTIM.0 }),
        "/api/sign-in/verify" => json!({ "crime_reference": UNKNOWN_REFERENCE, "code": "000000" }),
        "/api/staff/sign-in" => {
            json!({ "email": "nobody@example.org", "password": PASSWORD, "code": "000000" })
        }
        "/api/cases/{crime_reference}/preferences" => valid_preferences(),
        // Well-formed, so callers without access get their 404 before the code is checked.
        "/api/cases/{crime_reference}/preferences/confirm-contact" => json!({ "code": "000000" }),
        "/api/cases/{crime_reference}/callbacks" => valid_callback(),
        "/api/cases/{crime_reference}/supporters" => {
            supporters::invitation("matrix.invited@example.org", &["read_updates"])
        }
        "/api/cases/{crime_reference}/supporters/{supporter_id}" => {
            json!({ "permissions": ["read_updates"] })
        }
        "/api/supporter-sign-in/invitation" => json!({ "invitation": "not-an-invitation" }),
        "/api/supporter-sign-in/start" => json!({ "contact": "07700900600" }),
        "/api/supporter-sign-in/verify" => json!({ "contact": "07700900600", "code": "000000" }),
        "/api/staff/cases/{crime_reference}/supporters" => json!({
            "name": "Pat Parent",
            "channel": "email",
            "contact": format!("parent.{caller:?}@example.org").to_lowercase(),
            "relationship": "parent_or_guardian",
            "permissions": ["read_updates"],
            "reason": "Checking who may add one",
        }),
        "/api/staff/cases/{crime_reference}/supporters/{supporter_id}/remove" => {
            json!({ "reason": "Checking who may remove one" })
        }
        "/api/staff/cases/{crime_reference}/updates" => new_update("charged", "2026-03-10"),
        "/api/staff/cases/{crime_reference}/updates/{update_id}/told" => {
            json!({ "method": "call" })
        }
        // Inside A's window (Wednesday 11 March, 10am to 11am).
        "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/schedule" => {
            json!({ "date": "2026-03-11", "start": "10:00" })
        }
        "/api/staff/cases/{crime_reference}/callbacks/{callback_id}/complete" => {
            json!({ "outcome": "spoke_to_victim" })
        }
        "/api/staff/cases/{crime_reference}/contacts" => {
            json!({ "method": "phone_call", "outcome": "no_answer" })
        }
        "/api/staff/cases/{crime_reference}/contact-check" => {
            json!({ "outcome": "confirmed_safe" })
        }
        "/api/staff/officers" => json!({
            "email": format!("new.{caller:?}@example.org").to_lowercase(),
            "display_name": "PC New Officer",
            "team_id": if caller == OtherUnitsSupervisor { "other-team" } else { "demo-team-north" },
            "password": "a first officer password",
        }),
        "/api/staff/cases/{crime_reference}/stage" => json!({ "stage": "under_investigation" }),
        // Each entitled caller flips it, so neither finds it already as asked.
        "/api/staff/cases/{crime_reference}/enhanced-rights" => json!({
            "enhanced_rights": caller != Supervisor,
            "reason": "Checking who may change it",
        }),
        "/api/staff/cases/{crime_reference}/allocation" => json!({ "team_id": "demo-team-north" }),
        _ => json!({}),
    })
}

/// What is wrong with `status` as `who`'s answer, if anything.
fn status_problem(answered: &Answered, who: Caller, status: u16) -> Option<&'static str> {
    match answered {
        Answered::Anyone => (status >= 500).then_some("a server error"),
        Answered::Only(allowed) if allowed.contains(&who) => {
            (!(200..300).contains(&status)).then_some("but this caller is entitled")
        }
        Answered::UpToASecret(allowed) if allowed.contains(&who) => {
            (!(200..300).contains(&status) && status != 422 && status != 409)
                .then_some("but this caller is entitled")
        }
        Answered::Only(_) | Answered::UpToASecret(_) => {
            (![401, 403, 404].contains(&status)).then_some("but this caller is not entitled")
        }
    }
}

async fn call(
    app: &TestApp,
    session: &Session,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> Response {
    let method = Method::from_bytes(method.to_uppercase().as_bytes()).expect("method");
    let mut request = session.client.request(method, app.url(path));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.expect("request")
}

#[tokio::test]
async fn no_caller_reaches_data_they_are_not_entitled_to() {
    let app = spawn_app_with(Options {
        demo: false,
        ..Options::default()
    })
    .await;
    app.set_clock_to_tuesday_8am();
    let target = create_staff(&app, "target", "officer", Some("demo-team-north"), None).await;
    let target_id = staff_id(&app, &target.0).await;
    let callers = vec![
        Session {
            caller: Anonymous,
            client: app.new_client(),
        },
        victim(&app, VictimA, TEXT_VICTIM).await,
        victim(&app, VictimB, EMAIL_VICTIM).await,
        staff(
            &app,
            OfficerOfA,
            create_staff(&app, "north", "officer", Some("demo-team-north"), None).await,
        )
        .await,
        staff(
            &app,
            OtherTeamsOfficer,
            create_staff(&app, "south", "officer", Some("demo-team-south"), None).await,
        )
        .await,
        staff(
            &app,
            Supervisor,
            create_staff(&app, "boss", "supervisor", None, None).await,
        )
        .await,
        staff(
            &app,
            OtherUnitsSupervisor,
            create_other_units_supervisor(&app).await,
        )
        .await,
    ];
    let mut callers = callers;
    let (a_client, b_client) = (callers[1].client.clone(), callers[2].client.clone());
    for (caller, contact, permissions) in [
        (SupporterReadingA, "07700900601", "read_updates"),
        (SupporterCallingA, "07700900602", "callbacks"),
        (SupporterPreferencesA, "07700900603", "preferences"),
    ] {
        let supporter =
            supporters::supporter_of(&app, &a_client, TEXT_VICTIM.0, contact, &[permissions]).await;
        callers.push(Session {
            caller,
            client: supporter.client,
        });
    }
    let every = ["read_updates", "callbacks", "preferences"];
    let b_supporter =
        supporters::supporter_of(&app, &b_client, EMAIL_VICTIM.0, "07700900604", &every).await;
    callers.push(Session {
        caller: SupporterOfB,
        client: b_supporter.client,
    });
    // Supporters of A to aim at: one the victim's routes change and remove, one the staff
    // routes remove (neither signs in).
    let victims_sample = supporters::invite(
        &app,
        &a_client,
        TEXT_VICTIM.0,
        "07700900605",
        &["read_updates"],
    )
    .await;
    let staff_sample = supporters::invite(
        &app,
        &a_client,
        TEXT_VICTIM.0,
        "07700900606",
        &["read_updates"],
    )
    .await;
    assert_eq!(callers.len(), EVERY_CALLER.len());
    let a = &callers[1];
    let made = call(
        &app,
        a,
        "post",
        &format!("{}/callbacks", case_path(TEXT_VICTIM.0)),
        Some(valid_callback()),
    )
    .await;
    assert_eq!(made.status(), 201, "A asks for a callback to aim at");
    let callback: CallbackView = made.json().await.expect("callback");
    // An update on A's case to aim at, after the case's report (the demo's is relative to
    // the real date, the clock's is 10 March 2026).
    query("UPDATE cases SET reported_on = '2026-01-05' WHERE crime_reference = $1")
        .bind(TEXT_VICTIM.0)
        .execute(&mut app.db.conn())
        .await
        .expect("reported_on");
    let update_path = format!(
        "/api/staff{}/updates",
        case_path(TEXT_VICTIM.0).trim_start_matches("/api")
    );
    let posted = call(
        &app,
        &callers[3],
        "post",
        &update_path,
        Some(new_update("charged", "2026-03-10")),
    )
    .await;
    assert_eq!(
        posted.status(),
        201,
        "A's officer posts an update to aim at"
    );
    let update: StaffUpdateView = posted.json().await.expect("update");

    let markers = Markers(vec![
        TEXT_VICTIM.0.to_owned(),
        TEXT_VICTIM.0.replace('/', "%2F"),
        TEXT_VICTIM.1.to_owned(),
        "Priya Shah".to_owned(),
        // The phone A's preferences are saved with, part-way through.
        "07700 900 001".to_owned(),
        target.0.clone(),
    ]);
    let doc: Value = app
        .get("/api/openapi.json")
        .await
        .json()
        .await
        .expect("document");
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in ["get", "post", "put", "patch", "delete"] {
            if item.get(method).is_some() {
                operations.push((method, path.clone()));
            }
        }
    }
    // Signing out ends the caller's session: those go last, "everywhere" (which needs the
    // session) before the plain sign-outs (which answer anyone).
    operations.sort_by_key(|(method, path)| {
        let sign_out = path.contains("sign-out");
        let plain = !path.contains("everywhere");
        (sign_out, plain, path.clone(), *method)
    });

    let mut failures = Vec::new();
    let mut entitled_sightings = 0;
    for (method, template) in &operations {
        let Some(expected) = expectation(method, template) else {
            failures.push(format!("{method} {template}: no expectation in the matrix"));
            continue;
        };
        let path = template
            .replace("{crime_reference}", &TEXT_VICTIM.0.replace('/', "%2F"))
            .replace("{callback_id}", &callback.id)
            .replace("{staff_id}", &target_id)
            .replace("{update_id}", &update.id)
            .replace(
                "{supporter_id}",
                if template.starts_with("/api/staff/") {
                    &staff_sample
                } else {
                    &victims_sample
                },
            );
        assert!(
            !path.contains('{'),
            "no sample value for a parameter in {template}"
        );
        for session in &callers {
            let who = session.caller;
            let response = call(
                &app,
                session,
                method,
                &path,
                body_for(method, template, who),
            )
            .await;
            let status = response.status().as_u16();
            let body = response.text().await.unwrap_or_default();
            let what = format!("{method} {template} as {who:?}: {status}");
            if let Some(problem) = status_problem(&expected.answered, who, status) {
                failures.push(format!("{what}, {problem}"));
            }
            match markers.found_in(&body) {
                Some(marker) if !expected.may_see_a.contains(&who) => {
                    failures.push(format!("{what}: the body shows {marker:?}"));
                }
                Some(_) if expected.may_see_a.len() < EVERY_CALLER.len() => {
                    entitled_sightings += 1;
                }
                Some(_) => {}
                None => {}
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!("{entitled_sightings} entitled answers showed A's details");
    // The markers really appear where they should, so their absence elsewhere means something.
    assert!(
        entitled_sightings >= 8,
        "only {entitled_sightings} entitled answers showed A's details"
    );
}
