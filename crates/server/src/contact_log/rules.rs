//! What a contact record may say: a note of at most `MAX_NOTE_CHARS`; "voicemail left"
//! only on a phone call and only where the victim said voicemail is safe (if no voicemail
//! plan was agreed, leave none); "someone else answered" only on a phone call.

use shared::api::preferences::ContactMethod;
use shared::api::staff_callbacks::{ContactOutcome, NewContact, MAX_NOTE_CHARS};

use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;

/// A contact that passed every check that needs no database.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidContact {
    pub method: ContactMethod,
    pub outcome: ContactOutcome,
    pub callback_id: Option<String>,
    pub case_update_id: Option<String>,
    /// As typed; `None` when empty or only spaces.
    pub note: Option<String>,
}

/// Checks `contact` against the victim's `voicemail_safe`; field keys as on `NewContact`.
pub fn validate(contact: NewContact, voicemail_safe: bool) -> Result<ValidContact, FieldErrors> {
    let mut errors = FieldErrors::default();
    let by_phone = contact.method == ContactMethod::PhoneCall;
    match contact.outcome {
        ContactOutcome::VoicemailLeft if !by_phone => {
            errors.add("outcome", Message::server("staff_callbacks.by_phone_only"));
        }
        ContactOutcome::VoicemailLeft if !voicemail_safe => {
            errors.add(
                "outcome",
                Message::server("staff_callbacks.voicemail_not_safe"),
            );
        }
        ContactOutcome::SomeoneElseAnswered if !by_phone => {
            errors.add("outcome", Message::server("staff_callbacks.by_phone_only"));
        }
        _ => {}
    }
    let note = contact.note.filter(|note| !note.trim().is_empty());
    if note
        .as_ref()
        .is_some_and(|note| note.chars().count() > MAX_NOTE_CHARS)
    {
        errors.add("note", Message::server("staff_callbacks.note_too_long"));
    }
    let blank_to_none = |id: Option<String>| id.filter(|id| !id.trim().is_empty());
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidContact {
        method: contact.method,
        outcome: contact.outcome,
        callback_id: blank_to_none(contact.callback_id),
        case_update_id: blank_to_none(contact.case_update_id),
        note,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(method: ContactMethod, outcome: ContactOutcome) -> NewContact {
        NewContact {
            method,
            outcome,
            callback_id: Some(String::new()),
            case_update_id: None,
            note: Some("  ".into()),
        }
    }

    #[test]
    fn voicemail_only_by_phone_and_only_where_safe() {
        use ContactMethod::*;
        use ContactOutcome::*;
        assert!(validate(contact(PhoneCall, VoicemailLeft), true).is_ok());
        assert!(validate(contact(PhoneCall, VoicemailLeft), false).is_err());
        assert!(validate(contact(TextMessage, VoicemailLeft), true).is_err());
        assert!(validate(contact(Visit, SomeoneElseAnswered), true).is_err());
        let valid = validate(contact(PhoneCall, NoAnswer), false).unwrap();
        assert_eq!((valid.note, valid.callback_id), (None, None));
    }

    #[test]
    fn a_note_has_a_limit() {
        let mut long = contact(ContactMethod::Visit, ContactOutcome::SpokeToVictim);
        long.note = Some("a".repeat(MAX_NOTE_CHARS + 1));
        assert!(validate(long, false).is_err());
    }
}
