//! Demo mode: with `--demo` and an empty database, load the demo cases
//! (`demo_content.rs`) in one transaction, with dates relative to today.

pub mod caseloads;
pub mod content;
pub mod fresh_case;
pub mod messages;
pub mod staff;

use shared::working_days::is_working_day;
use shared::CalendarDate;
use time::{Date, Duration, Weekday};

use crate::cases::vcop;
use crate::demo::content::{DemoCase, DemoVcop, CASES};
use crate::platform::clock::Clock;
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, query, Conn, Db};
use crate::platform::sealed::{VICTIMS_EMAIL, VICTIMS_PHONE};
use crate::platform::stored::enum_text;
use crate::preferences;

/// What was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loaded {
    pub cases: usize,
    pub updates: usize,
}

/// Loads the demo cases if the database has no cases. `None` when it already had some.
/// Servers starting together on one database take turns, so only the first loads.
pub async fn load_if_empty(
    db: &Db,
    keys: &DataKeys,
    clock: &Clock,
) -> anyhow::Result<Option<Loaded>> {
    let mut tx = db.begin_write().await?;
    db::serialise(&mut tx.conn(), "demo data").await?;
    let (existing,): (i64,) = query("SELECT COUNT(*) FROM cases")
        .fetch_one(&mut tx.conn())
        .await?;
    if existing > 0 {
        tx.commit().await?;
        tracing::info!(
            existing,
            "demo data not loaded: the database already has cases"
        );
        return Ok(None);
    }
    let mut loaded = Loaded {
        cases: 0,
        updates: 0,
    };
    for case in CASES {
        loaded.updates += insert_case(&mut tx.conn(), keys, case, clock).await?;
        loaded.cases += 1;
    }
    staff::insert(&mut tx.conn(), keys, clock.unix()).await?;
    tx.commit().await?;
    tracing::info!(
        cases = loaded.cases,
        updates = loaded.updates,
        "demo data loaded"
    );
    Ok(Some(loaded))
}

