//! The answers each question on the preferences form offers: `(value, id suffix, label)`.

use shared::api::preferences::{CommunicationNeed, ContactMethod, UpdateFrequency};

pub(super) const METHODS: &[(ContactMethod, &str, &str)] = &[
    (ContactMethod::PhoneCall, "phone-call", "Phone call"),
    (ContactMethod::TextMessage, "text-message", "Text message"),
    (ContactMethod::Email, "email", "Email"),
    (ContactMethod::Letter, "letter", "Letter"),
    (
        ContactMethod::Visit,
        "visit",
        "A visit arranged by your officer",
    ),
];
pub(super) const SECOND_METHODS: &[(Option<ContactMethod>, &str, &str)] = &[
    (Some(ContactMethod::PhoneCall), "phone-call", "Phone call"),
    (
        Some(ContactMethod::TextMessage),
        "text-message",
        "Text message",
    ),
    (Some(ContactMethod::Email), "email", "Email"),
    (Some(ContactMethod::Letter), "letter", "Letter"),
    (
        Some(ContactMethod::Visit),
        "visit",
        "A visit arranged by your officer",
    ),
    (None, "none", "No second choice"),
];
pub(super) const YES_NO: &[(bool, &str, &str)] = &[(true, "yes", "Yes"), (false, "no", "No")];
pub(super) const FREQUENCIES: &[(UpdateFrequency, &str, &str)] = &[
    (UpdateFrequency::EveryUpdate, "every-update", "Every update"),
    (
        UpdateFrequency::KeyDecisionsOnly,
        "key-decisions",
        "Only key decisions, like a charge or a court date",
    ),
    (
        UpdateFrequency::OnlyWhenIAsk,
        "only-when-i-ask",
        "Only when I ask",
    ),
];
/// The listed communication needs; the first id is where the group's errors point.
/// "Something else" is separate because it reveals a text box.
pub(super) const NEEDS: [(CommunicationNeed, &str, &str); 4] = [
    (
        CommunicationNeed::BslInterpreter,
        "needs-bsl",
        "British Sign Language (BSL) interpreter",
    ),
    (
        CommunicationNeed::LargePrint,
        "needs-large-print",
        "Large print",
    ),
    (CommunicationNeed::EasyRead, "needs-easy-read", "Easy read"),
    (
        CommunicationNeed::HearingLoop,
        "needs-hearing-loop",
        "Hearing loop",
    ),
];
