//! Tests of the date, time and sentence formatting in both languages.

use super::*;

#[test]
fn formats_iso_dates_without_leading_zeros() {
    assert_eq!(long_date(Locale::en, "2025-11-03"), "3 November 2025");
    assert_eq!(long_date(Locale::en, "2024-01-31"), "31 January 2024");
    assert_eq!(long_date(Locale::en, "2025-12-25"), "25 December 2025");
    assert_eq!(long_date(Locale::cy, "2025-11-03"), "3 Tachwedd 2025");
    assert_eq!(long_date(Locale::cy, "2024-01-31"), "31 Ionawr 2024");
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
        assert_eq!(long_date(Locale::en, odd), odd);
        assert_eq!(long_date(Locale::cy, odd), odd);
    }
}

#[test]
fn every_month_and_day_has_a_name_in_every_language() {
    for locale in [Locale::en, Locale::cy] {
        for month in 1..=12 {
            assert!(!month_name(locale, month).is_empty());
            assert!(!short_month_name(locale, month).is_empty());
        }
    }
    assert_eq!(short_month_name(Locale::en, 11), "Nov");
    assert_eq!(short_month_name(Locale::cy, 2), "Chwef");
    assert_eq!(day_name(Locale::en, DayOfWeek::Wednesday), "Wednesday");
    assert_eq!(day_name(Locale::cy, DayOfWeek::Wednesday), "Dydd Mercher");
}

#[test]
fn safe_times_read_as_words() {
    let window = SafeTimeWindow {
        days: vec![
            DayOfWeek::Friday,
            DayOfWeek::Monday,
            DayOfWeek::Tuesday,
            DayOfWeek::Wednesday,
            DayOfWeek::Thursday,
        ],
        start: "09:00".into(),
        end: "12:30".into(),
    };
    assert_eq!(
        safe_time_words(Locale::en, &window),
        "Monday to Friday, 9am to 12:30pm"
    );
    assert_eq!(
        safe_time_words(Locale::cy, &window),
        "dydd Llun i ddydd Gwener, 9am i 12:30pm"
    );
    let window = SafeTimeWindow {
        days: vec![DayOfWeek::Tuesday, DayOfWeek::Thursday],
        start: "18:00".into(),
        end: "20:00".into(),
    };
    assert_eq!(
        safe_time_words(Locale::en, &window),
        "Tuesday and Thursday, 6pm to 8pm"
    );
    assert_eq!(
        safe_time_words(Locale::cy, &window),
        "dydd Mawrth a dydd Iau, 6pm i 8pm"
    );
    let window = SafeTimeWindow {
        days: vec![DayOfWeek::Saturday, DayOfWeek::Monday, DayOfWeek::Wednesday],
        start: "00:00".into(),
        end: "12:00".into(),
    };
    assert_eq!(
        safe_time_words(Locale::en, &window),
        "Monday, Wednesday and Saturday, midnight to midday"
    );
    assert_eq!(
        weekday_date(Locale::en, "2025-11-25"),
        "Tuesday 25 November"
    );
    assert_eq!(
        weekday_date(Locale::cy, "2025-11-25"),
        "Dydd Mawrth 25 Tachwedd"
    );
}

/// The `{name}`s of a plain-text template (the locales test checks only `{{ name }}`).
fn names(template: &str) -> Vec<&str> {
    let mut found: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn plain_text_templates_name_the_same_values_in_every_language() {
    let templates = |locale: Locale| {
        [
            td_string!(locale, case.told_on_time),
            td_string!(locale, case.told_late),
            td_string!(locale, case.many_working_days),
            td_string!(locale, case.dates.day_range),
            td_string!(locale, case.dates.list_and),
            td_string!(locale, case.dates.times_on),
            td_string!(locale, callbacks.status.scheduled_for),
            td_string!(locale, callbacks.number_on_file_ending),
        ]
    };
    for (english, welsh) in templates(Locale::en).iter().zip(templates(Locale::cy)) {
        assert!(!names(english).is_empty(), "{english}");
        assert_eq!(names(english), names(welsh), "{english} / {welsh}");
    }
}

#[test]
fn fills_only_the_names_it_is_given() {
    assert_eq!(
        fill("{a} to {b}", &[("a", "9am"), ("b", "5pm")]),
        "9am to 5pm"
    );
    assert_eq!(fill("{a} {c} {", &[("a", "{b}"), ("b", "x")]), "{b} {c} {");
}

#[test]
fn clock_times_follow_govuk_style() {
    assert_eq!(clock_time(Locale::en, 0, 0), "12am");
    assert_eq!(clock_time(Locale::en, 9, 0), "9am");
    assert_eq!(clock_time(Locale::en, 12, 0), "12pm");
    assert_eq!(clock_time(Locale::en, 14, 5), "2:05pm");
    assert_eq!(clock_time(Locale::en, 23, 59), "11:59pm");
    assert_eq!(clock_time(Locale::cy, 14, 5), "2:05pm");
    assert_eq!(time_words(Locale::en, "09:30"), "9:30am");
    assert_eq!(time_words(Locale::cy, "12:00"), "hanner dydd");
    assert_eq!(time_words(Locale::en, "9.30"), "9.30");
}
