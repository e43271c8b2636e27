//! Working days in England and Wales: weekdays that are not bank holidays. The Victims'
//! Code counts its deadlines in these ("within 1 working day", "within 5 working days").
//!
//! Bank holidays follow the standing rules (New Year's Day, Good Friday, Easter Monday, the
//! early May, spring and summer bank holidays, Christmas Day and Boxing Day, with
//! substitute days when one falls at a weekend), plus one-off changes proclaimed for a
//! particular year, listed in `ONE_OFF_CHANGES`.

use crate::date::{CalendarDate, DayOfWeek};

/// (year, month, day).
type Ymd = (i32, u8, u8);

/// Proclaimed changes to the standing rules: (moved from, moved to) or an extra day (None,
/// day). Only years this service can show are listed.
const ONE_OFF_CHANGES: &[(Option<Ymd>, Ymd)] = &[
    // 2020: early May bank holiday moved to Friday 8 May (VE Day 75).
    (Some((2020, 5, 4)), (2020, 5, 8)),
    // 2022: spring bank holiday moved to 2 June, extra day 3 June (Platinum Jubilee);
    // state funeral of Queen Elizabeth II on 19 September.
    (Some((2022, 5, 30)), (2022, 6, 2)),
    (None, (2022, 6, 3)),
    (None, (2022, 9, 19)),
    // 2023: coronation of King Charles III.
    (None, (2023, 5, 8)),
];

/// Easter Sunday (Gregorian), by the anonymous Gregorian ("Meeus/Jones/Butcher") algorithm.
fn easter_sunday(year: i32) -> CalendarDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    CalendarDate::new(year, month as u8, day as u8).unwrap_or_else(|| unreachable_date(year))
}

/// The algorithms above only produce real dates; this keeps them total without `unwrap`.
fn unreachable_date(year: i32) -> CalendarDate {
    CalendarDate::new(year, 1, 1).unwrap_or(CalendarDate::from_days_since_epoch(0))
}

fn ymd(year: i32, month: u8, day: u8) -> CalendarDate {
    CalendarDate::new(year, month, day).unwrap_or_else(|| unreachable_date(year))
}

/// The first Monday on or after `date`.
fn monday_on_or_after(date: CalendarDate) -> CalendarDate {
    let mut day = date;
    while day.day_of_week() != DayOfWeek::Monday {
        day = day.add_days(1);
    }
    day
}

/// The last Monday on or before `date`.
fn monday_on_or_before(date: CalendarDate) -> CalendarDate {
    let mut day = date;
    while day.day_of_week() != DayOfWeek::Monday {
        day = day.add_days(-1);
    }
    day
}

/// Every England and Wales bank holiday in `year`, in date order.
pub fn bank_holidays(year: i32) -> Vec<CalendarDate> {
    let easter = easter_sunday(year);
    let mut days = vec![
        easter.add_days(-2),
        easter.add_days(1),
        monday_on_or_after(ymd(year, 5, 1)),
        monday_on_or_before(ymd(year, 5, 31)),
        monday_on_or_before(ymd(year, 8, 31)),
    ];
    // New Year's Day: the next Monday if it falls at a weekend.
    let new_year = ymd(year, 1, 1);
    days.push(if new_year.day_of_week().is_weekend() {
        monday_on_or_after(new_year)
    } else {
        new_year
    });
    // Christmas and Boxing Day: substitutes on the next weekdays that are free.
    let christmas = ymd(year, 12, 25);
    let (christmas_day, boxing_day) = match christmas.day_of_week() {
        DayOfWeek::Friday => (christmas, christmas.add_days(3)),
        DayOfWeek::Saturday => (christmas.add_days(2), christmas.add_days(3)),
        DayOfWeek::Sunday => (christmas.add_days(2), christmas.add_days(1)),
        _ => (christmas, christmas.add_days(1)),
    };
    days.extend([christmas_day, boxing_day]);
    for (moved_from, moved_to) in ONE_OFF_CHANGES {
        if let Some((y, m, d)) = moved_from {
            days.retain(|day| *day != ymd(*y, *m, *d));
        }
        if moved_to.0 == year {
            days.push(ymd(moved_to.0, moved_to.1, moved_to.2));
        }
    }
    days.sort();
    days.dedup();
    days
}

pub fn is_bank_holiday(date: CalendarDate) -> bool {
    bank_holidays(date.year()).contains(&date)
}

pub fn is_working_day(date: CalendarDate) -> bool {
    !date.day_of_week().is_weekend() && !is_bank_holiday(date)
}

/// Working-day checks for a run of days: each year's bank holidays are worked out once,
/// not once per day (every case read counts days for its Victims' Code deadlines).
struct WorkingDayCheck {
    year: Option<i32>,
    holidays: Vec<CalendarDate>,
}

impl WorkingDayCheck {
    fn new() -> Self {
        Self {
            year: None,
            holidays: Vec::new(),
        }
    }

    fn is_working_day(&mut self, date: CalendarDate) -> bool {
        if date.day_of_week().is_weekend() {
            return false;
        }
        if self.year != Some(date.year()) {
            self.year = Some(date.year());
            self.holidays = bank_holidays(date.year());
        }
        !self.holidays.contains(&date)
    }
}

