//! `CalendarDate`: a day in the civil calendar (no time zone), small enough for the wasm
//! app, with the arithmetic working days need.

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A date written `YYYY-MM-DD` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the week, Monday first (the order `ALL` and sorting use). In the API and the
/// database it is its snake_case name, e.g. `"monday"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayOfWeek {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl DayOfWeek {
    pub const ALL: [DayOfWeek; 7] = [
        Self::Monday,
        Self::Tuesday,
        Self::Wednesday,
        Self::Thursday,
        Self::Friday,
        Self::Saturday,
        Self::Sunday,
    ];

    pub fn is_weekend(self) -> bool {
        matches!(self, Self::Saturday | Self::Sunday)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl CalendarDate {
    /// A valid date, or `None` (e.g. 30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Self { year, month, day })
    }

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        const FORMAT: &str = "date_format";
        let mut parts = input.trim().splitn(3, '-');
        let mut next = |len: usize| -> Result<i64, ParseError> {
            let part = parts.next().ok_or(ParseError(FORMAT))?;
            if part.len() != len || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ParseError(FORMAT));
            }
            part.parse().map_err(|_| ParseError(FORMAT))
        };
        let (year, month, day) = (next(4)?, next(2)?, next(2)?);
        Self::new(year as i32, month as u8, day as u8).ok_or(ParseError(FORMAT))
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-date algorithm.
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month = i64::from(self.month);
        let day_of_year =
            (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of [`Self::days_since_epoch`].
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let mp = (5 * day_of_year + 2) / 153;
        let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (year_of_era + era * 400 + i64::from(month <= 2)) as i32;
        Self { year, month, day }
    }

    pub fn add_days(self, days: i64) -> Self {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    pub fn day_of_week(self) -> DayOfWeek {
        // 1970-01-01 was a Thursday (index 3).
        DayOfWeek::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for CalendarDate {
    type Error = ParseError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CalendarDate> for String {
    fn from(value: CalendarDate) -> Self {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn parses_and_prints_iso_dates() {
        assert_eq!(date("2025-11-03").to_string(), "2025-11-03");
        assert_eq!(date(" 2028-02-29 ").day(), 29);
    }

    #[test]
    fn rejects_impossible_or_malformed_dates() {
        for input in [
            "2025-02-29",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "25-1-1",
            "2025/01/01",
            "",
            "2025-01-01x",
        ] {
            assert!(CalendarDate::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn leap_years_follow_the_gregorian_rules() {
        assert!(CalendarDate::new(2000, 2, 29).is_some());
        assert!(CalendarDate::new(1900, 2, 29).is_none());
        assert!(CalendarDate::new(2024, 2, 29).is_some());
    }

    #[test]
    fn epoch_days_round_trip() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2025-01-01").days_since_epoch(), 20_089);
        for days in (-1_000..40_000).step_by(7) {
            assert_eq!(
                CalendarDate::from_days_since_epoch(days).days_since_epoch(),
                days
            );
        }
    }

    #[test]
    fn days_of_the_week() {
        assert_eq!(date("2025-12-25").day_of_week(), DayOfWeek::Thursday);
        assert_eq!(date("2026-11-22").day_of_week(), DayOfWeek::Sunday);
        assert_eq!(date("2028-01-01").day_of_week(), DayOfWeek::Saturday);
    }

    #[test]
    fn adding_days_crosses_months_and_years() {
        assert_eq!(date("2025-12-31").add_days(1), date("2026-01-01"));
        assert_eq!(date("2028-02-28").add_days(1), date("2028-02-29"));
        assert_eq!(date("2025-03-01").add_days(-1), date("2025-02-28"));
    }
}
