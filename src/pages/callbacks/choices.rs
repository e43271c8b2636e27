//! The answers the callback form offers (`(value, id suffix, label)`) in the page's
//! language, and where each API field name points on this page.

use std::sync::OnceLock;

use shared::api::callbacks::{CallbackReason, Urgency, MAX_WINDOWS};

use crate::i18n::*;

/// The reasons in the order shown, with their id suffixes.
const REASON_IDS: [(CallbackReason, &str); 5] = [
    (CallbackReason::CaseQuestion, "case-question"),
    (CallbackReason::FeelUnsafe, "feel-unsafe"),
    (CallbackReason::ChangeDetails, "change-details"),
    (CallbackReason::SupportNeeds, "support-needs"),
    (CallbackReason::SomethingElse, "something-else"),
];
/// How soon, in the order shown, with their id suffixes.
const URGENCY_IDS: [(Urgency, &str); 3] = [
    (Urgency::Urgent, "urgent"),
    (Urgency::Soon, "soon"),
    (Urgency::Routine, "routine"),
];

/// One language's options for a `RadioGroup`.
type Options<T, const N: usize> = [(T, &'static str, &'static str); N];

/// The reasons as radio options in `locale`.
pub(super) fn reasons(locale: Locale) -> &'static [(CallbackReason, &'static str, &'static str)] {
    static BY_LANGUAGE: [OnceLock<Options<CallbackReason, 5>>; 2] =
        [OnceLock::new(), OnceLock::new()];
    options_in(locale, &BY_LANGUAGE, REASON_IDS, reason_words)
}

/// How soon, as radio options in `locale`.
pub(super) fn urgencies(locale: Locale) -> &'static [(Urgency, &'static str, &'static str)] {
    static BY_LANGUAGE: [OnceLock<Options<Urgency, 3>>; 2] = [OnceLock::new(), OnceLock::new()];
    options_in(locale, &BY_LANGUAGE, URGENCY_IDS, urgency_words)
}

/// `RadioGroup` takes a `'static` list, so each language's list is built once and kept
/// (rather than leaked again every time the page is built).
fn options_in<T: Copy, const N: usize>(
    locale: Locale,
    by_language: &'static [OnceLock<Options<T, N>>; 2],
    ids: [(T, &'static str); N],
    label: fn(Locale, T) -> &'static str,
) -> &'static [(T, &'static str, &'static str)] {
    let slot = match locale {
        Locale::en => &by_language[0],
        Locale::cy => &by_language[1],
    };
    slot.get_or_init(|| ids.map(|(value, id)| (value, id, label(locale, value))))
}

/// The reason's label, also the heading of a listed request.
pub(super) fn reason_words(locale: Locale, reason: CallbackReason) -> &'static str {
    match reason {
        CallbackReason::CaseQuestion => td_string!(locale, callbacks.reason.case_question),
        CallbackReason::FeelUnsafe => td_string!(locale, callbacks.reason.feel_unsafe),
        CallbackReason::ChangeDetails => td_string!(locale, callbacks.reason.change_details),
        CallbackReason::SupportNeeds => td_string!(locale, callbacks.reason.support_needs),
        CallbackReason::SomethingElse => td_string!(locale, callbacks.reason.something_else),
    }
}

fn urgency_words(locale: Locale, urgency: Urgency) -> &'static str {
    match urgency {
        Urgency::Urgent => td_string!(locale, callbacks.urgency.urgent),
        Urgency::Soon => td_string!(locale, callbacks.urgency.soon),
        Urgency::Routine => td_string!(locale, callbacks.urgency.routine),
    }
}

/// `windows.0.start` → `windows-0-start`; groups point at their first input.
pub(super) fn target_id(key: &str) -> String {
    match key {
        "reason" => format!("reason-{}", REASON_IDS[0].1),
        "urgency" => format!("urgency-{}", URGENCY_IDS[0].1),
        "windows" => "windows-0-date".into(),
        other => other.replace(['.', '_'], "-"),
    }
}

/// API error keys in page order, so the summary lists problems top to bottom.
pub(super) fn keys_in_page_order() -> Vec<String> {
    let mut keys: Vec<String> = ["reason", "details", "urgency", "windows"]
        .map(str::to_owned)
        .into();
    for index in 0..MAX_WINDOWS {
        for part in ["date", "start", "end"] {
            keys.push(format!("windows.{index}.{part}"));
        }
    }
    keys.push("one_off_phone".to_owned());
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_keep_their_ids_and_order_in_every_language() {
        for locale in [Locale::en, Locale::cy] {
            let listed: Vec<&str> = reasons(locale).iter().map(|option| option.1).collect();
            assert_eq!(listed, REASON_IDS.map(|(_, id)| id));
            assert!(urgencies(locale).iter().all(|option| !option.2.is_empty()));
        }
        assert_eq!(reasons(Locale::en)[1].2, "I feel unsafe now");
        assert_eq!(reasons(Locale::cy)[4].2, "Rhywbeth arall");
        assert_eq!(target_id("reason"), "reason-case-question");
        assert_eq!(target_id("windows.2.start"), "windows-2-start");
    }
}
