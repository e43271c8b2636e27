//! Dates in the words people use ("3 November 2025"), without a date library: the API
//! sends ISO dates, and the wasm budget has no room for chrono or time.

use shared::api::preferences::{Day, SafeTimeWindow};
use shared::contact::ClockTime;
use shared::CalendarDate;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2025-11-03" → "3 November 2025". Anything that is not a plain ISO date is shown as it
/// came, so a surprise from the server is still readable rather than hidden.
pub fn long_date(iso: &str) -> String {
    match parse_iso_date(iso) {
        Some((year, month, day)) => format!("{day} {} {year}", MONTHS[month - 1]),
        None => iso.to_owned(),
    }
}

/// An RFC 3339 time ("2025-11-03T14:05:00Z") in the device's own time zone, short enough
/// for a narrow table column: "3 Nov 2025, 2:05pm". Only the browser knows the local zone,
/// so this asks it.
pub fn short_date_time(rfc3339: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    let month = MONTHS[date.get_month() as usize % 12];
    format!(
        "{} {} {}, {}",
        date.get_date(),
        &month[..3],
        date.get_full_year(),
        clock_time(date.get_hours(), date.get_minutes()),
    )
}

/// 24-hour clock values to GOV.UK's "9am", "2:05pm", "12pm" (midday), "12am" (midnight).
pub fn clock_time(hours: u32, minutes: u32) -> String {
    let suffix = if hours < 12 { "am" } else { "pm" };
    let hour = match hours % 12 {
        0 => 12,
        h => h,
    };
    if minutes == 0 {
        format!("{hour}{suffix}")
    } else {
        format!("{hour}:{minutes:02}{suffix}")
    }
}

/// Days of the week: value, id suffix, name.
pub const DAYS: [(Day, &str, &str); 7] = [
    (Day::Monday, "monday", "Monday"),
    (Day::Tuesday, "tuesday", "Tuesday"),
    (Day::Wednesday, "wednesday", "Wednesday"),
    (Day::Thursday, "thursday", "Thursday"),
    (Day::Friday, "friday", "Friday"),
    (Day::Saturday, "saturday", "Saturday"),
    (Day::Sunday, "sunday", "Sunday"),
];

/// A safe time in words: "Monday to Friday, 9am to 12pm"; "Tuesday and Thursday, 6pm to
/// 8pm".
pub fn safe_time_words(window: &SafeTimeWindow) -> String {
    let mut days: Vec<Day> = window.days.clone();
    days.sort();
    days.dedup();
    let names: Vec<&str> = days.iter().map(|day| day_name(*day)).collect();
    let consecutive = days.len() > 2
        && days
            .windows(2)
            .all(|pair| pair[1] as u8 == pair[0] as u8 + 1);
    let days_words = match names.as_slice() {
        [] => String::new(),
        [one] => (*one).to_owned(),
        _ if consecutive => format!("{} to {}", names[0], names[names.len() - 1]),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!(
        "{days_words}, {} to {}",
        time_words(&window.start),
        time_words(&window.end)
    )
}

pub fn day_name(day: Day) -> &'static str {
    DAYS.iter()
        .find(|entry| entry.0 == day)
        .map(|entry| entry.2)
        .unwrap_or("")
}

/// "09:30" → "9:30am"; anything else as it came.
pub fn time_words(hh_mm: &str) -> String {
    ClockTime::parse(hh_mm)
        .map(|time| time.spoken())
        .unwrap_or_else(|_| hh_mm.to_owned())
}

/// "2025-11-25" → "Tuesday 25 November", for choosing a date this month or next.
pub fn weekday_date(iso: &str) -> String {
    match CalendarDate::parse(iso) {
        Ok(date) => {
            let weekday = DAYS[date.day_of_week() as usize].2;
            format!(
                "{weekday} {} {}",
                date.day(),
                MONTHS[usize::from(date.month()) - 1]
            )
        }
        Err(_) => iso.to_owned(),
    }
}

/// `YYYY-MM-DD` → (year, month 1–12, day 1–31); `None` for anything else.
fn parse_iso_date(iso: &str) -> Option<(u32, usize, u32)> {
    let bytes = iso.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = iso.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((year, month as usize, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_iso_dates_without_leading_zeros() {
        assert_eq!(long_date("2025-11-03"), "3 November 2025");
        assert_eq!(long_date("2024-01-31"), "31 January 2024");
        assert_eq!(long_date("2025-12-25"), "25 December 2025");
    }

    #[test]
    fn shows_anything_else_as_it_came() {
        for odd in [
            "",
            "2025-13-01",
            "2025-00-10",
            "2025-11-32",
            "25-11-03",
            "2025/11/03",
            "2025-1-03x",
        ] {
            assert_eq!(long_date(odd), odd);
        }
    }

    #[test]
    fn safe_times_read_as_words() {
        let window = SafeTimeWindow {
            days: vec![
                Day::Friday,
                Day::Monday,
                Day::Tuesday,
                Day::Wednesday,
                Day::Thursday,
            ],
            start: "09:00".into(),
            end: "12:30".into(),
        };
        assert_eq!(safe_time_words(&window), "Monday to Friday, 9am to 12:30pm");
        let window = SafeTimeWindow {
            days: vec![Day::Tuesday, Day::Thursday],
            start: "18:00".into(),
            end: "20:00".into(),
        };
        assert_eq!(safe_time_words(&window), "Tuesday and Thursday, 6pm to 8pm");
        assert_eq!(weekday_date("2025-11-25"), "Tuesday 25 November");
    }

    #[test]
    fn clock_times_follow_govuk_style() {
        assert_eq!(clock_time(0, 0), "12am");
        assert_eq!(clock_time(9, 0), "9am");
        assert_eq!(clock_time(12, 0), "12pm");
        assert_eq!(clock_time(14, 5), "2:05pm");
        assert_eq!(clock_time(23, 59), "11:59pm");
    }
}
