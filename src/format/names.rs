//! The names of months and days in each language, one translation key each (Welsh day
//! names change form inside a sentence and after "i", so there are three forms).

use shared::DayOfWeek;

use crate::i18n::*;

/// A day's name on its own: a label, or the start of a line ("Monday", "Dydd Llun").
pub fn day_name(locale: Locale, day: DayOfWeek) -> &'static str {
    match day {
        DayOfWeek::Monday => td_string!(locale, case.dates.days.monday),
        DayOfWeek::Tuesday => td_string!(locale, case.dates.days.tuesday),
        DayOfWeek::Wednesday => td_string!(locale, case.dates.days.wednesday),
        DayOfWeek::Thursday => td_string!(locale, case.dates.days.thursday),
        DayOfWeek::Friday => td_string!(locale, case.dates.days.friday),
        DayOfWeek::Saturday => td_string!(locale, case.dates.days.saturday),
        DayOfWeek::Sunday => td_string!(locale, case.dates.days.sunday),
    }
}

/// A day's name inside a sentence ("dydd Llun" in Welsh).
pub(super) fn day_in_sentence(locale: Locale, day: DayOfWeek) -> &'static str {
    match day {
        DayOfWeek::Monday => td_string!(locale, case.dates.days_in_sentence.monday),
        DayOfWeek::Tuesday => td_string!(locale, case.dates.days_in_sentence.tuesday),
        DayOfWeek::Wednesday => td_string!(locale, case.dates.days_in_sentence.wednesday),
        DayOfWeek::Thursday => td_string!(locale, case.dates.days_in_sentence.thursday),
        DayOfWeek::Friday => td_string!(locale, case.dates.days_in_sentence.friday),
        DayOfWeek::Saturday => td_string!(locale, case.dates.days_in_sentence.saturday),
        DayOfWeek::Sunday => td_string!(locale, case.dates.days_in_sentence.sunday),
    }
}

/// A day's name after "to" ("i ddydd Gwener": Welsh mutates it).
pub(super) fn day_after_to(locale: Locale, day: DayOfWeek) -> &'static str {
    match day {
        DayOfWeek::Monday => td_string!(locale, case.dates.days_after_to.monday),
        DayOfWeek::Tuesday => td_string!(locale, case.dates.days_after_to.tuesday),
        DayOfWeek::Wednesday => td_string!(locale, case.dates.days_after_to.wednesday),
        DayOfWeek::Thursday => td_string!(locale, case.dates.days_after_to.thursday),
        DayOfWeek::Friday => td_string!(locale, case.dates.days_after_to.friday),
        DayOfWeek::Saturday => td_string!(locale, case.dates.days_after_to.saturday),
        DayOfWeek::Sunday => td_string!(locale, case.dates.days_after_to.sunday),
    }
}

/// Month 1–12 by name; empty for anything else (callers have checked the month).
pub(super) fn month_name(locale: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(locale, case.dates.months.january),
        2 => td_string!(locale, case.dates.months.february),
        3 => td_string!(locale, case.dates.months.march),
        4 => td_string!(locale, case.dates.months.april),
        5 => td_string!(locale, case.dates.months.may),
        6 => td_string!(locale, case.dates.months.june),
        7 => td_string!(locale, case.dates.months.july),
        8 => td_string!(locale, case.dates.months.august),
        9 => td_string!(locale, case.dates.months.september),
        10 => td_string!(locale, case.dates.months.october),
        11 => td_string!(locale, case.dates.months.november),
        12 => td_string!(locale, case.dates.months.december),
        _ => "",
    }
}

/// Month 1–12, shortened ("Nov", "Tach"); empty for anything else.
pub(super) fn short_month_name(locale: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(locale, case.dates.months_short.january),
        2 => td_string!(locale, case.dates.months_short.february),
        3 => td_string!(locale, case.dates.months_short.march),
        4 => td_string!(locale, case.dates.months_short.april),
        5 => td_string!(locale, case.dates.months_short.may),
        6 => td_string!(locale, case.dates.months_short.june),
        7 => td_string!(locale, case.dates.months_short.july),
        8 => td_string!(locale, case.dates.months_short.august),
        9 => td_string!(locale, case.dates.months_short.september),
        10 => td_string!(locale, case.dates.months_short.october),
        11 => td_string!(locale, case.dates.months_short.november),
        12 => td_string!(locale, case.dates.months_short.december),
        _ => "",
    }
}
