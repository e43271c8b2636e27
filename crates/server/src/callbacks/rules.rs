//! The rules of callback requests: how many may be open, how long and how far ahead a
//! window may be, and which dates can be booked.

use shared::working_days::is_working_day;
use shared::CalendarDate;

/// Open (requested or scheduled) requests a case may have at once.
pub const MAX_OPEN: u32 = 3;
/// Windows may be on this many working days from today (today counts if it is one).
pub const BOOKABLE_WORKING_DAYS: usize = 10;

/// `errors.json` keys of the 409s.
pub const TOO_MANY_OPEN: &str = "callbacks_too_many_open";
pub const ALREADY_CANCELLED: &str = "callback_already_cancelled";
pub const ALREADY_DONE: &str = "callback_already_done";

/// The next `BOOKABLE_WORKING_DAYS` working days, starting with `today` if it is one.
pub fn bookable_dates(today: CalendarDate) -> Vec<CalendarDate> {
    let mut dates = Vec::with_capacity(BOOKABLE_WORKING_DAYS);
    let mut day = today;
    while dates.len() < BOOKABLE_WORKING_DAYS {
        if is_working_day(day) {
            dates.push(day);
        }
        day = day.add_days(1);
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn bookable_dates_skip_weekends_and_bank_holidays() {
        let dates: Vec<String> = bookable_dates(date("2026-03-10"))
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(dates.first().map(String::as_str), Some("2026-03-10"));
        assert_eq!(dates.last().map(String::as_str), Some("2026-03-23"));
        // From Saturday 19 December 2026: Christmas and Boxing Day (moved to the 28th).
        let dates = bookable_dates(date("2026-12-19"));
        assert_eq!(dates[0], date("2026-12-21"));
        assert!(!dates.contains(&date("2026-12-25")) && !dates.contains(&date("2026-12-28")));
    }
}
