//! Where each API field name points on the preferences page, and the order the error
//! summary lists them in.

use super::choices::{first_choice_id, FREQUENCIES, METHODS, NEEDS, SECOND_METHODS, YES_NO};

/// The id an API error key points at: `safe_times.0.start` → `safe-times-0-start`;
/// groups point at their first input (`safe_times.0.days` → its Monday checkbox).
pub(super) fn target_id(key: &str) -> String {
    let id = key.replace(['.', '_'], "-");
    match key {
        "preferred_method" => first_choice_id(&id, METHODS),
        "second_method" => first_choice_id(&id, SECOND_METHODS),
        "voicemail_safe" | "letters_safe" | "caller_id_allowed" => first_choice_id(&id, YES_NO),
        "update_frequency" => first_choice_id(&id, FREQUENCIES),
        "language" => "language-english".into(),
        "communication_needs" => NEEDS[0].1.into(),
        "safe_times" => "safe-times-0-days-monday".into(),
        _ if id.ends_with("-days") => format!("{id}-monday"),
        _ => id,
    }
}

/// API error keys in page order, so the summary lists problems top to bottom.
pub(super) fn keys_in_page_order(windows: usize) -> Vec<String> {
    let mut keys: Vec<String> = [
        "preferred_method",
        "second_method",
        "phone",
        "email",
        "address",
        "postcode",
        "safe_times",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for index in 0..windows.max(1) {
        for part in ["days", "start", "end"] {
            keys.push(format!("safe_times.{index}.{part}"));
        }
    }
    keys.extend(
        [
            "voicemail_safe",
            "letters_safe",
            "caller_id_allowed",
            "language",
            "other_language",
            "communication_needs",
            "other_needs",
            "update_frequency",
        ]
        .map(str::to_owned),
    );
    keys
}
