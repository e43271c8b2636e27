//! Plain sentences saying what we will and will not do with a victim's contact
//! preferences, e.g. "We will only call you on weekdays between 9am and 12pm and will not
//! leave voicemails." Built from preferences already normalised by `validate`, in the
//! reader's language from `locales/{lang}/server.json` (`summary.*`, `time.*`).

use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, LanguageChoice, SafeTimeWindow,
    UpdateFrequency,
};
use shared::contact::{ClockTime, PhoneNumber};
use shared::{DayOfWeek, Lang};

use crate::platform::i18n::{format, text};
use crate::platform::stored::enum_text;
use crate::preferences::safe_times::office_hours;

/// `server.json` key of a sentence about a contact method (`first` or `second` choice).
fn method_key(choice: &str, method: ContactMethod) -> String {
    // Keys are named after the method's stored (serde) name.
    let name = enum_text(&method).unwrap_or_default();
    format!("server.summary.{choice}.{name}")
}

/// Every sentence, in the order the app shows them, in `lang`.
pub fn summary(lang: Lang, prefs: &ContactPreferences) -> Vec<String> {
    let mut lines = Vec::new();
    let phone = match prefs.phone.as_deref() {
        Some(phone) => display_phone(phone),
        None => text(lang, "server.summary.phone_you_gave_us").to_owned(),
    };
    let email = match prefs.email.as_deref() {
        Some(email) => email.to_owned(),
        None => text(lang, "server.summary.email_you_gave_us").to_owned(),
    };
    let contact = [("phone", phone.as_str()), ("email", email.as_str())];

    lines.push(format(
        lang,
        &method_key("first", prefs.preferred_method),
        &contact,
    ));
    let calls = prefs.preferred_method == ContactMethod::PhoneCall
        || prefs.second_method == Some(ContactMethod::PhoneCall);
    if calls {
        let key = if prefs.voicemail_safe {
            "server.summary.call_times_voicemail"
        } else {
            "server.summary.call_times_no_voicemail"
        };
        let times = if prefs.safe_times.is_empty() {
            windows_phrase(lang, &office_hours())
        } else {
            windows_phrase(lang, &prefs.safe_times)
        };
        lines.push(format(lang, key, &[("times", &times)]));
    }
    if let Some(second) = prefs.second_method {
        lines.push(format(lang, &method_key("second", second), &contact));
    }
    if calls {
        lines.push(
            text(
                lang,
                if prefs.caller_id_allowed {
                    "server.summary.caller_id_shown"
                } else {
                    "server.summary.caller_id_hidden"
                },
            )
            .to_owned(),
        );
    }
    if !prefs.letters_safe {
        lines.push(text(lang, "server.summary.no_letters").to_owned());
    }
    match (prefs.language, prefs.other_language.as_deref()) {
        (LanguageChoice::Welsh, _) => {
            lines.push(text(lang, "server.summary.speak_welsh").to_owned())
        }
        (LanguageChoice::Other, Some(language)) => {
            // English needs "a" or "an" before the name; other languages word it without.
            let key = if starts_with_vowel(language) {
                "server.summary.interpreter_for_language_an"
            } else {
                "server.summary.interpreter_for_language_a"
            };
            lines.push(format(lang, key, &[("language", language)]));
        }
        (LanguageChoice::Other, None) => {
            lines.push(text(lang, "server.summary.interpreter").to_owned());
        }
        (LanguageChoice::English, _) if prefs.interpreter_needed => {
            lines.push(text(lang, "server.summary.interpreter").to_owned());
        }
        (LanguageChoice::English, _) => {}
    }
    let needs: Vec<String> = prefs
        .communication_needs
        .iter()
        .map(|need| {
            let key = match need {
                CommunicationNeed::BslInterpreter => "bsl_interpreter",
                CommunicationNeed::LargePrint => "large_print",
                CommunicationNeed::EasyRead => "easy_read",
                CommunicationNeed::HearingLoop => "hearing_loop",
                // Described in the victim's own words.
                CommunicationNeed::Other => return prefs.other_needs.clone().unwrap_or_default(),
            };
            text(lang, &format!("server.summary.need.{key}")).to_owned()
        })
        .filter(|need| !need.is_empty())
        .collect();
    if !needs.is_empty() {
        lines.push(format(
            lang,
            "server.summary.needs",
            &[("needs", &needs.join(", "))],
        ));
    }
    let frequency = match prefs.update_frequency {
        UpdateFrequency::EveryUpdate => "every_update",
        UpdateFrequency::KeyDecisionsOnly => "key_decisions_only",
        UpdateFrequency::OnlyWhenIAsk => "only_when_i_ask",
    };
    lines.push(text(lang, &format!("server.summary.frequency.{frequency}")).to_owned());
    lines
}

