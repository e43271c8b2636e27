//! An officer's Victims' Code due list: events on their cases that the victim has not
//! been told about yet, soonest deadline first (`case_updates.vcop_deadline`, stored when
//! the event is recorded because SQL cannot count working days).

use crate::platform::db::{query, Db};
use shared::CalendarDate;

/// An officer's due list: events on their cases that the victim has not been told about
/// yet (`vcop_told_on` NULL) with a deadline on or before `$2`, soonest first. Pass a date
/// a few working days ahead to include deadlines that are near as well as past. The
/// officer's cases come from `cases_officer_id`, their untold events from the partial
/// index `case_updates_vcop_due`, which holds nothing else.
pub(crate) const DUE_LIST_SQL: &str =
    "SELECT u.id, c.crime_reference, u.vcop_event, u.event_date, u.vcop_deadline
     FROM case_updates u JOIN cases c ON c.id = u.case_id
     WHERE c.officer_id = $1 AND u.vcop_event IS NOT NULL AND u.vcop_told_on IS NULL
       AND u.vcop_deadline <= $2
     ORDER BY u.vcop_deadline, u.id
     LIMIT $3";

/// One line of an officer's due list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueEvent {
    pub update_id: String,
    pub crime_reference: String,
    /// A `VcopEvent` name.
    pub event: String,
    /// ISO dates.
    pub event_date: String,
    pub deadline: String,
}

/// The first `limit` untold events on `officer_id`'s cases due by `due_by`.
pub async fn due_for_officer(
    db: &Db,
    officer_id: &str,
    due_by: CalendarDate,
    limit: u32,
) -> sqlx::Result<Vec<DueEvent>> {
    let rows: Vec<(String, String, String, String, String)> = query(DUE_LIST_SQL)
        .bind(officer_id)
        .bind(due_by.to_string())
        .bind(i64::from(limit))
        .fetch_all(&mut db.conn())
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(update_id, crime_reference, event, event_date, deadline)| DueEvent {
                update_id,
                crime_reference,
                event,
                event_date,
                deadline,
            },
        )
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_due_list_shows_untold_events_by_deadline() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/due.db", dir.path().display());
        let db = crate::platform::db::connect(&url).await.unwrap();
        crate::demo::load_if_empty(
            &db,
            &crate::platform::data_key::DataKeys::generate().unwrap(),
            &crate::Clock::system(),
        )
        .await
        .unwrap();
        // The robbery case's officer, and its charge: recorded but not told, as if the
        // officer had logged it and not yet written to the victim.
        let (update_id, officer_id, deadline): (String, String, String) = query(
            "SELECT u.id, c.officer_id, u.vcop_deadline FROM case_updates u
             JOIN cases c ON c.id = u.case_id
             WHERE c.crime_reference = 'CR/100003/25' AND u.vcop_event = 'charged'",
        )
        .fetch_one(&mut db.conn())
        .await
        .unwrap();
        let due_by = |text: &str| CalendarDate::parse(text).unwrap();
        assert!(due_for_officer(&db, &officer_id, due_by("2099-01-01"), 10)
            .await
            .unwrap()
            .is_empty());
        query("UPDATE case_updates SET vcop_told_on = NULL WHERE id = $1")
            .bind(&update_id)
            .execute(&mut db.conn())
            .await
            .unwrap();
        let due = due_for_officer(&db, &officer_id, due_by(&deadline), 10)
            .await
            .unwrap();
        assert_eq!(due.len(), 1);
        assert_eq!(
            (due[0].update_id.as_str(), due[0].crime_reference.as_str()),
            (update_id.as_str(), "CR/100003/25")
        );
        let before = due_by(&deadline).add_days(-1);
        assert!(due_for_officer(&db, &officer_id, before, 10)
            .await
            .unwrap()
            .is_empty());
    }
}
