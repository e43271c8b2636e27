//! The Victims' Code's deadlines, read from `vcop_rules`: the rule in force on the day an
//! event happened decides how many working days the victim may wait to hear of it. A new
//! Code is new rows with a later `effective_from`; nothing here changes.

use shared::working_days::add_working_days;
use shared::CalendarDate;

use super::store;
use super::vcop::VcopEvent;
use crate::platform::db::Conn;

/// The day by which the victim must be told of an event, and the working days that gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadline {
    pub working_days: u32,
    pub date: CalendarDate,
}

/// The deadline for `event` on `event_date` by the rule in force that day, or `None`
/// when no rule covers it (`Other`, or a day before any Code in the table).
pub async fn deadline(
    conn: &mut Conn<'_>,
    event: VcopEvent,
    event_date: CalendarDate,
    enhanced_rights: bool,
) -> anyhow::Result<Option<Deadline>> {
    if event == VcopEvent::Other {
        return Ok(None);
    }
    let Some((standard, enhanced)) = store::rule(conn, event.name(), event_date).await? else {
        return Ok(None);
    };
    let days = if enhanced_rights { enhanced } else { standard };
    let working_days = u32::try_from(days)?;
    Ok(Some(Deadline {
        working_days,
        date: add_working_days(event_date, working_days),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::db::{connect, query, Db};

    async fn database() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rules.db", dir.path().display());
        let db = connect(&url).await.unwrap();
        (dir, db)
    }

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    async fn due(db: &Db, event: VcopEvent, on: &str, enhanced: bool) -> Option<String> {
        deadline(&mut db.conn(), event, date(on), enhanced)
            .await
            .unwrap()
            .map(|d| d.date.to_string())
    }

    /// Every event, standard and enhanced, from a Thursday: 5 working days cross a weekend,
    /// 2 land on the Monday, 1 on the Friday.
    #[tokio::test]
    async fn every_event_has_the_2020_codes_deadline() {
        let (_dir, db) = database().await;
        let thursday = "2026-03-05";
        for event in VcopEvent::ALL {
            let (standard, enhanced) = match event {
                VcopEvent::HearingDate | VcopEvent::MustGiveEvidence => {
                    ("2026-03-06", "2026-03-06")
                }
                VcopEvent::SupportReferral => ("2026-03-09", "2026-03-09"),
                _ => ("2026-03-12", "2026-03-06"),
            };
            assert_eq!(
                due(&db, event, thursday, false).await.as_deref(),
                Some(standard),
                "{event:?}"
            );
            assert_eq!(
                due(&db, event, thursday, true).await.as_deref(),
                Some(enhanced),
                "{event:?} enhanced"
            );
        }
        assert_eq!(due(&db, VcopEvent::Other, thursday, false).await, None);
    }

    /// Across bank holidays: Easter 2026 (Good Friday 3 April, Easter Monday 6 April) and
    /// Christmas (25 and 28 December 2026, Boxing Day falling on a Saturday).
    #[tokio::test]
    async fn deadlines_skip_bank_holidays() {
        let (_dir, db) = database().await;
        for event in VcopEvent::ALL {
            let (standard, enhanced) = match event {
                VcopEvent::HearingDate | VcopEvent::MustGiveEvidence => {
                    ("2026-04-07", "2026-04-07")
                }
                VcopEvent::SupportReferral => ("2026-04-08", "2026-04-08"),
                _ => ("2026-04-13", "2026-04-07"),
            };
            // Thursday 2 April 2026, before the Easter weekend.
            assert_eq!(
                due(&db, event, "2026-04-02", false).await.as_deref(),
                Some(standard),
                "{event:?}"
            );
            assert_eq!(
                due(&db, event, "2026-04-02", true).await.as_deref(),
                Some(enhanced),
                "{event:?}"
            );
        }
        // Christmas Eve 2026, a Thursday: the next working day is Tuesday 29 December.
        assert_eq!(
            due(&db, VcopEvent::HearingDate, "2026-12-24", false)
                .await
                .as_deref(),
            Some("2026-12-29")
        );
        assert_eq!(
            due(&db, VcopEvent::Charged, "2026-12-24", true)
                .await
                .as_deref(),
            Some("2026-12-29")
        );
        assert_eq!(
            due(&db, VcopEvent::Charged, "2026-12-24", false)
                .await
                .as_deref(),
            Some("2027-01-05")
        );
        // An event on a Saturday counts from the Monday after.
        assert_eq!(
            due(&db, VcopEvent::Bail, "2026-03-07", true)
                .await
                .as_deref(),
            Some("2026-03-09")
        );
    }

    /// A new Code is a new row: events from its start date get its deadline, earlier events
    /// keep the old one, with no change to the code.
    #[tokio::test]
    async fn a_new_rules_row_changes_the_deadline() {
        let (_dir, db) = database().await;
        query(
            "INSERT INTO vcop_rules (code_version, effective_from, event, standard_working_days,
                                     enhanced_working_days)
             VALUES ('vcop-2027', '2027-01-01', 'charged', 3, 1)",
        )
        .execute(&mut db.conn())
        .await
        .unwrap();
        // Monday 4 January 2027: 3 working days is Thursday 7 January.
        assert_eq!(
            due(&db, VcopEvent::Charged, "2027-01-04", false)
                .await
                .as_deref(),
            Some("2027-01-07")
        );
        assert_eq!(
            due(&db, VcopEvent::Charged, "2027-01-04", true)
                .await
                .as_deref(),
            Some("2027-01-05")
        );
        // Before it, the 2020 Code: Monday 7 December 2026 plus 5 is Monday 14 December.
        assert_eq!(
            due(&db, VcopEvent::Charged, "2026-12-07", false)
                .await
                .as_deref(),
            Some("2026-12-14")
        );
        // Other events are untouched.
        assert_eq!(
            due(&db, VcopEvent::Bail, "2027-01-04", false)
                .await
                .as_deref(),
            Some("2027-01-11")
        );
        // Before any Code in the table, no deadline.
        assert_eq!(
            due(&db, VcopEvent::Charged, "2020-01-06", false).await,
            None
        );
    }
}
