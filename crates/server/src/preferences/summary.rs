//! Plain sentences saying what we will and will not do with a victim's contact
//! preferences, e.g. "We will only call you on weekdays between 9am and 12pm and will not
//! leave voicemails." Built from preferences already normalised by `validate`.

use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, Day, LanguageChoice, SafeTimeWindow,
    UpdateFrequency,
};
use shared::contact::{ClockTime, PhoneNumber};

/// Every sentence, in the order the app shows them.
pub fn summary(prefs: &ContactPreferences) -> Vec<String> {
    let mut lines = Vec::new();
    let phone = prefs.phone.as_deref().map(display_phone);
    let phone = phone.as_deref().unwrap_or("the number you gave us");
    let email = prefs.email.as_deref().unwrap_or("the address you gave us");

    lines.push(match prefs.preferred_method {
        ContactMethod::PhoneCall => format!("We will call you on {phone}."),
        ContactMethod::TextMessage => format!("We will text you on {phone}."),
        ContactMethod::Email => format!("We will email you at {email}."),
        ContactMethod::Letter => "We will write to you at the address you gave us.".to_owned(),
        ContactMethod::Visit => "Your officer will arrange to visit you.".to_owned(),
    });
    let calls = prefs.preferred_method == ContactMethod::PhoneCall
        || prefs.second_method == Some(ContactMethod::PhoneCall);
    if calls {
        let voicemail = if prefs.voicemail_safe {
            "may leave a voicemail"
        } else {
            "will not leave voicemails"
        };
        if prefs.safe_times.is_empty() {
            lines.push(format!(
                "We will only call you on weekdays between 9am and 5pm and {voicemail}."
            ));
        } else {
            lines.push(format!(
                "We will only call you on {} and {voicemail}.",
                windows_phrase(&prefs.safe_times)
            ));
        }
    }
    if let Some(second) = prefs.second_method {
        let how = match second {
            ContactMethod::PhoneCall => format!("call you on {phone}"),
            ContactMethod::TextMessage => format!("text you on {phone}"),
            ContactMethod::Email => format!("email you at {email}"),
            ContactMethod::Letter => "write to you at the address you gave us".to_owned(),
            ContactMethod::Visit => "ask your officer to visit you".to_owned(),
        };
        lines.push(format!("If we cannot reach you that way, we will {how}."));
    }
    if calls {
        lines.push(if prefs.caller_id_allowed {
            "When we call, our number may show as the police.".to_owned()
        } else {
            "When we call, our number will be hidden.".to_owned()
        });
    }
    if !prefs.letters_safe {
        lines.push("We will not send letters to your address.".to_owned());
    }
    match prefs.language {
        LanguageChoice::Welsh => lines.push("We will speak to you in Welsh.".to_owned()),
        LanguageChoice::Other => {
            let language = prefs.other_language.as_deref().unwrap_or("an");
            lines.push(format!(
                "We will arrange {} {language} interpreter.",
                article(language)
            ));
        }
        LanguageChoice::English if prefs.interpreter_needed => {
            lines.push("We will arrange an interpreter.".to_owned());
        }
        LanguageChoice::English => {}
    }
    let needs: Vec<String> = prefs
        .communication_needs
        .iter()
        .map(|need| match need {
            CommunicationNeed::BslInterpreter => "a British Sign Language interpreter".to_owned(),
            CommunicationNeed::LargePrint => "large print".to_owned(),
            CommunicationNeed::EasyRead => "easy read".to_owned(),
            CommunicationNeed::HearingLoop => "a hearing loop".to_owned(),
            CommunicationNeed::Other => prefs.other_needs.clone().unwrap_or_default(),
        })
        .filter(|need| !need.is_empty())
        .collect();
    if !needs.is_empty() {
        lines.push(format!("We will arrange: {}.", needs.join(", ")));
    }
    lines.push(
        match prefs.update_frequency {
            UpdateFrequency::EveryUpdate => "We will tell you about every update.",
            UpdateFrequency::KeyDecisionsOnly => {
                "We will only tell you about key decisions, as the Victims' Code allows."
            }
            UpdateFrequency::OnlyWhenIAsk => "We will only give you updates when you ask for them.",
        }
        .to_owned(),
    );
    lines
}

