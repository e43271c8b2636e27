//! Victims' Code timing on the case timeline: the deadline for each event we must tell a
//! victim about, and whether we met it.

use server::cases::vcop;
use server::platform::db::{self, query};
use server::Clock;
use shared::api::{CaseUpdateView, CaseView, VcopTiming};
use shared::CalendarDate;

use crate::helpers::{
    case_path, fresh_database_url, spawn_app, test_keys, EMAIL_VICTIM, ROBBERY_VICTIM, TUESDAY_8AM,
};

fn update<'a>(case: &'a CaseView, title: &str) -> &'a CaseUpdateView {
    case.updates
        .iter()
        .find(|u| u.title == title)
        .unwrap_or_else(|| panic!("no update {title:?}"))
}

fn timing<'a>(case: &'a CaseView, title: &str) -> &'a VcopTiming {
    update(case, title).vcop.as_ref().expect("VCOP timing")
}

#[tokio::test]
async fn standard_rights_show_on_time_and_late_updates() {
    let app = spawn_app().await;
    app.sign_in(ROBBERY_VICTIM).await;
    let case: CaseView = app
        .get(&case_path(ROBBERY_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case.crime_category, "robbery");
    assert!(!case.enhanced_rights);

    let charged = timing(&case, "The suspect was charged");
    assert_eq!(charged.working_days_allowed, 5);
    assert_eq!(charged.late_by_working_days, 2);
    assert_eq!(
        charged.told_on,
        update(&case, "The suspect was charged").date
    );
    assert!(charged.event_date < charged.deadline && charged.deadline < charged.told_on);

    // A hearing date must be told within 1 working day, whatever the victim's rights.
    let trial = timing(&case, "The trial date is set");
    assert_eq!(trial.working_days_allowed, 1);
    assert_eq!(trial.late_by_working_days, 0);
    assert_eq!(trial.event_date, trial.told_on);

    let hearing = timing(&case, "First hearing at the magistrates' court");
    assert_eq!(hearing.working_days_allowed, 5);
    assert_eq!(hearing.late_by_working_days, 0);

    assert!(update(&case, "We recorded the crime").vcop.is_none());
}

/// The demo describes the same lateness whatever day it is loaded on: a run on
/// 2026-12-03 found the charge told on a Saturday, 1 working day late instead of 2.
#[tokio::test]
async fn the_demo_has_the_same_lateness_on_every_weekday() {
    const DAY: i64 = 86_400;
    for days_after_tuesday in 0..7 {
        let dir = tempfile::tempdir().expect("temp dir");
        let database = db::connect(&fresh_database_url(&dir).await)
            .await
            .expect("database");
        let clock = Clock::system();
        clock.stop_at(TUESDAY_8AM + days_after_tuesday * DAY);
        server::demo::load_if_empty(&database, &test_keys(), &clock)
            .await
            .expect("demo data");
        let rows: Vec<(String, String, String)> = query(
            "SELECT event_date, vcop_deadline, update_date FROM case_updates WHERE title = $1",
        )
        .bind("The suspect was charged")
        .fetch_all(&mut database.conn())
        .await
        .expect("the charge update");
        let [(event_date, deadline, told_on)] = rows.as_slice() else {
            panic!("one charge update in the demo, found {}", rows.len());
        };
        let date = |text: &str| CalendarDate::parse(text).expect("a stored date");
        let timing = vcop::timing_by_deadline(date(event_date), date(deadline), date(told_on));
        assert_eq!(
            (timing.working_days_allowed, timing.late_by_working_days),
            (5, 2),
            "loaded {days_after_tuesday} days after a Tuesday: {timing:?}"
        );
    }
}

#[tokio::test]
async fn enhanced_rights_get_1_working_day() {
    let app = spawn_app().await;
    app.sign_in(EMAIL_VICTIM).await;
    let case: CaseView = app
        .get(&case_path(EMAIL_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(case.crime_category, "domestic_abuse");
    for title in [
        "The suspect was arrested",
        "The suspect was interviewed",
        "The suspect was released on bail",
    ] {
        let t = timing(&case, title);
        assert_eq!(t.working_days_allowed, 1, "{title}");
        assert_eq!(t.late_by_working_days, 0, "{title}");
    }
}

#[tokio::test]
async fn the_json_names_the_timing_fields() {
    let app = spawn_app().await;
    app.sign_in(ROBBERY_VICTIM).await;
    let case: serde_json::Value = app
        .get(&case_path(ROBBERY_VICTIM.0))
        .await
        .json()
        .await
        .unwrap();
    let updates = case["updates"].as_array().unwrap();
    let charged = updates
        .iter()
        .find(|u| u["title"] == "The suspect was charged")
        .unwrap();
    for field in [
        "event_date",
        "working_days_allowed",
        "deadline",
        "told_on",
        "late_by_working_days",
    ] {
        assert!(charged["vcop"].get(field).is_some(), "{field}");
    }
    let recorded = updates
        .iter()
        .find(|u| u["title"] == "We recorded the crime")
        .unwrap();
    assert!(recorded["vcop"].is_null());
}
