//! Posting updates against the Victims' Code: the deadline the server works out for every
//! event (standard and enhanced, across weekends and bank holidays), the checks on the
//! form, the victim seeing the update at once, how they were told, and the due list.

use reqwest::Response;
use serde_json::{json, Value};
use server::platform::db::query;
use server::platform::uk_time;
use shared::api::updates::{DueListView, DueStatus, StaffUpdateView, StaffUpdatesView, VcopEvent};
use shared::api::{CaseView, ErrorBody};
use shared::{CalendarDate, Lang};

use crate::builders::{BuiltCase, CaseSpec};
use crate::helpers::*;
use crate::staff::create_staff;

/// The phone built victims are texted on.
const BUILT_PHONE: &str = "+447700900999";

fn at_9am(date: &str) -> i64 {
    uk_time::to_unix(CalendarDate::parse(date).unwrap(), 9 * 60)
}

pub fn new_update(event: &str, event_date: &str) -> Value {
    json!({
        "event": event,
        "event_date": event_date,
        "title": "Charged",
        "what_happened": "The man was charged with theft.",
        "what_happens_next": "He will go to the magistrates' court.",
        "language": "en",
    })
}

fn updates_path(case: &BuiltCase) -> String {
    format!(
        "/api/staff{}/updates",
        case_path(&case.crime_reference).trim_start_matches("/api")
    )
}

async fn post(app: &TestApp, case: &BuiltCase, body: &Value) -> Response {
    app.post_json(&updates_path(case), body).await
}

async fn posted(app: &TestApp, case: &BuiltCase, body: &Value) -> StaffUpdateView {
    let response = post(app, case, body).await;
    assert_eq!(response.status(), 201);
    response.json().await.unwrap()
}

/// An app with the clock at 09:00 on `date` and a North officer signed in.
async fn officer_at(date: &str) -> TestApp {
    let app = spawn_app().await;
    app.clock.set_unix(at_9am(date));
    let officer = create_staff(
        &app,
        "north.updates",
        "officer",
        Some("demo-team-north"),
        None,
    )
    .await;
    app.staff_signed_in(&officer).await;
    app
}