/// "a" or "an" before a language name ("an Arabic", "a Polish").
fn article(word: &str) -> &'static str {
    match word.chars().next().map(|c| c.to_ascii_lowercase()) {
        Some('a' | 'e' | 'i' | 'o' | 'u') => "an",
        _ => "a",
    }
}

/// "weekdays between 9am and 12pm and Saturdays between 10am and midday".
pub fn windows_phrase(windows: &[SafeTimeWindow]) -> String {
    let parts: Vec<String> = windows.iter().map(window_phrase).collect();
    join_and(&parts)
}

/// "weekdays between 9am and 12pm".
pub fn window_phrase(window: &SafeTimeWindow) -> String {
    let spoken = |time: &str| {
        ClockTime::parse(time)
            .map(ClockTime::spoken)
            .unwrap_or_else(|_| time.to_owned())
    };
    format!(
        "{} between {} and {}",
        days_phrase(&window.days),
        spoken(&window.start),
        spoken(&window.end)
    )
}

/// "weekdays", "weekends", "any day", or "Mondays, Wednesdays and Fridays".
pub fn days_phrase(days: &[Day]) -> String {
    let mut sorted = days.to_vec();
    sorted.sort();
    sorted.dedup();
    use Day::*;
    match sorted.as_slice() {
        [Monday, Tuesday, Wednesday, Thursday, Friday] => "weekdays".to_owned(),
        [Saturday, Sunday] => "weekends".to_owned(),
        [Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday] => "any day".to_owned(),
        _ => {
            let names: Vec<String> = sorted
                .iter()
                .map(|day| format!("{}s", day_name(*day)))
                .collect();
            join_and(&names)
        }
    }
}

fn day_name(day: Day) -> &'static str {
    match day {
        Day::Monday => "Monday",
        Day::Tuesday => "Tuesday",
        Day::Wednesday => "Wednesday",
        Day::Thursday => "Thursday",
        Day::Friday => "Friday",
        Day::Saturday => "Saturday",
        Day::Sunday => "Sunday",
    }
}

/// "a", "a and b", "a, b and c".
fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A number as people write it: UK numbers in national form ("07700 900 982",
/// "020 7946 0000"), others in E.164 as stored.
pub fn display_phone(e164: &str) -> String {
    let Ok(number) = PhoneNumber::parse(e164) else {
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

    fn window(days: &[Day], start: &str, end: &str) -> SafeTimeWindow {
        SafeTimeWindow {
            days: days.to_vec(),
            start: start.into(),
            end: end.into(),
        }
    }

    const WEEKDAYS: [Day; 5] = [
        Day::Monday,
        Day::Tuesday,
        Day::Wednesday,
        Day::Thursday,
        Day::Friday,
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
            summary(&base()),
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
        let lines = summary(&prefs);
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
        let lines = summary(&prefs);
        assert!(lines.contains(&"We will arrange a Polish interpreter.".to_owned()));
        assert!(lines.contains(&"We will arrange: Short calls, please.".to_owned()));
        assert!(lines.contains(&"We will only give you updates when you ask for them.".to_owned()));
        prefs.other_language = Some("Arabic".into());
        assert!(summary(&prefs).contains(&"We will arrange an Arabic interpreter.".to_owned()));
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
            summary(&prefs),
            vec![
                "We will email you at sam@example.org.",
                "If we cannot reach you that way, we will write to you at the address you gave us.",
                "We will tell you about every update.",
            ]
        );
    }

    #[test]
    fn days_in_words() {
        assert_eq!(days_phrase(&WEEKDAYS), "weekdays");
        assert_eq!(days_phrase(&[Day::Sunday, Day::Saturday]), "weekends");
        let all = [WEEKDAYS.as_slice(), &[Day::Saturday, Day::Sunday]].concat();
        assert_eq!(days_phrase(&all), "any day");
        assert_eq!(
            days_phrase(&[Day::Friday, Day::Monday, Day::Wednesday]),
            "Mondays, Wednesdays and Fridays"
        );
        assert_eq!(days_phrase(&[Day::Tuesday]), "Tuesdays");
        assert_eq!(
            windows_phrase(&[
                window(&WEEKDAYS, "09:00", "12:00"),
                window(&[Day::Saturday], "10:00", "12:30")
            ]),
            "weekdays between 9am and midday and Saturdays between 10am and 12:30pm"
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
