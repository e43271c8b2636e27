//! Victims' Code (VCOP) timing: how many working days we had to tell a victim about an
//! event, the deadline that gives, and whether the update that told them was late.

use shared::api::VcopTiming;
use shared::working_days::{add_working_days, is_working_day, working_days_between};
use shared::CalendarDate;

use crate::platform::stored::enum_from_text;

/// The event vocabulary, shared with the staff app. Stored in `case_updates.vcop_event`
/// by serde name (`platform::stored`); `Other` is stored as NULL (it has no deadline).
pub use shared::api::updates::VcopEvent;

/// Working days the 2020 Code allows (docs/domain.md): hearing dates and whether you must
/// give evidence 1 for everyone; a support service should contact you within 2;
/// everything else 5, or 1 with enhanced rights. The server reads deadlines from
/// `vcop_rules` (`cases::rules`); this is for data made without a database (the demo and
/// the seed) and for updates stored before deadlines were. `Other` has none: 0.
pub fn code_2020_working_days(event: VcopEvent, enhanced_rights: bool) -> u32 {
    match event {
        VcopEvent::Other => 0,
        VcopEvent::HearingDate | VcopEvent::MustGiveEvidence => 1,
        VcopEvent::SupportReferral => 2,
        _ if enhanced_rights => 1,
        _ => 5,
    }
}

