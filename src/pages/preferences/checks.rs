//! The preferences form's own checks: the same rules and parsers the server uses, so most
//! mistakes are caught without a round trip. Turns the typed answers into the `PUT` body.

use leptos::prelude::*;
use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, LanguageChoice, SafeTimeWindow,
};
use shared::contact::{EmailAddress, PhoneNumber, UkPostcode};
use shared::ParseError;

use crate::components::check_time;
use crate::error_text::parse_error;
use crate::form_errors::FormErrors;
use crate::format::fill;
use crate::i18n::*;

use super::field_ids::target_id;
use super::form_state::PreferencesFields;

impl PreferencesFields {
    /// The body to save, or every problem found (each tied to the field it is about), in
    /// the current language.
    pub fn check(&self, i18n: I18n) -> Result<ContactPreferences, FormErrors> {
        let PreferencesFields {
            preferred,
            second,
            phone,
            email,
            address,
            postcode,
            windows,
            voicemail,
            letters,
            caller_id,
            language,
            other_language,
            needs,
            other_needs,
            frequency,
        } = *self;
        let mut found = FormErrors::default();
        let preferred_method = preferred.get_untracked();
        if preferred_method.is_none() {
            found.push(
                target_id("preferred_method"),
                t_string!(i18n, preferences.error_preferred),
            );
        }
        let second_method = second.get_untracked().flatten();
        if second_method.is_some() && second_method == preferred_method {
            found.push(
                target_id("second_method"),
                t_string!(i18n, preferences.error_second_same),
            );
        }
        let chosen = |method| preferred_method == Some(method) || second_method == Some(method);
        let mut optional =
            |wanted: bool,
             value: RwSignal<String>,
             id: &str,
             parse: fn(&str) -> Result<String, ParseError>| {
                let typed = value.get_untracked();
                if wanted || !typed.trim().is_empty() {
                    match parse(&typed) {
                        Ok(parsed) => Some(parsed),
                        Err(problem) => {
                            found.push(id.to_owned(), parse_error(i18n, &problem));
                            None
                        }
                    }
                } else {
                    None
                }
            };
        let phone_value = optional(
            chosen(ContactMethod::PhoneCall) || chosen(ContactMethod::TextMessage),
            phone,
            "phone",
            |s| PhoneNumber::parse(s).map(String::from),
        );
        let email_value = optional(chosen(ContactMethod::Email), email, "email", |s| {
            EmailAddress::parse(s).map(String::from)
        });
        let address_value = optional(chosen(ContactMethod::Letter), address, "address", |s| {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                Err(ParseError("address_enter"))
            } else {
                Ok(trimmed.to_owned())
            }
        });
        let postcode_value = optional(chosen(ContactMethod::Letter), postcode, "postcode", |s| {
            UkPostcode::parse(s).map(String::from)
        });
        let mut safe_times = Vec::new();
        for (index, window) in windows.get_untracked().iter().enumerate() {
            let (days, start, end) = (
                window.days.get_untracked(),
                window.start.get_untracked(),
                window.end.get_untracked(),
            );
            let blank = days.is_empty() && start.trim().is_empty() && end.trim().is_empty();
            if blank && !chosen(ContactMethod::PhoneCall) {
                continue;
            }
            if days.is_empty() {
                found.push(
                    format!("safe-times-{index}-days-monday"),
                    fill(
                        t_string!(i18n, preferences.error_days),
                        &[("number", &(index + 1).to_string())],
                    ),
                );
            }
            let start_time = check_time(i18n, &start, true);
            let end_time = check_time(i18n, &end, false);
            if let Err(problem) = start_time {
                found.push(format!("safe-times-{index}-start"), problem);
            }
            if let Err(problem) = end_time {
                found.push(format!("safe-times-{index}-end"), problem);
            }
            if let (Ok(start_time), Ok(end_time)) = (start_time, end_time) {
                if end_time <= start_time {
                    found.push(
                        format!("safe-times-{index}-end"),
                        t_string!(i18n, errors.safe_time_end_after_start),
                    );
                }
                safe_times.push(SafeTimeWindow {
                    days,
                    start: start_time.to_string(),
                    end: end_time.to_string(),
                });
            }
        }
        for (signal, key, message) in [
            (
                voicemail,
                "voicemail_safe",
                t_string!(i18n, preferences.error_voicemail),
            ),
            (
                letters,
                "letters_safe",
                t_string!(i18n, preferences.error_letters),
            ),
            (
                caller_id,
                "caller_id_allowed",
                t_string!(i18n, preferences.error_caller_id),
            ),
        ] {
            if signal.get_untracked().is_none() {
                found.push(target_id(key), message);
            }
        }
        let language_value = language.get_untracked();
        if language_value.is_none() {
            found.push(
                target_id("language"),
                t_string!(i18n, preferences.error_language),
            );
        }
        let other_language_value = other_language.get_untracked().trim().to_owned();
        if language_value == Some(LanguageChoice::Other) && other_language_value.is_empty() {
            found.push(
                "other-language",
                t_string!(i18n, preferences.error_other_language),
            );
        }
        let needs_value = needs.get_untracked();
        let other_needs_value = other_needs.get_untracked().trim().to_owned();
        if needs_value.contains(&CommunicationNeed::Other) && other_needs_value.is_empty() {
            found.push(
                "other-needs",
                t_string!(i18n, preferences.error_other_needs),
            );
        }
        let frequency_value = frequency.get_untracked();
        if frequency_value.is_none() {
            found.push(
                target_id("update_frequency"),
                t_string!(i18n, preferences.error_frequency),
            );
        }
        let (Some(preferred_method), Some(language), Some(update_frequency), true) = (
            preferred_method,
            language_value,
            frequency_value,
            found.is_empty(),
        ) else {
            return Err(found);
        };
        let is_other_language = language == LanguageChoice::Other;
        let has_other_need = needs_value.contains(&CommunicationNeed::Other);
        Ok(ContactPreferences {
            preferred_method,
            second_method,
            phone: phone_value,
            email: email_value,
            address: address_value,
            postcode: postcode_value,
            safe_times,
            voicemail_safe: voicemail.get_untracked().unwrap_or(false),
            letters_safe: letters.get_untracked().unwrap_or(false),
            caller_id_allowed: caller_id.get_untracked().unwrap_or(false),
            language,
            other_language: is_other_language.then_some(other_language_value),
            interpreter_needed: is_other_language
                || needs_value.contains(&CommunicationNeed::BslInterpreter),
            communication_needs: needs_value,
            other_needs: has_other_need.then_some(other_needs_value),
            update_frequency,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_days_message_names_its_safe_time_in_every_language() {
        let days_message = |locale: Locale| {
            fill(
                td_string!(locale, preferences.error_days),
                &[("number", "2")],
            )
        };
        assert_eq!(
            days_message(Locale::en),
            "Select at least one day for safe time 2"
        );
        assert!(days_message(Locale::cy).ends_with("amser diogel 2"));
    }
}
