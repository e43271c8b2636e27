//! The answers each question on the preferences form offers, as `(value, id suffix)`, and
//! their labels in the current language.

use shared::api::preferences::{CommunicationNeed, ContactMethod, UpdateFrequency};

use crate::i18n::*;

pub(super) const METHODS: &[(ContactMethod, &str)] = &[
    (ContactMethod::PhoneCall, "phone-call"),
    (ContactMethod::TextMessage, "text-message"),
    (ContactMethod::Email, "email"),
    (ContactMethod::Letter, "letter"),
    (ContactMethod::Visit, "visit"),
];
pub(super) const SECOND_METHODS: &[(Option<ContactMethod>, &str)] = &[
    (Some(ContactMethod::PhoneCall), "phone-call"),
    (Some(ContactMethod::TextMessage), "text-message"),
    (Some(ContactMethod::Email), "email"),
    (Some(ContactMethod::Letter), "letter"),
    (Some(ContactMethod::Visit), "visit"),
    (None, "none"),
];
pub(super) const YES_NO: &[(bool, &str)] = &[(true, "yes"), (false, "no")];
pub(super) const FREQUENCIES: &[(UpdateFrequency, &str)] = &[
    (UpdateFrequency::EveryUpdate, "every-update"),
    (UpdateFrequency::KeyDecisionsOnly, "key-decisions"),
    (UpdateFrequency::OnlyWhenIAsk, "only-when-i-ask"),
];
/// The listed communication needs; the first id is where the group's errors point.
/// "Something else" is separate because it reveals a text box.
pub(super) const NEEDS: [(CommunicationNeed, &str); 4] = [
    (CommunicationNeed::BslInterpreter, "needs-bsl"),
    (CommunicationNeed::LargePrint, "needs-large-print"),
    (CommunicationNeed::EasyRead, "needs-easy-read"),
    (CommunicationNeed::HearingLoop, "needs-hearing-loop"),
];

/// The id of a question's first answer (`<id_prefix>-<suffix>`): where its errors point.
pub(super) fn first_choice_id<T>(id_prefix: &str, choices: &[(T, &str)]) -> String {
    let suffix = choices.first().map(|choice| choice.1).unwrap_or_default();
    format!("{id_prefix}-{suffix}")
}

/// `(value, id suffix, label)` for each choice, as `RadioGroup` takes its options.
pub(super) fn labelled<T: Copy>(
    locale: Locale,
    choices: &[(T, &'static str)],
    label: fn(Locale, T) -> &'static str,
) -> Vec<(T, &'static str, &'static str)> {
    choices
        .iter()
        .map(|&(value, suffix)| (value, suffix, label(locale, value)))
        .collect()
}

pub(super) fn method_label(locale: Locale, method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::PhoneCall => td_string!(locale, preferences.method_phone_call),
        ContactMethod::TextMessage => td_string!(locale, preferences.method_text_message),
        ContactMethod::Email => td_string!(locale, preferences.method_email),
        ContactMethod::Letter => td_string!(locale, preferences.method_letter),
        ContactMethod::Visit => td_string!(locale, preferences.method_visit),
    }
}

pub(super) fn second_method_label(locale: Locale, method: Option<ContactMethod>) -> &'static str {
    match method {
        Some(method) => method_label(locale, method),
        None => td_string!(locale, preferences.second_none),
    }
}

pub(super) fn yes_no_label(locale: Locale, yes: bool) -> &'static str {
    if yes {
        td_string!(locale, preferences.answer_yes)
    } else {
        td_string!(locale, preferences.answer_no)
    }
}

pub(super) fn frequency_label(locale: Locale, frequency: UpdateFrequency) -> &'static str {
    match frequency {
        UpdateFrequency::EveryUpdate => td_string!(locale, preferences.frequency_every_update),
        UpdateFrequency::KeyDecisionsOnly => {
            td_string!(locale, preferences.frequency_key_decisions)
        }
        UpdateFrequency::OnlyWhenIAsk => td_string!(locale, preferences.frequency_only_when_i_ask),
    }
}

pub(super) fn need_label(locale: Locale, need: CommunicationNeed) -> &'static str {
    match need {
        CommunicationNeed::BslInterpreter => td_string!(locale, preferences.need_bsl),
        CommunicationNeed::LargePrint => td_string!(locale, preferences.need_large_print),
        CommunicationNeed::EasyRead => td_string!(locale, preferences.need_easy_read),
        CommunicationNeed::HearingLoop => td_string!(locale, preferences.need_hearing_loop),
        CommunicationNeed::Other => td_string!(locale, preferences.need_something_else),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_keep_their_ids_and_order_with_a_label_in_every_language() {
        for locale in [Locale::en, Locale::cy] {
            let methods = labelled(locale, SECOND_METHODS, second_method_label);
            let ids: Vec<&str> = methods.iter().map(|option| option.1).collect();
            assert_eq!(
                ids,
                SECOND_METHODS.iter().map(|(_, id)| *id).collect::<Vec<_>>()
            );
            assert!(methods.iter().all(|option| !option.2.is_empty()));
            for need in NEEDS.map(|(need, _)| need) {
                assert!(!need_label(locale, need).is_empty());
            }
        }
        assert_eq!(
            method_label(Locale::en, ContactMethod::TextMessage),
            "Text message"
        );
        assert_eq!(yes_no_label(Locale::cy, true), "Ie");
        assert_eq!(
            first_choice_id("voicemail-safe", YES_NO),
            "voicemail-safe-yes"
        );
    }
}