/// The working day `count` working days before `told_on`, so that `told_on` is exactly
/// `count` working days after it; `told_on` itself when `count` is 0.
pub fn working_days_before(told_on: CalendarDate, count: u32) -> CalendarDate {
    let mut day = told_on;
    let mut left = count;
    while left > 0 {
        day = day.add_days(-1);
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// The day by which a victim must be told about an event on `event_date` when the Code
/// allows `working_days_allowed` (see `VcopEvent::working_days_allowed`).
pub fn deadline(event_date: CalendarDate, working_days_allowed: u32) -> CalendarDate {
    add_working_days(event_date, working_days_allowed)
}

/// How fast `told_on` was, for an event on `event_date`.
pub fn timing(
    event: VcopEvent,
    enhanced_rights: bool,
    event_date: CalendarDate,
    told_on: CalendarDate,
) -> VcopTiming {
    let allowed = code_2020_working_days(event, enhanced_rights);
    timing_by_deadline(event_date, deadline(event_date, allowed), told_on)
}

/// How fast `told_on` was, for an event on `event_date` that had to be told by
/// `deadline` (stored when the update was posted, by the rule then in force).
pub fn timing_by_deadline(
    event_date: CalendarDate,
    deadline: CalendarDate,
    told_on: CalendarDate,
) -> VcopTiming {
    let allowed = working_days_between(event_date, deadline);
    // On or before the deadline is never late, so skip counting (each day counted
    // works out that year's bank holidays, which showed in profiles of the case read).
    let late_by = if told_on <= deadline {
        0
    } else {
        working_days_between(deadline, told_on)
    };
    VcopTiming {
        event_date: event_date.to_string(),
        working_days_allowed: u32::try_from(allowed).unwrap_or(0),
        deadline: deadline.to_string(),
        told_on: told_on.to_string(),
        late_by_working_days: u32::try_from(late_by).unwrap_or(u32::MAX),
    }
}

/// A stored update's Victims' Code columns, as `CASE_SQL` reads them.
#[derive(Debug, Clone, Copy)]
pub struct StoredVcop<'a> {
    pub vcop_event: Option<&'a str>,
    pub event_date: Option<&'a str>,
    /// The deadline stored when the update was posted; older rows have none, and get the
    /// 2020 Code's.
    pub deadline: Option<&'a str>,
}

/// The timing for a stored update, or `None` when it is not a VCOP event or its columns
/// do not parse (logged, so bad data does not hide the update itself).
pub fn timing_for_row(
    update_id: &str,
    stored: StoredVcop<'_>,
    told_on: &str,
    enhanced_rights: bool,
) -> Option<VcopTiming> {
    let event = stored.vcop_event?;
    let parsed = (
        enum_from_text::<VcopEvent>(event).ok(),
        stored.event_date.map(CalendarDate::parse),
        stored.deadline.map(CalendarDate::parse).transpose(),
        CalendarDate::parse(told_on),
    );
    match parsed {
        (Some(_), Some(Ok(event_date)), Ok(Some(deadline)), Ok(told_on)) => {
            Some(timing_by_deadline(event_date, deadline, told_on))
        }
        (Some(event), Some(Ok(event_date)), Ok(None), Ok(told_on)) => {
            Some(timing(event, enhanced_rights, event_date, told_on))
        }
        _ => {
            tracing::warn!(
                update_id,
                "case update has an unreadable VCOP event or date"
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn events_are_counted_back_in_working_days() {
        let monday = date("2026-03-09");
        assert_eq!(working_days_before(monday, 0).to_string(), "2026-03-09");
        assert_eq!(working_days_before(monday, 1).to_string(), "2026-03-06");
        assert_eq!(working_days_before(monday, 7).to_string(), "2026-02-26");
        // Counted back from a Sunday, the Friday is the first working day.
        let sunday = date("2026-03-08");
        assert_eq!(working_days_before(sunday, 1).to_string(), "2026-03-06");
    }

    #[test]
    fn names_round_trip() {
        use crate::platform::stored::enum_text;
        for event in VcopEvent::CHOICES {
            let stored = enum_text(&event).unwrap();
            assert_eq!(enum_from_text::<VcopEvent>(&stored).unwrap(), event);
            // `name` (the staff app's keys and the rules table's) spells it the same.
            assert_eq!(stored, event.name());
            assert_eq!(VcopEvent::from_name(&stored), Some(event));
        }
        assert_eq!(enum_text(&VcopEvent::HearingDate).unwrap(), "hearing_date");
        assert!(enum_from_text::<VcopEvent>("nonsense").is_err());
    }

    #[test]
    fn days_allowed_follow_the_code() {
        let days = code_2020_working_days;
        assert_eq!(days(VcopEvent::Charged, false), 5);
        assert_eq!(days(VcopEvent::Charged, true), 1);
        assert_eq!(days(VcopEvent::HearingOutcome, false), 5);
        assert_eq!(days(VcopEvent::HearingDate, false), 1);
        assert_eq!(days(VcopEvent::MustGiveEvidence, false), 1);
        assert_eq!(days(VcopEvent::SupportReferral, false), 2);
        assert_eq!(days(VcopEvent::SupportReferral, true), 2);
    }

    #[test]
    fn told_the_same_day_is_on_time() {
        let t = timing(
            VcopEvent::Charged,
            true,
            date("2026-03-10"),
            date("2026-03-10"),
        );
        assert_eq!(t.deadline, "2026-03-11");
        assert_eq!(t.working_days_allowed, 1);
        assert_eq!(t.late_by_working_days, 0);
    }

    #[test]
    fn told_on_the_deadline_is_on_time_and_after_it_is_late() {
        // Charged Friday 6 March 2026: 5 working days ends Friday 13 March.
        let t = timing(
            VcopEvent::Charged,
            false,
            date("2026-03-06"),
            date("2026-03-13"),
        );
        assert_eq!(t.deadline, "2026-03-13");
        assert_eq!(t.late_by_working_days, 0);
        let t = timing(
            VcopEvent::Charged,
            false,
            date("2026-03-06"),
            date("2026-03-17"),
        );
        assert_eq!(t.late_by_working_days, 2);
        // A weekend after the deadline is not late by more.
        let t = timing(
            VcopEvent::Charged,
            false,
            date("2026-03-06"),
            date("2026-03-15"),
        );
        assert_eq!(t.late_by_working_days, 0);
    }

    #[test]
    fn enhanced_rights_deadline_skips_weekends_and_bank_holidays() {
        // Arrested Thursday 24 December 2026: next working day is Tuesday 29 December.
        let t = timing(
            VcopEvent::SuspectArrested,
            true,
            date("2026-12-24"),
            date("2026-12-30"),
        );
        assert_eq!(t.deadline, "2026-12-29");
        assert_eq!(t.late_by_working_days, 1);
    }

    #[test]
    fn unreadable_rows_give_no_timing() {
        let row = |vcop_event, event_date, deadline| {
            let stored = StoredVcop {
                vcop_event,
                event_date,
                deadline,
            };
            timing_for_row("u", stored, "2026-03-10", false)
        };
        assert!(row(None, None, None).is_none());
        assert!(row(Some("x"), Some("2026-03-10"), None).is_none());
        assert!(row(Some("bail"), Some("bad"), None).is_none());
        assert!(row(Some("bail"), Some("2026-03-10"), Some("bad")).is_none());
        assert!(row(Some("bail"), Some("2026-03-10"), None).is_some());
    }

    #[test]
    fn a_stored_deadline_wins_over_the_2020_code() {
        // Stored by a rule giving 3 working days: Tue 10 March to Fri 13 March 2026.
        let stored = StoredVcop {
            vcop_event: Some("charged"),
            event_date: Some("2026-03-10"),
            deadline: Some("2026-03-13"),
        };
        let t = timing_for_row("u", stored, "2026-03-16", false).unwrap();
        assert_eq!(t.working_days_allowed, 3);
        assert_eq!(t.deadline, "2026-03-13");
        assert_eq!(t.late_by_working_days, 1);
    }
}
