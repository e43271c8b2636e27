//! `ContactChoices`: how the victim may be contacted safely, shown first on the case page.
//!
//! Markup contract: a `<section aria-labelledby>` with an `<h2>`; the two things an
//! officer must never get wrong, voicemail and letters, are said first in words as GOV.UK
//! warning text when unsafe ("Do not leave voicemail", "Letters to home are not safe");
//! then a summary list (`<dl>`) of every choice. Meaning is always in the words.

use leptos::prelude::*;
use shared::api::preferences::{
    CommunicationNeed, ContactMethod, ContactPreferences, LanguageChoice, UpdateFrequency,
};
use shared::DayOfWeek;
use ui::components::{SummaryList, SummaryRow, WarningText};

use crate::i18n::*;

#[component]
pub fn ContactChoices(preferences: ContactPreferences) -> impl IntoView {
    let i18n = use_i18n();
    let l = i18n.get_locale_untracked();
    let p = preferences;
    let warning = |unsafe_text: &'static str| view! { <WarningText>{unsafe_text}</WarningText> };
    let voicemail = if p.voicemail_safe {
        td_string!(l, case.voicemail_safe)
    } else {
        td_string!(l, case.voicemail_unsafe)
    };
    let letters = if p.letters_safe {
        td_string!(l, case.letters_safe)
    } else {
        td_string!(l, case.letters_unsafe)
    };
    let caller_id = if p.caller_id_allowed {
        td_string!(l, case.caller_id_allowed)
    } else {
        td_string!(l, case.caller_id_withheld)
    };
    let interpreter = if p.interpreter_needed {
        td_string!(l, case.interpreter_needed)
    } else {
        td_string!(l, case.interpreter_not_needed)
    };
    let language = match (p.language, p.other_language.as_deref()) {
        (LanguageChoice::Other, Some(named)) if !named.trim().is_empty() => named.to_owned(),
        (choice, _) => language_name(l, choice).to_owned(),
    };
    let safe_times = safe_times(l, &p);
    let needs = needs(l, &p);
    view! {
        <section class="app-staff-contact" aria-labelledby="contact-heading">
            <h2 class="app-heading-l" id="contact-heading">{t!(i18n, case.contact_heading)}</h2>
            <p class="app-body">{t!(i18n, case.contact_intro)}</p>
            {(!p.voicemail_safe).then(|| warning(voicemail))}
            {(!p.letters_safe).then(|| warning(letters))}
            <SummaryList>
                <SummaryRow label=td_string!(l, case.preferred)>{method_name(l, p.preferred_method)}</SummaryRow>
                {p.second_method.map(|method| view! {
                    <SummaryRow label=td_string!(l, case.second)>{method_name(l, method)}</SummaryRow>
                })}
                {p.phone.map(|phone| view! { <SummaryRow label=td_string!(l, case.phone)>{phone}</SummaryRow> })}
                {p.email.map(|email| view! { <SummaryRow label=td_string!(l, case.email)>{email}</SummaryRow> })}
                {p.address.map(|address| {
                    let postcode = p.postcode.unwrap_or_default();
                    view! {
                        <SummaryRow label=td_string!(l, case.address)>
                            <span class="app-staff-address">{address}</span>
                            " "{postcode}
                        </SummaryRow>
                    }
                })}
                <SummaryRow label=td_string!(l, case.safe_times)>{safe_times}</SummaryRow>
                <SummaryRow label=td_string!(l, case.voicemail)>{voicemail}</SummaryRow>
                <SummaryRow label=td_string!(l, case.letters)>{letters}</SummaryRow>
                <SummaryRow label=td_string!(l, case.caller_id)>{caller_id}</SummaryRow>
                <SummaryRow label=td_string!(l, case.language)>{language}</SummaryRow>
                <SummaryRow label=td_string!(l, case.interpreter)>{interpreter}</SummaryRow>
                <SummaryRow label=td_string!(l, case.needs)>{needs}</SummaryRow>
                <SummaryRow label=td_string!(l, case.updates)>{frequency_name(l, p.update_frequency)}</SummaryRow>
            </SummaryList>
        </section>
    }
}

/// "Monday, Tuesday: 09:00–12:00", one window per line; "None given" without any.
fn safe_times(l: Locale, p: &ContactPreferences) -> Vec<AnyView> {
    if p.safe_times.is_empty() {
        return vec![td_string!(l, case.no_safe_times).into_any()];
    }
    p.safe_times
        .iter()
        .map(|window| {
            let days: Vec<&str> = window.days.iter().map(|day| day_name(l, *day)).collect();
            let text = format!("{}: {}–{}", days.join(", "), window.start, window.end);
            view! { <span class="app-staff-line">{text}</span> }.into_any()
        })
        .collect()
}

