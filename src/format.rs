//! Dates and times in the words people use ("3 November 2025", "Tuesday 25 November",
//! "9am"), in English or Welsh, without a date library: the API sends ISO dates, and the
//! wasm budget has no room for chrono or time. The words (month and day names, "to",
//! "and", "am") are in `locales/<lang>/case.json` under `dates`; the functions take the
//! language so they stay pure and testable.

use shared::api::preferences::SafeTimeWindow;
use shared::contact::ClockTime;
use shared::CalendarDate;
use shared::DayOfWeek;

use crate::i18n::*;

mod names;

pub use names::day_name;
use names::{day_after_to, day_in_sentence, month_name, short_month_name};

/// "2025-11-03" → "3 November 2025" ("3 Tachwedd 2025"). Anything that is not a plain ISO
/// date is shown as it came, so a surprise from the server is still readable rather than
/// hidden.
pub fn long_date(locale: Locale, iso: &str) -> String {
    match parse_iso_date(iso) {
        Some((year, month, day)) => format!("{day} {} {year}", month_name(locale, month)),
        None => iso.to_owned(),
    }
}

/// An RFC 3339 time ("2025-11-03T14:05:00Z") in the device's own time zone, short enough
/// for a narrow table column: "3 Nov 2025, 2:05pm". Only the browser knows the local zone,
/// so this asks it.
pub fn short_date_time_in(locale: Locale, rfc3339: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return rfc3339.to_owned();
    }
    format!(
        "{} {} {}, {}",
        date.get_date(),
        short_month_name(locale, date.get_month() % 12 + 1),
        date.get_full_year(),
        clock_time(locale, date.get_hours(), date.get_minutes()),
    )
}

/// 24-hour clock values to GOV.UK's "9am", "2:05pm", "12pm" (midday), "12am" (midnight).
/// Welsh GOV.UK pages keep "am" and "pm" too; they come from the translation files.
pub fn clock_time(locale: Locale, hours: u32, minutes: u32) -> String {
    let suffix = if hours < 12 {
        td_string!(locale, case.dates.am)
    } else {
        td_string!(locale, case.dates.pm)
    };
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

/// Days of the week in order: value and id suffix. Names: `day_name`.
pub const DAY_IDS: [(DayOfWeek, &str); 7] = [
    (DayOfWeek::Monday, "monday"),
    (DayOfWeek::Tuesday, "tuesday"),
    (DayOfWeek::Wednesday, "wednesday"),
    (DayOfWeek::Thursday, "thursday"),
    (DayOfWeek::Friday, "friday"),
    (DayOfWeek::Saturday, "saturday"),
    (DayOfWeek::Sunday, "sunday"),
];

/// A safe time in words: "Monday to Friday, 9am to 12pm"; "Tuesday and Thursday, 6pm to
/// 8pm" (Welsh: "dydd Llun i ddydd Gwener, 9am i 12pm"). Meant to follow other words, so
/// Welsh day names are in their mid-sentence form.
pub fn safe_time_words(locale: Locale, window: &SafeTimeWindow) -> String {
    let mut days: Vec<DayOfWeek> = window.days.clone();
    days.sort();
    days.dedup();
    let consecutive = days.len() > 2
        && days
            .windows(2)
            .all(|pair| pair[1] as u8 == pair[0] as u8 + 1);
    let days_words = match days.as_slice() {
        [] => String::new(),
        [one] => day_in_sentence(locale, *one).to_owned(),
        [first, .., last] if consecutive => fill(
            td_string!(locale, case.dates.day_range),
            &[
                ("first", day_in_sentence(locale, *first)),
                ("last", day_after_to(locale, *last)),
            ],
        ),
        [rest @ .., last] => {
            let items: Vec<&str> = rest
                .iter()
                .map(|day| day_in_sentence(locale, *day))
                .collect();
            fill(
                td_string!(locale, case.dates.list_and),
                &[
                    ("items", &items.join(", ")),
                    ("last", day_in_sentence(locale, *last)),
                ],
            )
        }
    };
    times_on(
        locale,
        &days_words,
        &time_words(locale, &window.start),
        &time_words(locale, &window.end),
    )
}

/// "Tuesday 25 November, 9am to 12pm": when, then from and to.
pub fn times_on(locale: Locale, days: &str, start: &str, end: &str) -> String {
    fill(
        td_string!(locale, case.dates.times_on),
        &[("days", days), ("start", start), ("end", end)],
    )
}

/// "09:30" → "9:30am", "12:00" → "midday"; anything else as it came.
pub fn time_words(locale: Locale, hh_mm: &str) -> String {
    let Ok(time) = ClockTime::parse(hh_mm) else {
        return hh_mm.to_owned();
    };
    let (hours, minutes) = (
        u32::from(time.minutes() / 60),
        u32::from(time.minutes() % 60),
    );
    match (hours, minutes) {
        (0, 0) => td_string!(locale, case.dates.midnight).to_owned(),
        (12, 0) => td_string!(locale, case.dates.midday).to_owned(),
        _ => clock_time(locale, hours, minutes),
    }
}

/// "2025-11-25" → "Tuesday 25 November" ("Dydd Mawrth 25 Tachwedd"), for choosing a date
/// this month or next.
pub fn weekday_date(locale: Locale, iso: &str) -> String {
    match CalendarDate::parse(iso) {
        Ok(date) => {
            let (day, _) = DAY_IDS[date.day_of_week() as usize];
            format!(
                "{} {} {}",
                day_name(locale, day),
                date.day(),
                month_name(locale, u32::from(date.month()))
            )
        }
        Err(_) => iso.to_owned(),
    }
}

/// A translation used as plain text with its `{name}` placeholders filled in; unknown
/// names stay as they are. Texts shown in a view use `{{ name }}` with `t!`, which puts
/// views (links, live counts) in the places; this is for text needed as one string.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let known = after.find('}').and_then(|close| {
            let name = &after[..close];
            values
                .iter()
                .find(|(known_name, _)| *known_name == name)
                .map(|(_, value)| (close, *value))
        });
        match known {
            Some((close, value)) => {
                filled.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                filled.push('{');
                rest = after;
            }
        }
    }
    filled.push_str(rest);
    filled
}

/// `YYYY-MM-DD` → (year, month 1–12, day 1–31); `None` for anything else.
fn parse_iso_date(iso: &str) -> Option<(u32, u32, u32)> {
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
    Some((year, month, day))
}

#[cfg(test)]
mod tests;
