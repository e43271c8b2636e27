//! Version 1 of a victim's contact preferences: made from what the officer recorded in
//! `victims` when the case was opened, before the victim saved anything themselves.

use shared::api::preferences::{
    ContactMethod, ContactPreferences, LanguageChoice, UpdateFrequency,
};

/// What an officer recorded in a `victims` row.
#[derive(Debug, Clone, Copy)]
pub struct RecordedContact<'a> {
    pub contact_method: ContactMethod,
    pub phone: Option<&'a str>,
    pub email: Option<&'a str>,
    pub voicemail_safe: bool,
    pub letter_to_home_safe: bool,
    pub caller_id_may_show_police: bool,
    /// IETF tag, e.g. 'cy'.
    pub language: &'a str,
    pub interpreter_needed: bool,
    pub update_frequency: UpdateFrequency,
}

/// Version 1 of the preferences, from what the officer recorded. `store::ensure_initial`
/// stores it; the benchmark seeder (`crate::seed`) writes the same thing in bulk.
pub fn initial_preferences(recorded: &RecordedContact<'_>) -> ContactPreferences {
    let preferred_method = recorded.contact_method;
    ContactPreferences {
        preferred_method,
        second_method: None,
        phone: recorded.phone.map(str::to_owned),
        email: recorded.email.map(str::to_owned),
        address: None,
        postcode: None,
        safe_times: Vec::new(),
        voicemail_safe: recorded.voicemail_safe,
        // The officer recorded letters as the way to reach them: they are safe.
        letters_safe: recorded.letter_to_home_safe || preferred_method == ContactMethod::Letter,
        caller_id_allowed: recorded.caller_id_may_show_police,
        language: if recorded.language == "cy" {
            LanguageChoice::Welsh
        } else {
            LanguageChoice::English
        },
        other_language: None,
        interpreter_needed: recorded.interpreter_needed,
        communication_needs: Vec::new(),
        other_needs: None,
        update_frequency: recorded.update_frequency,
    }
}
