//! The answers the callback form offers (`(value, id suffix, label)`), and where each API
//! field name points on this page.

use shared::api::callbacks::{CallbackReason, Urgency};

use crate::components::first_id;

/// The most characters "Tell us more" takes (the server's limit too).
pub(super) const DETAILS_MAX: usize = 1000;
/// How many requested times the error summary maps field errors for.
const MAX_WINDOWS: usize = 10;

pub(super) const REASONS: &[(CallbackReason, &str, &str)] = &[
    (
        CallbackReason::CaseQuestion,
        "case-question",
        "A question about my case",
    ),
    (
        CallbackReason::FeelUnsafe,
        "feel-unsafe",
        "I feel unsafe now",
    ),
    (
        CallbackReason::ChangeDetails,
        "change-details",
        "I need to change my details",
    ),
    (
        CallbackReason::SupportNeeds,
        "support-needs",
        "Support needs",
    ),
    (
        CallbackReason::SomethingElse,
        "something-else",
        "Something else",
    ),
];
pub(super) const URGENCIES: &[(Urgency, &str, &str)] = &[
    (
        Urgency::Urgent,
        "urgent",
        "As soon as possible in the times I choose",
    ),
    (Urgency::Soon, "soon", "Within the next 2 working days"),
    (Urgency::Routine, "routine", "Any of the times I choose"),
];

/// The reason's label, used as the heading of a listed request.
pub(super) fn reason_words(reason: CallbackReason) -> &'static str {
    REASONS
        .iter()
        .find(|r| r.0 == reason)
        .map(|r| r.2)
        .unwrap_or("")
}

/// `windows.0.start` → `windows-0-start`; groups point at their first input.
pub(super) fn target_id(key: &str) -> String {
    match key {
        "reason" => first_id("reason", REASONS),
        "urgency" => first_id("urgency", URGENCIES),
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
