//! The demo officers' caseloads: 32 more cases for the North and South teams, on each
//! officer's own card or the team's only, with untold Victims' Code events due today,
//! tomorrow, overdue and upcoming, open callback requests and exactly one "I feel unsafe
//! now". Made from one table (`LINES`), dates counted in working days from today, so the
//! staff app's lists look like a working morning whatever day the demo starts. Loaded by
//! `run` with the demo's undelivered message, not by `load_if_empty`, so the API tests'
//! demo unit holds only the five demo cases.

use shared::api::callbacks::{CallbackReason, CallbackWindow, Urgency};
use shared::api::preferences::ChangedBy;
use shared::CalendarDate;

use crate::callbacks::{self, ValidRequest};
use crate::cases::vcop::{self, VcopEvent};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn, Db};
use crate::platform::sealed::VICTIMS_PHONE;
use crate::platform::stored::enum_text;
use crate::preferences;

/// Whose the case is: the team's demo officer (their own card), or the team only.
#[derive(Clone, Copy)]
enum Holder {
    NorthOfficer,
    NorthTeam,
    SouthOfficer,
    SouthTeam,
}

/// An open callback request, if any.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    No,
    Callback,
    Unsafe,
}

/// One case: who holds it, its stage, enhanced rights, the untold event's deadline in
/// working days from today (negative: overdue; `None`: nothing untold) and any callback.
type Line = (Holder, &'static str, bool, Option<i32>, Ask);

use Ask::{Callback, No, Unsafe};
use Holder::{NorthOfficer, NorthTeam, SouthOfficer, SouthTeam};

const LINES: [Line; 32] = [
    (NorthOfficer, "suspect_arrested", false, Some(0), No),
    (NorthOfficer, "interviewed", true, Some(0), Callback),
    (NorthOfficer, "released_on_bail", false, Some(1), No),
    (NorthOfficer, "charged", true, Some(-2), Unsafe),
    (NorthOfficer, "under_investigation", false, Some(3), No),
    (
        NorthOfficer,
        "released_under_investigation",
        false,
        Some(-1),
        Callback,
    ),
    (NorthOfficer, "first_hearing", false, Some(1), No),
    (NorthOfficer, "crime_recorded", false, None, No),
    (NorthOfficer, "trial_date_set", true, Some(5), No),
    (NorthOfficer, "suspect_identified", false, None, Callback),
    (NorthTeam, "charged", false, Some(0), No),
    (NorthTeam, "suspect_arrested", true, Some(-3), No),
    (NorthTeam, "under_investigation", false, Some(2), Callback),
    (NorthTeam, "no_further_action", false, None, No),
    (NorthTeam, "released_on_bail", false, Some(1), No),
    (NorthTeam, "sentence", false, None, No),
    (SouthOfficer, "interviewed", false, Some(0), No),
    (SouthOfficer, "suspect_arrested", false, Some(-1), Callback),
    (SouthOfficer, "charged", true, Some(1), No),
    (SouthOfficer, "under_investigation", false, Some(4), No),
    (SouthOfficer, "first_hearing", false, Some(0), No),
    (
        SouthOfficer,
        "released_under_investigation",
        true,
        Some(-4),
        No,
    ),
    (SouthOfficer, "crime_recorded", false, None, No),
    (SouthOfficer, "plea", false, Some(2), Callback),
    (SouthOfficer, "out_of_court_disposal", false, None, No),
    (SouthOfficer, "trial", false, Some(1), No),
    (SouthTeam, "suspect_identified", false, Some(0), No),
    (SouthTeam, "charged", false, Some(-1), No),
    (SouthTeam, "under_investigation", true, Some(1), Callback),
    (SouthTeam, "verdict", false, None, No),
    (SouthTeam, "released_on_bail", false, Some(3), No),
    (SouthTeam, "case_closed", false, None, No),
];

const CRIMES: [(&str, &str); 6] = [
    ("Burglary at your home", "burglary"),
    ("Theft of your car", "theft"),
    ("Assault in the street", "assault"),
    ("Criminal damage to your property", "criminal_damage"),
    ("Harassment by a neighbour", "harassment"),
    ("Fraud using your bank card", "fraud"),
];
const FIRST: [&str; 8] = [
    "Sam", "Chloe", "Rhys", "Amira", "Tom", "Grace", "Owain", "Leah",
];
const LAST: [&str; 5] = ["Hughes", "Patel", "Walsh", "Jenkins", "Adeyemi"];
/// The untold event of each case with one, in turn.
const EVENTS: [VcopEvent; 5] = [
    VcopEvent::SuspectArrested,
    VcopEvent::SuspectInterviewed,
    VcopEvent::Bail,
    VcopEvent::Charged,
    VcopEvent::ReleasedUnderInvestigation,
];

/// The demo cases whose officer cards belong to the demo officers (`staff.rs`).
const NORTH_CARD_CASE: &str = "CR/100001/25";
const SOUTH_CARD_CASE: &str = "CR/100004/25";

/// The first extra case's number: CR/300001/26 onwards.
const FIRST_NUMBER: usize = 300_001;

/// Adds the caseloads, in one transaction. Does nothing if the demo officers' cases are
/// missing.
pub async fn insert(db: &Db, keys: &DataKeys, today: CalendarDate, now: i64) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let conn = &mut tx.conn();
    let (Some(north), Some(south)) = (
        card_of(conn, NORTH_CARD_CASE).await?,
        card_of(conn, SOUTH_CARD_CASE).await?,
    ) else {
        return Ok(());
    };
    let north_team = team_card(conn, "PC Sam Price", now).await?;
    let south_team = team_card(conn, "PC Rhian Evans", now).await?;
    for (n, (holder, stage, enhanced, due, ask)) in LINES.into_iter().enumerate() {
        let (card, team) = match holder {
            NorthOfficer => (&north, "demo-team-north"),
            NorthTeam => (&north_team, "demo-team-north"),
            SouthOfficer => (&south, "demo-team-south"),
            SouthTeam => (&south_team, "demo-team-south"),
        };
        let case = Case {
            n,
            card,
            team,
            stage,
            enhanced,
        };
        let (case_id, victim_id) = insert_case(conn, keys, &case, now).await?;
        if let Some(due) = due {
            untold_event(
                conn,
                &case_id,
                EVENTS[n % EVENTS.len()],
                enhanced,
                due,
                today,
                now,
            )
            .await?;
        }
        if ask != No {
            callback(conn, keys, &case_id, &victim_id, ask, today, now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn card_of(conn: &mut Conn<'_>, reference: &str) -> sqlx::Result<Option<String>> {
    let found: Option<(String,)> = query("SELECT officer_id FROM cases WHERE crime_reference = $1")
        .bind(reference)
        .fetch_optional(conn)
        .await?;
    Ok(found.map(|(id,)| id))
}

/// An officer card no demo account holds: its cases are the team's only.
async fn team_card(conn: &mut Conn<'_>, name: &str, now: i64) -> sqlx::Result<String> {
    let id = new_id();
    query(
        "INSERT INTO officers (id, name, role, phone, phone_link, email, hours, created_at)
         VALUES ($1, $2, 'Victim care officer', '01632 960 150', '+441632960150',
                 'team.cases@example.org', 'Monday to Friday, 9am to 5pm', $3)",
    )
    .bind(&id)
    .bind(name)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(id)
}

struct Case<'a> {
    n: usize,
    card: &'a str,
    team: &'a str,
    stage: &'a str,
    enhanced: bool,
}

/// The victim (a text-message victim with a drama number) and the case; (case, victim).
async fn insert_case(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case: &Case<'_>,
    now: i64,
) -> anyhow::Result<(String, String)> {
    let (victim_id, case_id) = (new_id(), new_id());
    let name = format!(
        "{} {}",
        FIRST[case.n % FIRST.len()],
        LAST[case.n % LAST.len()]
    );
    let phone = format!("+447700900{:03}", 100 + case.n);
    query(
        "INSERT INTO victims (id, full_name, contact_method, phone, email, created_at)
         VALUES ($1, $2, 'text_message', $3, NULL, $4)",
    )
    .bind(&victim_id)
    .bind(name)
    .bind(keys.seal(VICTIMS_PHONE, &phone)?)
    .bind(now)
    .execute(conn)
    .await?;
    let (crime_type, category) = CRIMES[case.n % CRIMES.len()];
    query(
        "INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type,
                            crime_category, stage, enhanced_rights, reported_on, created_at,
                            team_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(&case_id)
    .bind(format!("CR/{}/26", FIRST_NUMBER + case.n))
    .bind(&victim_id)
    .bind(case.card)
    .bind(crime_type)
    .bind(category)
    .bind(case.stage)
    .bind(case.enhanced)
    .bind(CalendarDate::from_days_since_epoch(now.div_euclid(86_400) - 20).to_string())
    .bind(now)
    .bind(case.team)
    .execute(conn)
    .await?;
    preferences::store::ensure_initial(conn, keys, &victim_id, now).await?;
    Ok((case_id, victim_id))
}

/// An event the victim has not been told about, dated so its deadline is `due` working
/// days from today (an event is never in the future: at most its allowance away).
async fn untold_event(
    conn: &mut Conn<'_>,
    case_id: &str,
    event: VcopEvent,
    enhanced: bool,
    due: i32,
    today: CalendarDate,
    now: i64,
) -> anyhow::Result<()> {
    let allowed = vcop::code_2020_working_days(event, enhanced);
    let back = u32::try_from(i64::from(allowed) - i64::from(due)).unwrap_or(0);
    let event_date = vcop::working_days_before(today, back);
    let deadline = vcop::deadline(event_date, allowed);
    query(
        "INSERT INTO case_updates (id, case_id, update_date, title, what_happened,
                                   what_happens_next, vcop_event, event_date, vcop_deadline,
                                   created_at)
         VALUES ($1, $2, $3, 'We recorded a new event', 'Something happened in your case.',
                 'Your officer will tell you more.', $4, $3, $5, $6)",
    )
    .bind(new_id())
    .bind(case_id)
    .bind(event_date.to_string())
    .bind(enum_text(&event)?)
    .bind(deadline.to_string())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// An open callback request in the next working day's office hours.
async fn callback(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    victim_id: &str,
    ask: Ask,
    today: CalendarDate,
    now: i64,
) -> anyhow::Result<()> {
    let date = callbacks::bookable_dates(today)
        .into_iter()
        .nth(1)
        .unwrap_or(today);
    let unsafe_now = ask == Unsafe;
    let request = ValidRequest {
        reason: if unsafe_now {
            CallbackReason::FeelUnsafe
        } else {
            CallbackReason::CaseQuestion
        },
        details: None,
        urgency: if unsafe_now {
            Urgency::Urgent
        } else {
            Urgency::Routine
        },
        windows: vec![CallbackWindow {
            date: date.to_string(),
            start: "10:00".to_owned(),
            end: "12:00".to_owned(),
        }],
        phone: "+447700900199".to_owned(),
        phone_is_one_off: false,
    };
    callbacks::insert(
        conn,
        keys,
        case_id,
        &request,
        ChangedBy::Victim,
        victim_id,
        now,
    )
    .await?;
    Ok(())
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_what_the_demo_promises() {
        assert!(LINES.len() >= 30);
        assert_eq!(
            LINES.iter().filter(|l| l.4 == Unsafe).count(),
            1,
            "one unsafe-now request"
        );
        for due in [-1, 0, 1] {
            assert!(LINES.iter().any(|l| l.3 == Some(due)), "{due}");
        }
        assert!(LINES.iter().any(|l| l.3.is_some_and(|d| d > 1)), "upcoming");
        for (_, stage, ..) in LINES {
            assert!(crate::cases::stages::find(stage).is_some(), "{stage}");
        }
    }
}