async fn due(app: &TestApp, query: &str) -> DueListView {
    let response = app.get(&format!("/api/staff/due{query}")).await;
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

async fn told(app: &TestApp, update_id: &str) -> (Option<String>, Option<String>) {
    query("SELECT vcop_told_on, told_by FROM case_updates WHERE id = $1")
        .bind(update_id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap()
}

#[tokio::test]
async fn every_event_gets_its_codes_deadline_standard_and_enhanced_across_bank_holidays() {
    // Tuesday 7 April 2026; the events were on Thursday 2 April, before Good Friday (3rd)
    // and Easter Monday (6th).
    let app = officer_at("2026-04-07").await;
    for enhanced_rights in [false, true] {
        let case = app
            .create_case_with(CaseSpec {
                enhanced_rights,
                ..CaseSpec::default()
            })
            .await;
        for event in VcopEvent::ALL {
            let expected = match event {
                VcopEvent::HearingDate | VcopEvent::MustGiveEvidence => "2026-04-07",
                VcopEvent::SupportReferral => "2026-04-08",
                _ if enhanced_rights => "2026-04-07",
                _ => "2026-04-13",
            };
            let view = posted(&app, &case, &new_update(event.name(), "2026-04-02")).await;
            assert_eq!(view.event, event);
            assert_eq!(
                view.deadline.as_deref(),
                Some(expected),
                "{event:?} {enhanced_rights}"
            );
            assert_eq!((view.told_on, view.told_by), (None, None));
        }
        // Over a weekend: Friday 27 March + 5 working days is Friday 3 April... a bank
        // holiday, so Monday 6 April is one too: Tuesday 7 April.
        let view = posted(&app, &case, &new_update("bail", "2026-03-27")).await;
        let expected = if enhanced_rights {
            "2026-03-30"
        } else {
            "2026-04-07"
        };
        assert_eq!(view.deadline.as_deref(), Some(expected));
        let other = posted(&app, &case, &new_update("other", "2026-04-02")).await;
        assert_eq!((other.event, other.deadline), (VcopEvent::Other, None));
    }
}

#[tokio::test]
async fn a_new_code_in_the_rules_table_changes_deadlines_from_its_start() {
    let app = officer_at("2026-03-10").await;
    query(
        "INSERT INTO vcop_rules (code_version, effective_from, event, standard_working_days,
                                 enhanced_working_days)
         VALUES ('vcop-2026', '2026-03-09', 'charged', 3, 1)",
    )
    .execute(&mut app.db.conn())
    .await
    .unwrap();
    let case = app.create_case().await;
    // Monday 9 March, under the new rule: 3 working days.
    let new_rule = posted(&app, &case, &new_update("charged", "2026-03-09")).await;
    assert_eq!(new_rule.deadline.as_deref(), Some("2026-03-12"));
    // Friday 6 March, still the 2020 Code: 5 working days.
    let old_rule = posted(&app, &case, &new_update("charged", "2026-03-06")).await;
    assert_eq!(old_rule.deadline.as_deref(), Some("2026-03-13"));
}

#[tokio::test]
async fn posting_queues_a_message_records_the_audit_and_the_victim_sees_it_at_once() {
    let app = officer_at("2026-03-10").await;
    let case = app.create_case().await;
    let mut body = new_update("charged", "2026-03-09");
    body["language"] = json!("cy");
    body["title"] = json!("  Wedi'i gyhuddo  ");
    let view = posted(&app, &case, &body).await;
    assert_eq!(view.title, "Wedi'i gyhuddo");
    assert_eq!(view.language, Lang::Cy);
    assert_eq!(view.deadline.as_deref(), Some("2026-03-16"));

    let (kind, case_update_id): (String, Option<String>) =
        query("SELECT kind, case_update_id FROM outbox WHERE case_id = $1")
            .bind(&case.case_id)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(
        (kind.as_str(), case_update_id.as_deref()),
        ("case_update", Some(view.id.as_str()))
    );
    let (audits,): (i64,) = query(
        "SELECT COUNT(*) FROM audit_events WHERE case_id = $1 AND action = 'post_update'
           AND actor_kind = 'officer'",
    )
    .bind(&case.case_id)
    .fetch_one(&mut app.db.conn())
    .await
    .unwrap();
    assert_eq!(audits, 1);

    // The staff timeline shows it, not yet told.
    let list: StaffUpdatesView = app.get(&updates_path(&case)).await.json().await.unwrap();
    assert_eq!(list.updates[0].id, view.id);
    assert_eq!(
        (list.reported_on.as_str(), list.today.as_str()),
        ("2026-01-05", "2026-03-10")
    );

    // The victim, in another browser, sees it at once: opening the case tells them.
    let victim = app.new_client();
    app.sign_in_on(&victim, (&case.crime_reference, BUILT_PHONE))
        .await;
    let seen: CaseView = victim
        .get(app.url(&case_path(&case.crime_reference)))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let update = seen.updates.iter().find(|u| u.id == view.id).unwrap();
    assert_eq!(update.language, Lang::Cy);
    let vcop = update.vcop.as_ref().unwrap();
    assert_eq!(
        (vcop.deadline.as_str(), vcop.working_days_allowed),
        ("2026-03-16", 5)
    );
    assert_eq!(
        (vcop.told_on.as_str(), vcop.late_by_working_days),
        ("2026-03-10", 0)
    );
    assert_eq!(
        told(&app, &view.id).await,
        (Some("2026-03-10".into()), Some("portal".into()))
    );
}

#[tokio::test]
async fn bad_updates_get_field_errors() {
    let app = officer_at("2026-03-10").await;
    let case = app.create_case().await;
    let mut body = new_update("charged", "2026-03-11");
    body["title"] = json!("");
    body["what_happened"] = json!("x".repeat(2001));
    body["what_happens_next"] = json!("   ");
    let response = post(&app, &case, &body).await;
    assert_eq!(response.status(), 422);
    let error: ErrorBody = response.json().await.unwrap();
    let fields: Vec<&str> = error.errors.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        ["event_date", "title", "what_happened", "what_happens_next"]
    );
    assert!(error.errors["event_date"][0].contains("today or in the past"));
    // Before the case was reported (5 January 2026).
    let response = post(&app, &case, &new_update("charged", "2026-01-04")).await;
    let error: ErrorBody = response.json().await.unwrap();
    assert!(error.errors["event_date"][0].contains("2026-01-05"));
    // An event that is not one of ours is a malformed body.
    assert_eq!(
        post(&app, &case, &new_update("made_up", "2026-03-10"))
            .await
            .status(),
        422
    );
    let (count,): (i64,) = query("SELECT COUNT(*) FROM case_updates WHERE case_id = $1")
        .bind(&case.case_id)
        .fetch_one(&mut app.db.conn())
        .await
        .unwrap();
    assert_eq!(count, 0);
}