fn needs(l: Locale, p: &ContactPreferences) -> String {
    let mut names: Vec<String> = p
        .communication_needs
        .iter()
        .filter(|need| **need != CommunicationNeed::Other)
        .map(|need| need_name(l, *need).to_owned())
        .collect();
    if let Some(other) = p
        .other_needs
        .as_deref()
        .filter(|text| !text.trim().is_empty())
    {
        names.push(other.to_owned());
    } else if p.communication_needs.contains(&CommunicationNeed::Other) {
        names.push(need_name(l, CommunicationNeed::Other).to_owned());
    }
    if names.is_empty() {
        td_string!(l, case.none).to_owned()
    } else {
        names.join(", ")
    }
}

fn method_name(l: Locale, method: ContactMethod) -> &'static str {
    match method {
        ContactMethod::PhoneCall => td_string!(l, case.methods.phone_call),
        ContactMethod::TextMessage => td_string!(l, case.methods.text_message),
        ContactMethod::Email => td_string!(l, case.methods.email),
        ContactMethod::Letter => td_string!(l, case.methods.letter),
        ContactMethod::Visit => td_string!(l, case.methods.visit),
    }
}

fn language_name(l: Locale, language: LanguageChoice) -> &'static str {
    match language {
        LanguageChoice::English => td_string!(l, case.languages.english),
        LanguageChoice::Welsh => td_string!(l, case.languages.welsh),
        LanguageChoice::Other => td_string!(l, case.languages.other),
    }
}

fn need_name(l: Locale, need: CommunicationNeed) -> &'static str {
    match need {
        CommunicationNeed::BslInterpreter => td_string!(l, case.needs_list.bsl_interpreter),
        CommunicationNeed::LargePrint => td_string!(l, case.needs_list.large_print),
        CommunicationNeed::EasyRead => td_string!(l, case.needs_list.easy_read),
        CommunicationNeed::HearingLoop => td_string!(l, case.needs_list.hearing_loop),
        CommunicationNeed::Other => td_string!(l, case.needs_list.other),
    }
}

fn frequency_name(l: Locale, frequency: UpdateFrequency) -> &'static str {
    match frequency {
        UpdateFrequency::EveryUpdate => td_string!(l, case.frequencies.every_update),
        UpdateFrequency::KeyDecisionsOnly => td_string!(l, case.frequencies.key_decisions_only),
        UpdateFrequency::OnlyWhenIAsk => td_string!(l, case.frequencies.only_when_i_ask),
    }
}

fn day_name(l: Locale, day: DayOfWeek) -> &'static str {
    match day {
        DayOfWeek::Monday => td_string!(l, case.days.monday),
        DayOfWeek::Tuesday => td_string!(l, case.days.tuesday),
        DayOfWeek::Wednesday => td_string!(l, case.days.wednesday),
        DayOfWeek::Thursday => td_string!(l, case.days.thursday),
        DayOfWeek::Friday => td_string!(l, case.days.friday),
        DayOfWeek::Saturday => td_string!(l, case.days.saturday),
        DayOfWeek::Sunday => td_string!(l, case.days.sunday),
    }
}

#[cfg(test)]
mod tests {
    use shared::api::preferences::{ContactMethod, LanguageChoice, UpdateFrequency};

    use super::*;

    fn preferences(needs: Vec<CommunicationNeed>, other: Option<&str>) -> ContactPreferences {
        ContactPreferences {
            preferred_method: ContactMethod::TextMessage,
            second_method: None,
            phone: Some("+447700900001".to_owned()),
            email: None,
            address: None,
            postcode: None,
            safe_times: Vec::new(),
            voicemail_safe: false,
            letters_safe: false,
            caller_id_allowed: false,
            language: LanguageChoice::English,
            other_language: None,
            interpreter_needed: false,
            communication_needs: needs,
            other_needs: other.map(str::to_owned),
            update_frequency: UpdateFrequency::EveryUpdate,
        }
    }

    #[test]
    fn needs_are_named_and_the_victims_own_words_kept() {
        let p = preferences(
            vec![CommunicationNeed::LargePrint, CommunicationNeed::Other],
            Some("Text first, then call"),
        );
        assert_eq!(needs(Locale::en, &p), "Large print, Text first, then call");
        assert_eq!(needs(Locale::cy, &p), "Print bras, Text first, then call");
        assert_eq!(needs(Locale::en, &preferences(Vec::new(), None)), "None");
        let unnamed = preferences(vec![CommunicationNeed::Other], Some("  "));
        assert_eq!(needs(Locale::en, &unnamed), "Other");
    }

    #[test]
    fn every_choice_has_words_in_both_languages() {
        for l in [Locale::en, Locale::cy] {
            assert!(!method_name(l, ContactMethod::Visit).is_empty());
            assert!(!language_name(l, LanguageChoice::Other).is_empty());
            assert!(!frequency_name(l, UpdateFrequency::OnlyWhenIAsk).is_empty());
            assert!(!day_name(l, DayOfWeek::Sunday).is_empty());
        }
        assert_eq!(day_name(Locale::cy, DayOfWeek::Monday), "Dydd Llun");
    }
}