/// The date `count` working days after `from` (not counting `from` itself): the deadline
/// for something that must happen "within `count` working days" of `from`.
pub fn add_working_days(from: CalendarDate, count: u32) -> CalendarDate {
    let mut check = WorkingDayCheck::new();
    let mut day = from;
    let mut left = count;
    while left > 0 {
        day = day.add_days(1);
        if check.is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// Working days after `from` up to and including `to`; negative when `to` is earlier.
pub fn working_days_between(from: CalendarDate, to: CalendarDate) -> i64 {
    let (start, end, sign) = if to >= from {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let mut check = WorkingDayCheck::new();
    let mut count = 0;
    let mut day = start;
    while day < end {
        day = day.add_days(1);
        if check.is_working_day(day) {
            count += 1;
        }
    }
    sign * count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn dates(texts: &[&str]) -> Vec<CalendarDate> {
        texts.iter().map(|t| date(t)).collect()
    }

    /// The published England and Wales lists for 2025 to 2028.
    #[test]
    fn bank_holidays_match_the_published_lists() {
        let published: [(i32, &[&str]); 4] = [
            (
                2025,
                &[
                    "2025-01-01",
                    "2025-04-18",
                    "2025-04-21",
                    "2025-05-05",
                    "2025-05-26",
                    "2025-08-25",
                    "2025-12-25",
                    "2025-12-26",
                ],
            ),
            (
                2026,
                &[
                    "2026-01-01",
                    "2026-04-03",
                    "2026-04-06",
                    "2026-05-04",
                    "2026-05-25",
                    "2026-08-31",
                    "2026-12-25",
                    "2026-12-28",
                ],
            ),
            (
                2027,
                &[
                    "2027-01-01",
                    "2027-03-26",
                    "2027-03-29",
                    "2027-05-03",
                    "2027-05-31",
                    "2027-08-30",
                    "2027-12-27",
                    "2027-12-28",
                ],
            ),
            (
                2028,
                &[
                    "2028-01-03",
                    "2028-04-14",
                    "2028-04-17",
                    "2028-05-01",
                    "2028-05-29",
                    "2028-08-28",
                    "2028-12-25",
                    "2028-12-26",
                ],
            ),
        ];
        for (year, list) in published {
            assert_eq!(bank_holidays(year), dates(list), "{year}");
        }
    }

    #[test]
    fn one_off_changes_apply_to_their_year_only() {
        assert!(is_bank_holiday(date("2023-05-08")));
        assert!(is_bank_holiday(date("2022-06-03")));
        assert!(!is_bank_holiday(date("2022-05-30")));
        assert!(is_bank_holiday(date("2024-05-27")));
    }

    #[test]
    fn weekends_are_skipped() {
        // Friday + 1 working day = Monday.
        assert_eq!(add_working_days(date("2025-11-21"), 1), date("2025-11-24"));
        // Saturday + 1 = Monday; Sunday + 5 = the next Friday.
        assert_eq!(add_working_days(date("2025-11-22"), 1), date("2025-11-24"));
        assert_eq!(add_working_days(date("2025-11-23"), 5), date("2025-11-28"));
        assert_eq!(add_working_days(date("2025-11-24"), 0), date("2025-11-24"));
    }

    #[test]
    fn christmas_and_new_year_are_skipped() {
        // Wed 24 Dec 2025 + 1 → Mon 29 Dec (25, 26 bank holidays, then the weekend).
        assert_eq!(add_working_days(date("2025-12-24"), 1), date("2025-12-29"));
        // Wed 31 Dec 2025 + 1 → Fri 2 Jan 2026.
        assert_eq!(add_working_days(date("2025-12-31"), 1), date("2026-01-02"));
        // Thu 24 Dec 2026 + 1 → Tue 29 Dec (Fri 25, weekend, Mon 28 substitute).
        assert_eq!(add_working_days(date("2026-12-24"), 1), date("2026-12-29"));
        // Fri 24 Dec 2027 + 1 → Wed 29 Dec (weekend, then substitutes Mon 27 and Tue 28).
        assert_eq!(add_working_days(date("2027-12-24"), 1), date("2027-12-29"));
        // Fri 31 Dec 2027 + 1 → Tue 4 Jan 2028 (weekend, Mon 3 Jan substitute).
        assert_eq!(add_working_days(date("2027-12-31"), 1), date("2028-01-04"));
    }

    #[test]
    fn easter_is_skipped() {
        // Thu 17 Apr 2025 + 1 → Tue 22 Apr (Good Friday, weekend, Easter Monday).
        assert_eq!(add_working_days(date("2025-04-17"), 1), date("2025-04-22"));
        // Thu 25 Mar 2027 + 5 → Mon 5 Apr 2027 (Good Friday 26, Easter Monday 29 skipped).
        assert_eq!(add_working_days(date("2027-03-25"), 5), date("2027-04-05"));
    }

    #[test]
    fn counting_between_dates() {
        assert_eq!(
            working_days_between(date("2025-12-24"), date("2025-12-29")),
            1
        );
        assert_eq!(
            working_days_between(date("2025-11-24"), date("2025-11-24")),
            0
        );
        assert_eq!(
            working_days_between(date("2025-11-28"), date("2025-11-24")),
            -4
        );
        for (from, n) in [("2025-04-17", 3), ("2026-12-23", 5), ("2028-02-25", 1)] {
            let from = date(from);
            assert_eq!(
                working_days_between(from, add_working_days(from, n)),
                i64::from(n)
            );
        }
    }
}
