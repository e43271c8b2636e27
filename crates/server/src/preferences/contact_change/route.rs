//! The rules of a contact change, without a database: which choices decide where sign-in
//! codes go (the "contact route"), where they go for given preferences (the "sign-in
//! channel"), and what a save must hold back until a code confirms it.

use serde::{Deserialize, Serialize};
use shared::api::preferences::{ContactMethod, ContactPreferences};

use crate::outbox::Channel;
use crate::preferences::store::sign_in_method;
use crate::sign_in::codes::code_channel;

/// The choices a confirmation holds back: the two methods and the phone and email they
/// use. They go together because together they decide the sign-in channel (a second
/// method can carry codes too, see `sign_in_method`); every other choice is saved at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRoute {
    pub preferred_method: ContactMethod,
    pub second_method: Option<ContactMethod>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ContactRoute {
    pub fn of(prefs: &ContactPreferences) -> Self {
        Self {
            preferred_method: prefs.preferred_method,
            second_method: prefs.second_method,
            phone: prefs.phone.clone(),
            email: prefs.email.clone(),
        }
    }

    /// `prefs` with this route in place of its own.
    pub fn applied_to(&self, prefs: &ContactPreferences) -> ContactPreferences {
        ContactPreferences {
            preferred_method: self.preferred_method,
            second_method: self.second_method,
            phone: self.phone.clone(),
            email: self.email.clone(),
            ..prefs.clone()
        }
    }
}

/// Where sign-in codes go with these preferences (`None`: letter, call or visit only,
/// so no code can be sent). The same rule sign-in uses, via `code_channel`.
pub fn sign_in_channel(prefs: &ContactPreferences) -> Option<(Channel, String)> {
    code_channel(
        sign_in_method(prefs),
        prefs.phone.as_deref(),
        prefs.email.as_deref(),
    )
}

/// What a save does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Codes would still go where they go now: save everything.
    SaveNow,
    /// Codes would go somewhere else, or nowhere. Save `held` now (the request with the
    /// current contact route), and send a code to `code_to`; the requested route takes
    /// effect when the code comes back.
    Confirm {
        held: Box<ContactPreferences>,
        code_to: (Channel, String),
        /// The code goes to the current channel, because the new choices leave none.
        /// Without this a session thief could switch a victim to letters only and lock
        /// them out with nothing sent anywhere; asking the current channel stops that.
        to_current: bool,
    },
}

/// What saving `requested` over `current` must do.
pub fn plan(current: &ContactPreferences, requested: &ContactPreferences) -> Plan {
    let old = sign_in_channel(current);
    let new = sign_in_channel(requested);
    if old == new {
        return Plan::SaveNow;
    }
    let held = Box::new(ContactRoute::of(current).applied_to(requested));
    match (new, old) {
        (Some(new), _) => Plan::Confirm {
            held,
            code_to: new,
            to_current: false,
        },
        (None, Some(old)) => Plan::Confirm {
            held,
            code_to: old,
            to_current: true,
        },
        // Both none would have been equal.
        (None, None) => Plan::SaveNow,
    }
}

/// The `server.json` keys of the history lines for what changed between two routes (no
/// values: history is read on shared devices).
pub fn change_keys(older: &ContactPreferences, newer: &ContactPreferences) -> Vec<&'static str> {
    let mut keys = Vec::new();
    if (older.preferred_method, older.second_method)
        != (newer.preferred_method, newer.second_method)
    {
        keys.push("server.history.method_changed");
    }
    if older.phone != newer.phone {
        keys.push("server.history.phone_changed");
    }
    if older.email != newer.email {
        keys.push("server.history.email_changed");
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::api::preferences::{LanguageChoice, UpdateFrequency};

    fn texts_to(phone: &str) -> ContactPreferences {
        ContactPreferences {
            preferred_method: ContactMethod::TextMessage,
            second_method: None,
            phone: Some(phone.into()),
            email: None,
            address: None,
            postcode: None,
            safe_times: vec![],
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
    fn other_choices_save_at_once() {
        let current = texts_to("+447700900001");
        let mut requested = current.clone();
        requested.update_frequency = UpdateFrequency::OnlyWhenIAsk;
        requested.voicemail_safe = true;
        assert_eq!(plan(&current, &requested), Plan::SaveNow);
    }

    #[test]
    fn a_new_phone_for_texts_is_held_and_the_code_goes_to_it() {
        let current = texts_to("+447700900001");
        let mut requested = texts_to("+447700900982");
        requested.update_frequency = UpdateFrequency::OnlyWhenIAsk;
        let Plan::Confirm {
            held,
            code_to,
            to_current,
        } = plan(&current, &requested)
        else {
            panic!("expected a confirmation");
        };
        assert_eq!(code_to, (Channel::Sms, "+447700900982".into()));
        assert!(!to_current);
        assert_eq!(held.phone.as_deref(), Some("+447700900001"));
        assert_eq!(held.update_frequency, UpdateFrequency::OnlyWhenIAsk);
    }

    #[test]
    fn a_phone_that_carries_no_codes_changes_freely() {
        let mut current = texts_to("+447700900001");
        current.preferred_method = ContactMethod::Email;
        current.second_method = Some(ContactMethod::PhoneCall);
        current.email = Some("sam@example.org".into());
        let mut requested = current.clone();
        requested.phone = Some("+447700900982".into());
        assert_eq!(plan(&current, &requested), Plan::SaveNow);
    }

    #[test]
    fn moving_to_letters_only_asks_the_current_channel() {
        let current = texts_to("+447700900001");
        let mut requested = current.clone();
        requested.preferred_method = ContactMethod::Letter;
        requested.phone = None;
        let Plan::Confirm {
            code_to,
            to_current,
            held,
        } = plan(&current, &requested)
        else {
            panic!("expected a confirmation");
        };
        assert_eq!(code_to, (Channel::Sms, "+447700900001".into()));
        assert!(to_current);
        assert_eq!(held.preferred_method, ContactMethod::TextMessage);
    }

    #[test]
    fn from_no_channel_to_email_the_code_goes_to_the_email() {
        let mut current = texts_to("+447700900001");
        current.preferred_method = ContactMethod::Visit;
        let mut requested = current.clone();
        requested.preferred_method = ContactMethod::Email;
        requested.email = Some("sam@example.org".into());
        assert!(matches!(
            plan(&current, &requested),
            Plan::Confirm {
                code_to: (Channel::Email, _),
                to_current: false,
                ..
            }
        ));
        current.preferred_method = ContactMethod::Letter;
        requested.preferred_method = ContactMethod::Visit;
        requested.email = None;
        assert_eq!(plan(&current, &requested), Plan::SaveNow);
    }

    #[test]
    fn history_names_what_changed_without_values() {
        let older = texts_to("+447700900001");
        let newer = texts_to("+447700900982");
        assert_eq!(
            change_keys(&older, &newer),
            ["server.history.phone_changed"]
        );
        let mut by_email = newer.clone();
        by_email.preferred_method = ContactMethod::Email;
        by_email.email = Some("sam@example.org".into());
        assert_eq!(
            change_keys(&newer, &by_email),
            [
                "server.history.method_changed",
                "server.history.email_changed"
            ]
        );
        assert!(change_keys(&older, &older).is_empty());
    }
}
