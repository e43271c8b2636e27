//! The rule for booking a call: a slot of `CALL_SLOT_MINUTES` that starts in the future
//! and fits wholly inside one of the windows the victim chose for this request AND inside
//! their current safe times (which may have narrowed since they asked). Plain functions,
//! so the tests need no database.

use shared::api::callbacks::CallbackWindow;
use shared::api::preferences::SafeTimeWindow;
use shared::api::staff_callbacks::{ScheduleCallback, CALL_SLOT_MINUTES};
use shared::contact::ClockTime;
use shared::CalendarDate;

use super::validate::inside_safe_times;
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;
use crate::platform::uk_time::{self, UkLocal};
use crate::preferences::summary::windows_phrase;

/// A slot that passed every check: UK date and times, and its Unix bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub window: CallbackWindow,
    pub starts: i64,
    pub ends: i64,
}

/// Checks `asked` against the request's `windows`, the victim's `safe_times` and `now`.
/// Field keys `date` and `start`, messages from `server.json` (`staff_callbacks.*`).
pub fn check_slot(
    asked: &ScheduleCallback,
    windows: &[CallbackWindow],
    safe_times: &[SafeTimeWindow],
    now: UkLocal,
) -> Result<Slot, FieldErrors> {
    let mut errors = FieldErrors::default();
    let date = CalendarDate::parse(&asked.date)
        .map_err(|e| errors.add("date", e))
        .ok();
    let start = ClockTime::parse(&asked.start)
        .map_err(|e| errors.add("start", e))
        .ok();
    let (Some(date), Some(start)) = (date, start) else {
        return Err(errors);
    };
    let end = ClockTime::from_minutes(start.minutes() + CALL_SLOT_MINUTES);
    let in_a_window = end.is_some_and(|end| {
        windows.iter().any(|window| {
            let bounds = (
                CalendarDate::parse(&window.date),
                ClockTime::parse(&window.start),
                ClockTime::parse(&window.end),
            );
            matches!(bounds, (Ok(d), Ok(from), Ok(to)) if d == date && from <= start && end <= to)
        })
    });
    let Some(end) = end.filter(|_| in_a_window) else {
        errors.add("start", Message::server("staff_callbacks.outside_windows"));
        return Err(errors);
    };
    if (date, start.minutes()) <= (now.date, now.minutes) {
        errors.add("start", Message::server("staff_callbacks.start_past"));
        return Err(errors);
    }
    if !inside_safe_times(safe_times, date, start, end) {
        errors.add(
            "start",
            Message::server("staff_callbacks.outside_safe_times")
                .with_per_lang("safe_times", |lang| windows_phrase(lang, safe_times)),
        );
        return Err(errors);
    }
    Ok(Slot {
        window: CallbackWindow {
            date: date.to_string(),
            start: start.to_string(),
            end: end.to_string(),
        },
        starts: uk_time::to_unix(date, start.minutes()),
        ends: uk_time::to_unix(date, end.minutes()),
    })
}

/// The booked slot in UK time, from its stored Unix bounds.
pub fn booked_window(starts: i64, ends: i64) -> Option<CallbackWindow> {
    let (from, to) = (uk_time::local(starts), uk_time::local(ends));
    let time = |minutes: u16| ClockTime::from_minutes(minutes).map(|t| t.to_string());
    Some(CallbackWindow {
        date: from.date.to_string(),
        start: time(from.minutes)?,
        end: time(to.minutes)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preferences::safe_times::office_hours;
    use shared::DayOfWeek;

    fn window(date: &str, start: &str, end: &str) -> CallbackWindow {
        CallbackWindow {
            date: date.into(),
            start: start.into(),
            end: end.into(),
        }
    }

    fn asked(date: &str, start: &str) -> ScheduleCallback {
        ScheduleCallback {
            date: date.into(),
            start: start.into(),
        }
    }

    /// Tuesday 10 March 2026, 08:00.
    fn now() -> UkLocal {
        UkLocal {
            date: CalendarDate::parse("2026-03-10").unwrap(),
            minutes: 8 * 60,
        }
    }

    fn refused(
        asked: &ScheduleCallback,
        windows: &[CallbackWindow],
        safe: &[SafeTimeWindow],
    ) -> bool {
        check_slot(asked, windows, safe, now()).is_err()
    }

    #[test]
    fn a_slot_must_fit_a_chosen_window() {
        let windows = [window("2026-03-11", "10:00", "12:00")];
        let slot = check_slot(
            &asked("2026-03-11", "10:30"),
            &windows,
            &office_hours(),
            now(),
        )
        .unwrap();
        assert_eq!(slot.window, window("2026-03-11", "10:30", "11:30"));
        assert_eq!(slot.ends - slot.starts, 3_600);
        assert!(
            refused(&asked("2026-03-11", "11:30"), &windows, &office_hours()),
            "overruns"
        );
        assert!(
            refused(&asked("2026-03-11", "09:30"), &windows, &office_hours()),
            "early"
        );
        assert!(
            refused(&asked("2026-03-12", "10:00"), &windows, &office_hours()),
            "other day"
        );
        assert!(refused(
            &asked("2026-03-11", "23:30"),
            &[window("2026-03-11", "23:00", "23:59")],
            &office_hours()
        ));
        assert!(refused(
            &asked("11 March", "10:00"),
            &windows,
            &office_hours()
        ));
    }

    #[test]
    fn a_slot_must_be_inside_the_current_safe_times_and_in_the_future() {
        let windows = [window("2026-03-11", "10:00", "12:00")];
        let mornings = [SafeTimeWindow {
            days: vec![DayOfWeek::Wednesday],
            start: "09:00".into(),
            end: "11:00".into(),
        }];
        assert!(check_slot(&asked("2026-03-11", "10:00"), &windows, &mornings, now()).is_ok());
        assert!(refused(&asked("2026-03-11", "10:30"), &windows, &mornings));
        let today = [window("2026-03-10", "07:00", "09:00")];
        assert!(refused(
            &asked("2026-03-10", "07:30"),
            &today,
            &office_hours()
        ));
    }

    #[test]
    fn the_booked_window_reads_in_uk_time() {
        // 10:00 BST on 2 June 2026 is 09:00 UTC.
        let starts = uk_time::to_unix(CalendarDate::parse("2026-06-02").unwrap(), 600);
        assert_eq!(
            booked_window(starts, starts + 3_600),
            Some(window("2026-06-02", "10:00", "11:00"))
        );
    }
}