async fn insert_case(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case: &DemoCase,
    clock: &Clock,
) -> anyhow::Result<usize> {
    let now = clock.unix();
    let today = clock.today();
    let victim_id = new_id();
    query(
        "INSERT INTO victims (id, full_name, contact_method, phone, email, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&victim_id)
    .bind(case.victim.name)
    .bind(enum_text(&case.victim.contact_method)?)
    .bind(keys.seal_optional(VICTIMS_PHONE, case.victim.phone)?)
    .bind(keys.seal_optional(VICTIMS_EMAIL, case.victim.email)?)
    .bind(now)
    .execute(conn)
    .await?;

    let officer = &case.officer;
    let officer_id = new_id();
    query(
        "INSERT INTO officers (id, name, role, phone, phone_link, email, hours, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&officer_id)
    .bind(officer.name)
    .bind(officer.role)
    .bind(officer.phone)
    .bind(officer.phone_link)
    .bind(officer.email)
    .bind(officer.hours)
    .bind(now)
    .execute(conn)
    .await?;

    let case_id = new_id();
    query(
        "INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type, crime_category,
                            stage, enhanced_rights, reported_on, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(&case_id)
    .bind(case.crime_reference)
    .bind(&victim_id)
    .bind(&officer_id)
    .bind(case.crime_type)
    .bind(case.crime_category)
    .bind(case.stage)
    .bind(case.enhanced_rights)
    .bind((today - Duration::days(case.reported_days_ago)).to_string())
    .bind(now)
    .execute(conn)
    .await?;

    for (order, update) in case.updates.iter().enumerate() {
        let mut told_on = today - Duration::days(update.days_ago);
        let vcop = match &update.vcop {
            Some(vcop) => {
                // An officer tells a victim on a working day: counted back from a weekend,
                // the Friday would already be a working day before it, and the lateness the
                // demo (and its tests) describe would change with the weekday of today.
                told_on = working_day_on_or_before(told_on)?;
                Some(stored_vcop(vcop, case.enhanced_rights, told_on)?)
            }
            None => None,
        };
        query(
            "INSERT INTO case_updates (id, case_id, update_date, title, what_happened,
                                       what_happens_next, vcop_event, event_date,
                                       vcop_deadline, vcop_told_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $3, $10)",
        )
        .bind(new_id())
        .bind(&case_id)
        .bind(told_on.to_string())
        .bind(update.title)
        .bind(fill_dates(update.what_happened, today))
        .bind(fill_dates(update.what_happens_next, today))
        .bind(vcop.as_ref().map(|stored| stored.event.clone()))
        .bind(vcop.as_ref().map(|stored| stored.event_date.clone()))
        .bind(vcop.as_ref().map(|stored| stored.deadline.clone()))
        // Later entries on the same day sort as newer.
        .bind(now - 86_400 * update.days_ago + i64::try_from(order).unwrap_or(0))
        .execute(conn)
        .await?;
    }
    preferences::store::ensure_initial(conn, keys, &victim_id, now).await?;
    Ok(case.updates.len())
}

/// The VCOP columns of an update told on `told_on`.
struct StoredVcop {
    event: String,
    event_date: String,
    deadline: String,
}

fn stored_vcop(
    vcop: &DemoVcop,
    enhanced_rights: bool,
    told_on: Date,
) -> anyhow::Result<StoredVcop> {
    let told_on = calendar_date(told_on)?;
    let event_date = vcop::working_days_before(told_on, vcop.working_days_before);
    let timing = vcop::timing(vcop.event, enhanced_rights, event_date, told_on);
    Ok(StoredVcop {
        event: enum_text(&vcop.event)?,
        event_date: timing.event_date,
        deadline: timing.deadline,
    })
}

/// `date` if it is a working day in England and Wales, else the last one before it.
fn working_day_on_or_before(date: Date) -> anyhow::Result<Date> {
    let mut day = date;
    while !is_working_day(calendar_date(day)?) {
        day -= Duration::days(1);
    }
    Ok(day)
}

fn calendar_date(date: Date) -> anyhow::Result<CalendarDate> {
    CalendarDate::new(date.year(), u8::from(date.month()), date.day())
        .ok_or_else(|| anyhow::anyhow!("{date} is out of range"))
}

fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Replaces each `{date+N}` with the first weekday on or after today + N days, written
/// like "Tuesday 3 March 2026".
fn fill_dates(text: &str, today: Date) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("{date+") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "{date+".len()..];
        match after
            .find('}')
            .and_then(|end| Some((after[..end].parse::<i64>().ok()?, end)))
        {
            Some((days, end)) => {
                out.push_str(&long_date(weekday_on_or_after(
                    today + Duration::days(days),
                )));
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("{date+");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn weekday_on_or_after(date: Date) -> Date {
    match date.weekday() {
        Weekday::Saturday => date + Duration::days(2),
        Weekday::Sunday => date + Duration::days(1),
        _ => date,
    }
}

fn long_date(date: Date) -> String {
    format!(
        "{} {} {} {}",
        date.weekday(),
        date.day(),
        date.month(),
        date.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::Month;

    #[test]
    fn fills_dates_on_weekdays() {
        let friday = Date::from_calendar_date(2026, Month::January, 2).unwrap();
        assert_eq!(
            fill_dates("On {date+1}.", friday),
            "On Monday 5 January 2026."
        );
        assert_eq!(
            fill_dates("On {date+0}", friday),
            "On Friday 2 January 2026"
        );
        assert_eq!(fill_dates("no dates {date+x}", friday), "no dates {date+x}");
    }

    #[test]
    fn demo_cases_are_well_formed() {
        for case in CASES {
            assert!(shared::CrimeReference::parse(case.crime_reference).is_ok());
            assert!(
                crate::cases::stages::find(case.stage).is_some(),
                "{}",
                case.stage
            );
            assert!(!case.updates.is_empty());
            let phone = case.victim.phone.unwrap_or("+447700900");
            assert!(
                phone.starts_with("+447700900"),
                "not a drama number: {phone}"
            );
            assert!(case
                .victim
                .email
                .is_none_or(|e| e.ends_with("@example.org")));
            assert!(case.officer.phone_link.starts_with("+441632960"));
        }
    }
}
