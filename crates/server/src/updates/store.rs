//! The SQL of posting updates, listing them for staff, and the due list.

use shared::api::updates::{StaffUpdateView, TellingMethod, VcopEvent};
use shared::{CalendarDate, Lang};

use crate::platform::db::{query, Conn};
use crate::platform::stored::{enum_from_text, enum_text};

/// What posting an update needs to know about its case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    pub enhanced_rights: bool,
    pub reported_on: String,
    /// The language the victim reads (`victims.language`).
    pub victim_language: Lang,
}

pub(crate) const CASE_FACTS_SQL: &str = "SELECT c.enhanced_rights, c.reported_on, v.language
     FROM cases c JOIN victims v ON v.id = c.victim_id WHERE c.id = $1";

pub async fn case_facts(conn: &mut Conn<'_>, case_id: &str) -> anyhow::Result<Option<CaseFacts>> {
    let row: Option<(bool, String, String)> = query(CASE_FACTS_SQL)
        .bind(case_id)
        .fetch_optional(conn)
        .await?;
    Ok(
        row.map(|(enhanced_rights, reported_on, language)| CaseFacts {
            enhanced_rights,
            reported_on,
            victim_language: Lang::from_tag(&language).unwrap_or_default(),
        }),
    )
}

/// An update to store; `deadline` from `cases::rules`.
pub struct NewRow<'a> {
    pub id: &'a str,
    pub case_id: &'a str,
    pub posted_on: CalendarDate,
    pub event: VcopEvent,
    pub event_date: CalendarDate,
    pub deadline: Option<CalendarDate>,
    pub title: &'a str,
    pub what_happened: &'a str,
    pub what_happens_next: &'a str,
    pub language: Lang,
    pub now: i64,
}

pub(crate) const INSERT_SQL: &str = "INSERT INTO case_updates
        (id, case_id, update_date, title, what_happened, what_happens_next, vcop_event,
         event_date, vcop_deadline, language, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

pub async fn insert(conn: &mut Conn<'_>, row: &NewRow<'_>) -> anyhow::Result<()> {
    // `Other` has no Code deadline and is stored as no event, so the due list and the
    // portal's telling (which look only at events) pass it by.
    let event = match row.event {
        VcopEvent::Other => None,
        event => Some(enum_text(&event)?),
    };
    query(INSERT_SQL)
        .bind(row.id)
        .bind(row.case_id)
        .bind(row.posted_on.to_string())
        .bind(row.title)
        .bind(row.what_happened)
        .bind(row.what_happens_next)
        .bind(event)
        .bind(row.event_date.to_string())
        .bind(row.deadline.map(|d| d.to_string()))
        .bind(row.language.tag())
        .bind(row.now)
        .execute(conn)
        .await?;
    Ok(())
}

/// The most updates the staff timeline shows.
pub const TIMELINE_LIMIT: i64 = 200;

/// A case's updates newest first, through `case_updates_case_timeline`.
pub(crate) const TIMELINE_SQL: &str =
    "SELECT id, update_date, vcop_event, event_date, vcop_deadline, title, what_happened,
            what_happens_next, language, vcop_told_on, told_by
     FROM case_updates WHERE case_id = $1
     ORDER BY update_date DESC, created_at DESC, id DESC LIMIT $2";

type TimelineRow = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

fn staff_view(row: TimelineRow) -> StaffUpdateView {
    let (id, date, event, event_date, deadline, title, happened, next, language, told_on, told_by) =
        row;
    StaffUpdateView {
        // An unreadable stored event shows as "other" rather than hiding the update.
        event: event
            .and_then(|name| enum_from_text(&name).ok())
            .unwrap_or(VcopEvent::Other),
        told_by: told_by.and_then(|name| enum_from_text::<TellingMethod>(&name).ok()),
        language: Lang::from_tag(&language).unwrap_or_default(),
        id,
        date,
        event_date,
        deadline,
        title,
        what_happened: happened,
        what_happens_next: next,
        told_on,
    }
}

pub async fn timeline(conn: &mut Conn<'_>, case_id: &str) -> anyhow::Result<Vec<StaffUpdateView>> {
    let rows: Vec<TimelineRow> = query(TIMELINE_SQL)
        .bind(case_id)
        .bind(TIMELINE_LIMIT)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(staff_view).collect())
}

