//! UK local time (Europe/London) without a time-zone database: GMT, or BST (UTC+1) from
//! 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
//! Callback windows and safe times are UK wall-clock times.

use shared::{CalendarDate, DayOfWeek};

/// A moment as UK wall-clock: the date and minutes after midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UkLocal {
    pub date: CalendarDate,
    pub minutes: u16,
}

fn last_sunday(year: i32, month: u8) -> CalendarDate {
    let mut day = CalendarDate::new(year, month, 31)
        .unwrap_or_else(|| CalendarDate::from_days_since_epoch(0));
    while day.day_of_week() != DayOfWeek::Sunday {
        day = day.add_days(-1);
    }
    day
}

/// Seconds UK time is ahead of UTC at `unix` (0 or 3,600).
pub fn offset_seconds(unix: i64) -> i64 {
    let utc_date = CalendarDate::from_days_since_epoch(unix.div_euclid(86_400));
    let year = utc_date.year();
    let starts = last_sunday(year, 3).days_since_epoch() * 86_400 + 3_600;
    let ends = last_sunday(year, 10).days_since_epoch() * 86_400 + 3_600;
    if (starts..ends).contains(&unix) {
        3_600
    } else {
        0
    }
}

/// UK wall-clock date and time at `unix`.
pub fn local(unix: i64) -> UkLocal {
    let local = unix + offset_seconds(unix);
    let minutes = u16::try_from(local.rem_euclid(86_400) / 60).unwrap_or(0);
    UkLocal {
        date: CalendarDate::from_days_since_epoch(local.div_euclid(86_400)),
        minutes,
    }
}

/// The moment UK wall-clock shows `minutes` after midnight on `date`. On the night the
/// clocks go back the hour between 01:00 and 02:00 happens twice: the first (BST) is
/// taken. On the night they go forward 01:00–01:59 never happens: the same wall-clock
/// figures read as GMT are taken, which UK time shows an hour later (never earlier than
/// asked, so a safe window is never opened early).
pub fn to_unix(date: CalendarDate, minutes: u16) -> i64 {
    let as_if_utc = date.days_since_epoch() * 86_400 + i64::from(minutes) * 60;
    [3_600, 0]
        .into_iter()
        .map(|offset| as_if_utc - offset)
        .find(|&unix| offset_seconds(unix) == as_if_utc - unix)
        .unwrap_or(as_if_utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix seconds for a UTC date and time.
    fn utc(date: &str, hours: i64, minutes: i64) -> i64 {
        CalendarDate::parse(date).unwrap().days_since_epoch() * 86_400
            + hours * 3_600
            + minutes * 60
    }

    fn shown(unix: i64) -> String {
        let l = local(unix);
        format!("{} {:02}:{:02}", l.date, l.minutes / 60, l.minutes % 60)
    }

    #[test]
    fn winter_is_gmt() {
        assert_eq!(shown(utc("2026-01-15", 12, 0)), "2026-01-15 12:00");
        assert_eq!(shown(utc("2026-12-31", 23, 59)), "2026-12-31 23:59");
    }

    #[test]
    fn summer_is_bst_and_can_change_the_date() {
        assert_eq!(shown(utc("2026-07-01", 8, 0)), "2026-07-01 09:00");
        assert_eq!(shown(utc("2026-07-01", 23, 30)), "2026-07-02 00:30");
    }

    #[test]
    fn clocks_go_forward_on_the_last_sunday_of_march() {
        // 29 March 2026: 00:59 UTC is 00:59 GMT; 01:00 UTC is 02:00 BST.
        assert_eq!(shown(utc("2026-03-29", 0, 59)), "2026-03-29 00:59");
        assert_eq!(shown(utc("2026-03-29", 1, 0)), "2026-03-29 02:00");
        // The Sunday before is still GMT.
        assert_eq!(shown(utc("2026-03-22", 12, 0)), "2026-03-22 12:00");
        // 2025: 30 March.
        assert_eq!(offset_seconds(utc("2025-03-30", 0, 59)), 0);
        assert_eq!(offset_seconds(utc("2025-03-30", 1, 0)), 3_600);
    }

    #[test]
    fn clocks_go_back_on_the_last_sunday_of_october() {
        // 25 October 2026: 00:59 UTC is 01:59 BST; 01:00 UTC is 01:00 GMT.
        assert_eq!(shown(utc("2026-10-25", 0, 59)), "2026-10-25 01:59");
        assert_eq!(shown(utc("2026-10-25", 1, 0)), "2026-10-25 01:00");
        assert_eq!(offset_seconds(utc("2026-10-18", 12, 0)), 3_600);
        // 2025: 26 October.
        assert_eq!(offset_seconds(utc("2025-10-26", 0, 59)), 3_600);
        assert_eq!(offset_seconds(utc("2025-10-26", 1, 0)), 0);
    }

    #[test]
    fn wall_clock_back_to_unix_in_both_seasons_and_on_the_change_nights() {
        let date = |text| CalendarDate::parse(text).unwrap();
        assert_eq!(
            to_unix(date("2026-01-15"), 12 * 60),
            utc("2026-01-15", 12, 0)
        );
        assert_eq!(to_unix(date("2026-07-01"), 9 * 60), utc("2026-07-01", 8, 0));
        for unix in [utc("2026-03-29", 3, 7), utc("2026-10-25", 12, 0)] {
            let l = local(unix);
            assert_eq!(to_unix(l.date, l.minutes), unix - unix.rem_euclid(60));
        }
        // 01:30 on 25 October 2026 happens twice: the first is 00:30 UTC (BST).
        assert_eq!(to_unix(date("2026-10-25"), 90), utc("2026-10-25", 0, 30));
        // 01:30 on 29 March 2026 never happens: 01:30 UTC, which is 02:30 BST.
        assert_eq!(to_unix(date("2026-03-29"), 90), utc("2026-03-29", 1, 30));
    }
}
