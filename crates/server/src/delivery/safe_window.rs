//! When a held message may leave: inside one of the victim's safe times (days and hours,
//! UK wall-clock), or office hours when they gave none.
//!
//! Bank holidays in England and Wales count as Sundays: people who are out at work on
//! weekdays are often at home, with whoever they need to keep the messages from, on a
//! bank holiday, so a weekday window does not open then, and a window the victim gave for
//! Sundays does.

use shared::api::preferences::SafeTimeWindow;
use shared::contact::ClockTime;
use shared::working_days::is_bank_holiday;
use shared::{CalendarDate, DayOfWeek};

use crate::platform::uk_time;
use crate::preferences::safe_times::office_hours;

/// How far ahead a window is looked for. Every valid window recurs weekly, and a run of
/// bank holidays is never longer than a week, so two weeks always finds one.
const LOOK_AHEAD_DAYS: i64 = 14;

/// A window with its times parsed.
struct Window {
    days: Vec<DayOfWeek>,
    start: u16,
    end: u16,
}

fn parsed(windows: &[SafeTimeWindow]) -> Vec<Window> {
    windows
        .iter()
        .filter_map(|window| {
            let start = ClockTime::parse(&window.start).ok()?.minutes();
            let end = ClockTime::parse(&window.end).ok()?.minutes();
            (end > start && !window.days.is_empty()).then(|| Window {
                days: window.days.clone(),
                start,
                end,
            })
        })
        .collect()
}

/// The day of the week `date` counts as: a bank holiday is a Sunday.
pub fn counts_as(date: CalendarDate) -> DayOfWeek {
    if is_bank_holiday(date) {
        DayOfWeek::Sunday
    } else {
        date.day_of_week()
    }
}

/// The first moment at or after `now` inside one of `windows` (office hours when none is
/// given or none can be read): `now` itself when a window is open.
pub fn next_safe_moment(windows: &[SafeTimeWindow], now: i64) -> i64 {
    let mut usable = parsed(windows);
    if usable.is_empty() {
        usable = parsed(&office_hours());
    }
    let today = uk_time::local(now).date;
    for ahead in 0..=LOOK_AHEAD_DAYS {
        let date = today.add_days(ahead);
        let day = counts_as(date);
        let earliest = usable
            .iter()
            .filter(|window| window.days.contains(&day))
            .filter_map(|window| {
                let start = uk_time::to_unix(date, window.start);
                let end = uk_time::to_unix(date, window.end);
                (now < end).then_some(start.max(now))
            })
            .min();
        if let Some(moment) = earliest {
            return moment;
        }
    }
    // Unreachable for a parsed window; a day later, checked again then.
    now + 86_400
}

#[cfg(test)]
mod tests {
    use super::*;
    use DayOfWeek::*;

    fn weekdays(start: &str, end: &str) -> Vec<SafeTimeWindow> {
        vec![SafeTimeWindow {
            days: vec![Monday, Tuesday, Wednesday, Thursday, Friday],
            start: start.into(),
            end: end.into(),
        }]
    }

    /// Unix seconds for a UK wall-clock date and time.
    fn uk(date: &str, hours: u16, minutes: u16) -> i64 {
        uk_time::to_unix(CalendarDate::parse(date).unwrap(), hours * 60 + minutes)
    }

    #[test]
    fn inside_a_window_is_now_and_outside_is_the_next_start() {
        let safe = weekdays("09:00", "12:00");
        // Tuesday 10 March 2026 (GMT).
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-10", 10, 0)),
            uk("2026-03-10", 10, 0)
        );
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-10", 8, 0)),
            uk("2026-03-10", 9, 0)
        );
        // At the end minute the window has closed: Wednesday 09:00.
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-10", 12, 0)),
            uk("2026-03-11", 9, 0)
        );
    }

    #[test]
    fn friday_night_waits_for_monday_in_winter_and_summer() {
        let safe = weekdays("09:00", "12:00");
        // GMT: Friday 13 March 2026 23:00 → Monday 16 March 09:00.
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-13", 23, 0)),
            uk("2026-03-16", 9, 0)
        );
        // BST: Friday 12 June 2026 23:00 → Monday 15 June 09:00 BST (08:00 UTC).
        let monday = next_safe_moment(&safe, uk("2026-06-12", 23, 0));
        assert_eq!(monday, uk("2026-06-15", 9, 0));
        assert_eq!(uk_time::local(monday).minutes, 9 * 60);
    }

    #[test]
    fn a_bank_holiday_counts_as_a_sunday() {
        let safe = weekdays("09:00", "12:00");
        // Friday 1 May 2026 23:00; Monday 4 May is the early May bank holiday.
        assert_eq!(
            next_safe_moment(&safe, uk("2026-05-01", 23, 0)),
            uk("2026-05-05", 9, 0)
        );
        let sundays = vec![SafeTimeWindow {
            days: vec![Sunday],
            start: "14:00".into(),
            end: "15:00".into(),
        }];
        // Saturday 2 May after 15:00: the Sunday window, then the bank holiday's.
        assert_eq!(
            next_safe_moment(&sundays, uk("2026-05-03", 16, 0)),
            uk("2026-05-04", 14, 0)
        );
        assert_eq!(
            counts_as(CalendarDate::parse("2026-12-25").unwrap()),
            Sunday
        );
    }

    #[test]
    fn no_safe_times_means_office_hours() {
        // Saturday 14 March 2026 → Monday 09:00.
        assert_eq!(
            next_safe_moment(&[], uk("2026-03-14", 11, 0)),
            uk("2026-03-16", 9, 0)
        );
    }

    #[test]
    fn the_earliest_of_several_windows_that_day_is_taken() {
        let mut safe = weekdays("15:00", "16:00");
        safe.extend(weekdays("09:30", "10:00"));
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-10", 7, 0)),
            uk("2026-03-10", 9, 30)
        );
        assert_eq!(
            next_safe_moment(&safe, uk("2026-03-10", 11, 0)),
            uk("2026-03-10", 15, 0)
        );
    }
}