/// [`summary`] with the phone number and email address left out ("the number you gave
/// us"), for history, which may be read on a shared device.
pub fn summary_without_contact_details(lang: Lang, prefs: &ContactPreferences) -> Vec<String> {
    let without = ContactPreferences {
        phone: None,
        email: None,
        ..prefs.clone()
    };
    summary(lang, &without)
}

/// True when an English word takes "an" rather than "a" ("an Arabic", "a Polish").
fn starts_with_vowel(word: &str) -> bool {
    matches!(
        word.chars().next().map(|c| c.to_ascii_lowercase()),
        Some('a' | 'e' | 'i' | 'o' | 'u')
    )
}

/// "weekdays between 9am and 12pm and Saturdays between 10am and midday".
pub fn windows_phrase(lang: Lang, windows: &[SafeTimeWindow]) -> String {
    let parts: Vec<String> = windows.iter().map(|w| window_phrase(lang, w)).collect();
    join_and(lang, &parts)
}

/// "weekdays between 9am and 12pm".
pub fn window_phrase(lang: Lang, window: &SafeTimeWindow) -> String {
    let spoken = |time: &str| match ClockTime::parse(time) {
        Ok(time) => spoken_time(lang, time),
        Err(_) => time.to_owned(),
    };
    format(
        lang,
        "server.time.window",
        &[
            ("days", &days_phrase(lang, &window.days)),
            ("start", &spoken(&window.start)),
            ("end", &spoken(&window.end)),
        ],
    )
}

/// "9am", "12:30pm", or the words for midday and midnight.
fn spoken_time(lang: Lang, time: ClockTime) -> String {
    match time.minutes() {
        0 => text(lang, "server.time.midnight").to_owned(),
        720 => text(lang, "server.time.midday").to_owned(),
        _ => time.spoken(),
    }
}

/// "weekdays", "weekends", "any day", or "Mondays, Wednesdays and Fridays".
pub fn days_phrase(lang: Lang, days: &[DayOfWeek]) -> String {
    let mut sorted = days.to_vec();
    sorted.sort();
    sorted.dedup();
    use DayOfWeek::*;
    let named = |key: &str| text(lang, &format!("server.time.{key}")).to_owned();
    match sorted.as_slice() {
        [Monday, Tuesday, Wednesday, Thursday, Friday] => named("weekdays"),
        [Saturday, Sunday] => named("weekends"),
        [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday] => named("any_day"),
        _ => {
            let names: Vec<String> = sorted
                .iter()
                .map(|day| named(&format!("days.{}", day_key(*day))))
                .collect();
            join_and(lang, &names)
        }
    }
}

fn day_key(day: DayOfWeek) -> &'static str {
    match day {
        DayOfWeek::Monday => "monday",
        DayOfWeek::Tuesday => "tuesday",
        DayOfWeek::Wednesday => "wednesday",
        DayOfWeek::Thursday => "thursday",
        DayOfWeek::Friday => "friday",
        DayOfWeek::Saturday => "saturday",
        DayOfWeek::Sunday => "sunday",
    }
}