/// One update of a case, if it has it.
pub async fn one(
    conn: &mut Conn<'_>,
    case_id: &str,
    update_id: &str,
) -> anyhow::Result<Option<StaffUpdateView>> {
    let row: Option<TimelineRow> = query(
        "SELECT id, update_date, vcop_event, event_date, vcop_deadline, title, what_happened,
                what_happens_next, language, vcop_told_on, told_by
         FROM case_updates WHERE id = $1 AND case_id = $2",
    )
    .bind(update_id)
    .bind(case_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(staff_view))
}

/// One untold event of the due list, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueRow {
    pub update_id: String,
    pub crime_reference: String,
    pub event: String,
    pub event_date: String,
    pub deadline: String,
}

/// The WHERE and ORDER of a due list page: untold events (the partial indexes hold only
/// these) after the cursor `($2 deadline, $3 id)`, soonest deadline first.
macro_rules! due_page {
    () => {
        " u.vcop_event IS NOT NULL AND u.vcop_told_on IS NULL
           AND (u.vcop_deadline > $2 OR (u.vcop_deadline = $2 AND u.id > $3))
         ORDER BY u.vcop_deadline, u.id
         LIMIT $4"
    };
}

/// `$1` staff id. The cases allocated to the account's officer card or team (the rules of
/// `CASE_ACCESS_SQL` for officers), found from the account outwards through
/// `cases_officer_id` and `cases_team_id`, each probing `case_updates_vcop_due`: an
/// officer's hundred or so cases, never the whole table.
pub(crate) const DUE_MINE_SQL: &str = concat!(
    "WITH me AS (SELECT officer_id, team_id FROM staff
                 WHERE id = $1 AND disabled_at IS NULL),
          mine AS (
            SELECT c.id FROM me JOIN cases c ON c.officer_id = me.officer_id
            UNION
            SELECT c.id FROM me JOIN cases c ON c.team_id = me.team_id)
     SELECT u.id, c.crime_reference, u.vcop_event, u.event_date, u.vcop_deadline
     FROM case_updates u JOIN cases c ON c.id = u.case_id
     WHERE u.case_id IN (SELECT id FROM mine) AND",
    due_page!()
);

/// `$1` staff id of a supervisor. Every case in a team of their unit (the supervisors'
/// rule of `CASE_ACCESS_SQL`): walks the unit-wide partial index
/// `case_updates_vcop_due_by_deadline` in deadline order and stops at a page, rather than
/// visiting each of the unit's cases. `CROSS JOIN` keeps SQLite's planner to that order
/// (PostgreSQL reads it as a plain join and plans by its statistics).
pub(crate) const DUE_UNIT_SQL: &str = concat!(
    "SELECT u.id, c.crime_reference, u.vcop_event, u.event_date, u.vcop_deadline
     FROM case_updates u CROSS JOIN cases c
     WHERE c.id = u.case_id
       AND c.team_id IN (SELECT t.id FROM staff s JOIN teams t ON t.unit_id = s.unit_id
                         WHERE s.id = $1 AND s.role = 'supervisor' AND s.disabled_at IS NULL)
       AND",
    due_page!()
);

/// A page of due events for `staff_id`: `unit` picks `DUE_UNIT_SQL`. `after` is the last
/// row of the previous page (`("", "")` for the first).
pub async fn due_page(
    conn: &mut Conn<'_>,
    staff_id: &str,
    unit: bool,
    after: (&str, &str),
    limit: i64,
) -> anyhow::Result<Vec<DueRow>> {
    let sql = if unit { DUE_UNIT_SQL } else { DUE_MINE_SQL };
    let rows: Vec<(String, String, String, String, String)> = query(sql)
        .bind(staff_id)
        .bind(after.0)
        .bind(after.1)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(update_id, crime_reference, event, event_date, deadline)| DueRow {
                update_id,
                crime_reference,
                event,
                event_date,
                deadline,
            },
        )
        .collect())
}
