//! The words of a validation problem (`shared::ParseError`, which holds the key of its
//! message in `locales/<lang>/errors.json`) in the current language. The one place the app
//! turns such a key into text, so a key never reaches the screen.

use shared::ParseError;

use crate::i18n::*;

/// What went wrong with a typed value, in the current language. An unknown key (a newer
/// server or shared crate than this app knows) gets the general "check what you entered".
pub fn parse_error(i18n: I18n, problem: &ParseError) -> String {
    parse_error_words(i18n, problem).to_owned()
}

/// [`parse_error`] as a `&'static str`, for checks whose results are `Copy`.
pub fn parse_error_words(i18n: I18n, problem: &ParseError) -> &'static str {
    let locale = i18n.get_locale();
    message(locale, problem.key()).unwrap_or(ui::i18n::texts::ui(locale).api_validation)
}

/// The message for `key` in `locale`, or `None` when the key is not one we know.
/// Keys with placeholders (such as `window_outside_safe_times`) are not here: a
/// `ParseError` carries no values to fill them with.
fn message(locale: Locale, key: &str) -> Option<&'static str> {
    let text = match key {
        "crime_reference_enter" => td_string!(locale, errors.crime_reference_enter),
        "crime_reference_characters" => td_string!(locale, errors.crime_reference_characters),
        "crime_reference_length" => td_string!(locale, errors.crime_reference_length),
        "crime_reference_as_shown" => td_string!(locale, errors.crime_reference_as_shown),
        "sign_in_code_enter" => td_string!(locale, errors.sign_in_code_enter),
        "sign_in_code_digits" => td_string!(locale, errors.sign_in_code_digits),
        "sign_in_code_length" => td_string!(locale, errors.sign_in_code_length),
        "sign_in_code_rejected" => td_string!(locale, errors.sign_in_code_rejected),
        "phone_enter" => td_string!(locale, errors.phone_enter),
        "phone_format" => td_string!(locale, errors.phone_format),
        "phone_country" => td_string!(locale, errors.phone_country),
        "email_enter" => td_string!(locale, errors.email_enter),
        "email_enter_example" => td_string!(locale, errors.email_enter_example),
        "email_too_long" => td_string!(locale, errors.email_too_long),
        "email_format" => td_string!(locale, errors.email_format),
        "postcode_enter" => td_string!(locale, errors.postcode_enter),
        "postcode_format" => td_string!(locale, errors.postcode_format),
        "time_format" => td_string!(locale, errors.time_format),
        "date_format" => td_string!(locale, errors.date_format),
        "second_method_same" => td_string!(locale, errors.second_method_same),
        "address_enter" => td_string!(locale, errors.address_enter),
        "address_too_long" => td_string!(locale, errors.address_too_long),
        "letters_not_safe" => td_string!(locale, errors.letters_not_safe),
        "safe_times_too_many" => td_string!(locale, errors.safe_times_too_many),
        "safe_times_needed" => td_string!(locale, errors.safe_times_needed),
        "safe_time_days" => td_string!(locale, errors.safe_time_days),
        "safe_time_days_too_many" => td_string!(locale, errors.safe_time_days_too_many),
        "safe_time_end_after_start" => td_string!(locale, errors.safe_time_end_after_start),
        "other_language_enter" => td_string!(locale, errors.other_language_enter),
        "other_language_too_long" => td_string!(locale, errors.other_language_too_long),
        "other_needs_enter" => td_string!(locale, errors.other_needs_enter),
        "other_needs_too_long" => td_string!(locale, errors.other_needs_too_long),
        "communication_needs_too_many" => {
            td_string!(locale, errors.communication_needs_too_many)
        }
        "details_enter" => td_string!(locale, errors.details_enter),
        "details_too_long" => td_string!(locale, errors.details_too_long),
        "windows_needed" => td_string!(locale, errors.windows_needed),
        "windows_too_many" => td_string!(locale, errors.windows_too_many),
        "window_date_not_bookable" => td_string!(locale, errors.window_date_not_bookable),
        "window_too_short" => td_string!(locale, errors.window_too_short),
        "window_start_past" => td_string!(locale, errors.window_start_past),
        "one_off_phone_enter" => td_string!(locale, errors.one_off_phone_enter),
        "callbacks_too_many_open" => td_string!(locale, errors.callbacks_too_many_open),
        "callback_already_cancelled" => td_string!(locale, errors.callback_already_cancelled),
        "callback_already_done" => td_string!(locale, errors.callback_already_done),
        "contact_change_code_rejected" => td_string!(locale, errors.contact_change_code_rejected),
        "contact_change_too_many_codes" => {
            td_string!(locale, errors.contact_change_too_many_codes)
        }
        _ => return None,
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_parse_error_key_has_words_in_every_language() {
        for locale in [Locale::en, Locale::cy] {
            let unknown: Vec<&str> = shared::ALL_PARSE_ERROR_KEYS
                .iter()
                .copied()
                .filter(|key| message(locale, key).is_none())
                .collect();
            assert!(
                unknown.is_empty(),
                "not matched for {locale:?}: {unknown:?}"
            );
        }
    }

    #[test]
    fn a_key_becomes_its_words_not_the_key() {
        assert_eq!(
            message(Locale::en, "phone_enter"),
            Some("Enter a phone number")
        );
        assert_eq!(message(Locale::cy, "phone_enter"), Some("Rhowch rif ffôn"));
        assert_eq!(message(Locale::en, "no_such_key"), None);
    }
}