/// "a", "a and b", "a, b and c". The Welsh "a" (and) changes some following words
/// (aspirate mutation, "ac" before vowels), so the Welsh day and time phrases joined here
/// all start with a letter it leaves alone ("dydd …", "bob dydd").
fn join_and(lang: Lang, parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format(
            lang,
            "server.list.and",
            &[("items", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// A number as people write it: UK numbers in national form ("07700 900 982",
/// "020 7946 0000"), others in E.164 as stored.
pub fn display_phone(e164: &str) -> String {
    let Ok(number) = PhoneNumber::parse_any_country(e164) else {
        return e164.to_owned();
    };
    let Some(national) = number.as_str().strip_prefix("+44") else {
        return number.as_str().to_owned();
    };
    let national = format!("0{national}");
    let (a, b) = if national.len() == 11 && national.starts_with("02") {
        (3, 7)
    } else if national.len() == 11 {
        (5, 8)
    } else {
        (4, 7)
    };
    format!("{} {} {}", &national[..a], &national[a..b], &national[b..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(days: &[DayOfWeek], start: &str, end: &str) -> SafeTimeWindow {
        SafeTimeWindow {
            days: days.to_vec(),
            start: start.into(),
            end: end.into(),
        }
    }

    const WEEKDAYS: [DayOfWeek; 5] = [
        DayOfWeek::Monday,
        DayOfWeek::Tuesday,
        DayOfWeek::Wednesday,
        DayOfWeek::Thursday,
        DayOfWeek::Friday,
    ];

    fn base() -> ContactPreferences {
        ContactPreferences {
            preferred_method: ContactMethod::PhoneCall,
            second_method: Some(ContactMethod::TextMessage),
            phone: Some("+447700900982".into()),
            email: None,
            address: None,
            postcode: None,
            safe_times: vec![window(&WEEKDAYS, "09:00", "12:00")],
            voicemail_safe: false,
            letters_safe: false,
            caller_id_allowed: false,
            language: LanguageChoice::English,
            other_language: None,
            interpreter_needed: false,
            communication_needs: vec![],
            other_needs: None,
            update_frequency: UpdateFrequency::EveryUpdate,
        }
    }

    #[test]
    fn a_caller_who_wants_hidden_numbers_and_no_voicemail() {
        assert_eq!(
            summary(Lang::En, &base()),
            vec![
                "We will call you on 07700 900 982.",
                "We will only call you on weekdays between 9am and midday and will not leave voicemails.",
                "If we cannot reach you that way, we will text you on 07700 900 982.",
                "When we call, our number will be hidden.",
                "We will not send letters to your address.",
                "We will tell you about every update.",
            ]
        );
    }

    #[test]
    fn languages_needs_and_frequency() {
        let mut prefs = base();
        prefs.language = LanguageChoice::Welsh;
        prefs.communication_needs = vec![
            CommunicationNeed::BslInterpreter,
            CommunicationNeed::LargePrint,
        ];
        prefs.update_frequency = UpdateFrequency::KeyDecisionsOnly;
        let lines = summary(Lang::En, &prefs);
        assert!(lines.contains(&"We will speak to you in Welsh.".to_owned()));
        assert!(lines.contains(
            &"We will arrange: a British Sign Language interpreter, large print.".to_owned()
        ));
        assert!(lines.contains(
            &"We will only tell you about key decisions, as the Victims' Code allows.".to_owned()
        ));

        prefs.language = LanguageChoice::Other;
        prefs.other_language = Some("Polish".into());
        prefs.communication_needs = vec![CommunicationNeed::Other];
        prefs.other_needs = Some("Short calls, please".into());
        prefs.update_frequency = UpdateFrequency::OnlyWhenIAsk;
        let lines = summary(Lang::En, &prefs);
        assert!(lines.contains(&"We will arrange a Polish interpreter.".to_owned()));
        assert!(lines.contains(&"We will arrange: Short calls, please.".to_owned()));
        assert!(lines.contains(&"We will only give you updates when you ask for them.".to_owned()));
        prefs.other_language = Some("Arabic".into());
        assert!(summary(Lang::En, &prefs)
            .contains(&"We will arrange an Arabic interpreter.".to_owned()));
    }

    #[test]
    fn email_and_letters() {
        let mut prefs = base();
        prefs.preferred_method = ContactMethod::Email;
        prefs.email = Some("sam@example.org".into());
        prefs.second_method = Some(ContactMethod::Letter);
        prefs.letters_safe = true;
        prefs.caller_id_allowed = true;
        assert_eq!(
            summary(Lang::En, &prefs),
            vec![
                "We will email you at sam@example.org.",
                "If we cannot reach you that way, we will write to you at the address you gave us.",
                "We will tell you about every update.",
            ]
        );
    }

    #[test]
    fn days_in_words() {
        assert_eq!(days_phrase(Lang::En, &WEEKDAYS), "weekdays");
        assert_eq!(
            days_phrase(Lang::En, &[DayOfWeek::Sunday, DayOfWeek::Saturday]),
            "weekends"
        );
        let all = [
            WEEKDAYS.as_slice(),
            &[DayOfWeek::Saturday, DayOfWeek::Sunday],
        ]
        .concat();
        assert_eq!(days_phrase(Lang::En, &all), "any day");
        assert_eq!(
            days_phrase(
                Lang::En,
                &[DayOfWeek::Friday, DayOfWeek::Monday, DayOfWeek::Wednesday]
            ),
            "Mondays, Wednesdays and Fridays"
        );
        assert_eq!(days_phrase(Lang::En, &[DayOfWeek::Tuesday]), "Tuesdays");
        assert_eq!(
            windows_phrase(
                Lang::En,
                &[
                    window(&WEEKDAYS, "09:00", "12:00"),
                    window(&[DayOfWeek::Saturday], "10:00", "12:30")
                ]
            ),
            "weekdays between 9am and midday and Saturdays between 10am and 12:30pm"
        );
        assert_eq!(
            windows_phrase(
                Lang::Cy,
                &[
                    window(&WEEKDAYS, "09:00", "12:00"),
                    window(&[DayOfWeek::Saturday, DayOfWeek::Monday], "00:00", "08:30")
                ]
            ),
            "dydd Llun i ddydd Gwener o 9am tan hanner dydd a \
             dydd Llun a dydd Sadwrn o hanner nos tan 8:30am"
        );
    }

    #[test]
    fn phone_numbers_in_national_form() {
        assert_eq!(display_phone("+447700900982"), "07700 900 982");
        assert_eq!(display_phone("+441632960001"), "01632 960 001");
        assert_eq!(display_phone("+442079460000"), "020 7946 0000");
        assert_eq!(display_phone("+44800123456"), "0800 123 456");
        assert_eq!(display_phone("+33123456789"), "+33123456789");
    }
}