#[tokio::test]
async fn another_teams_case_is_not_found_and_victims_cannot_post() {
    let app = officer_at("2026-03-10").await;
    let south = app
        .create_case_with(CaseSpec {
            team: Some("demo-team-south"),
            ..CaseSpec::default()
        })
        .await;
    assert_eq!(
        post(&app, &south, &new_update("charged", "2026-03-10"))
            .await
            .status(),
        404
    );
    let told_path = format!("{}/nope/told", updates_path(&south));
    assert_eq!(
        app.post_json(&told_path, &json!({"method": "call"}))
            .await
            .status(),
        404
    );
    let victim = app.new_client();
    app.sign_in_on(&victim, (&south.crime_reference, BUILT_PHONE))
        .await;
    let as_victim = victim
        .post(app.url(&updates_path(&south)))
        .json(&new_update("charged", "2026-03-10"))
        .send()
        .await
        .unwrap();
    assert_eq!(as_victim.status(), 401);
}

#[tokio::test]
async fn an_officer_records_a_call_once_and_a_later_telling_changes_nothing() {
    let app = officer_at("2026-03-10").await;
    let case = app.create_case().await;
    let view = posted(&app, &case, &new_update("hearing_date", "2026-03-10")).await;
    let told_path = format!("{}/{}/told", updates_path(&case), view.id);
    let refused = app
        .post_json(&told_path, &json!({"method": "portal"}))
        .await;
    assert_eq!(refused.status(), 422);
    app.advance_clock(10);
    let marked: StaffUpdateView = app
        .post_json(&told_path, &json!({"method": "call"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(marked.told_on.as_deref(), Some("2026-03-10"));
    assert_eq!(
        marked.told_by,
        Some(shared::api::updates::TellingMethod::Call)
    );
    app.advance_clock(10);
    let again: StaffUpdateView = app
        .post_json(&told_path, &json!({"method": "visit"}))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (again.told_on, again.told_by),
        (marked.told_on, marked.told_by)
    );
    let (audits,): (i64,) =
        query("SELECT COUNT(*) FROM audit_events WHERE case_id = $1 AND action = 'mark_told'")
            .bind(&case.case_id)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(audits, 1, "only the telling that counted is recorded");
}

#[tokio::test]
async fn the_due_list_orders_words_and_pages_untold_events_and_drops_told_ones() {
    // Tuesday 10 March 2026.
    let app = officer_at("2026-03-10").await;
    let case = app.create_case().await;
    let enhanced = app
        .create_case_with(CaseSpec {
            enhanced_rights: true,
            ..CaseSpec::default()
        })
        .await;
    // Deadlines: Mon 9 (overdue by 1), Tue 10 (today), Wed 11 (tomorrow), Fri 13 (in 3).
    let overdue = posted(&app, &enhanced, &new_update("charged", "2026-03-06")).await;
    let today = posted(&app, &case, &new_update("hearing_date", "2026-03-09")).await;
    let tomorrow = posted(&app, &enhanced, &new_update("bail", "2026-03-10")).await;
    let later = posted(&app, &case, &new_update("charged", "2026-03-06")).await;
    posted(&app, &case, &new_update("other", "2026-03-06")).await;

    let list = due(&app, "").await;
    let mine: Vec<(&str, DueStatus, u32)> = list
        .items
        .iter()
        .filter(|item| {
            [&case, &enhanced]
                .iter()
                .any(|c| c.crime_reference == item.crime_reference)
        })
        .map(|item| (item.update_id.as_str(), item.status, item.working_days))
        .collect();
    assert_eq!(
        mine,
        [
            (overdue.id.as_str(), DueStatus::Overdue, 1),
            (today.id.as_str(), DueStatus::DueToday, 0),
            (tomorrow.id.as_str(), DueStatus::DueTomorrow, 1),
            (later.id.as_str(), DueStatus::DueLater, 3),
        ]
    );
    assert_eq!(list.today, "2026-03-10");

    // A page at a time, every event once, in the same order.
    let mut paged = Vec::new();
    let mut cursor = String::new();
    loop {
        let page = due(&app, &format!("?limit=2&after={cursor}")).await;
        assert!(page.items.len() <= 2);
        paged.extend(page.items.into_iter().map(|item| item.update_id));
        match page.next_cursor {
            Some(next) => cursor = next,
            None => break,
        }
    }
    let whole: Vec<String> = list
        .items
        .iter()
        .map(|item| item.update_id.clone())
        .collect();
    assert_eq!(paged, whole);

    // Officers have no unit list; bad values are field errors.
    for bad in ["?scope=unit", "?limit=0", "?after=nonsense"] {
        assert_eq!(
            app.get(&format!("/api/staff/due{bad}")).await.status(),
            422,
            "{bad}"
        );
    }

    // The victim opens the case: its events leave the list.
    let victim = app.new_client();
    app.sign_in_on(&victim, (&case.crime_reference, BUILT_PHONE))
        .await;
    let opened = victim
        .get(app.url(&case_path(&case.crime_reference)))
        .send()
        .await
        .unwrap();
    assert_eq!(opened.status(), 200);
    let left: Vec<String> = due(&app, "")
        .await
        .items
        .into_iter()
        .map(|i| i.update_id)
        .collect();
    assert!(!left.contains(&today.id) && !left.contains(&later.id));
    assert!(left.contains(&overdue.id) && left.contains(&tomorrow.id));
    assert_eq!(
        told(&app, &later.id).await,
        (Some("2026-03-10".into()), Some("portal".into()))
    );
}

#[tokio::test]
async fn a_supervisor_sees_the_units_due_list() {
    let app = officer_at("2026-03-10").await;
    let south = app
        .create_case_with(CaseSpec {
            team: Some("demo-team-south"),
            ..CaseSpec::default()
        })
        .await;
    let boss = create_staff(&app, "boss.updates", "supervisor", None, None).await;
    app.staff_signed_in(&boss).await;
    let view = posted(&app, &south, &new_update("charged", "2026-03-10")).await;
    let unit = due(&app, "?scope=unit").await;
    assert!(unit.items.iter().any(|item| item.update_id == view.id));
    assert_eq!(
        due(&app, "").await,
        unit,
        "a supervisor's list is the unit's by default"
    );
}

#[tokio::test]
async fn a_call_logged_about_an_update_tells_the_victim_but_no_answer_or_a_text_does_not() {
    let app = officer_at("2026-03-10").await;
    let case = app.create_case().await;
    let view = posted(&app, &case, &new_update("charged", "2026-03-10")).await;
    let contacts = format!(
        "/api/staff{}/contacts",
        case_path(&case.crime_reference).trim_start_matches("/api")
    );
    let log = |method: &str, outcome: &str| json!({ "method": method, "outcome": outcome, "case_update_id": view.id });
    // Unanswered, or a text (which counts only once delivered): not told.
    for body in [
        log("phone_call", "no_answer"),
        log("text_message", "spoke_to_victim"),
    ] {
        assert_eq!(app.post_json(&contacts, &body).await.status(), 201);
        assert_eq!(told(&app, &view.id).await, (None, None), "{body}");
    }
    let spoke = log("phone_call", "spoke_to_victim");
    assert_eq!(app.post_json(&contacts, &spoke).await.status(), 201);
    assert_eq!(
        told(&app, &view.id).await,
        (Some("2026-03-10".to_owned()), Some("call".to_owned()))
    );
    let (audits,): (i64,) =
        query("SELECT COUNT(*) FROM audit_events WHERE case_id = $1 AND action = 'mark_told'")
            .bind(&case.case_id)
            .fetch_one(&mut app.db.conn())
            .await
            .unwrap();
    assert_eq!(audits, 1);
}
