//! Supporters' rules, without a database: which capabilities each permission grants, how
//! long invitations last, and the checks on what a victim or officer types.

use shared::api::supporters::{
    Relationship, SupporterChannel, SupporterPermission, SupporterStatus,
};
use shared::contact::EmailAddress;
use shared::phone::{PhoneCountry, PhoneNumber};

use crate::access::Capability;
use crate::platform::error::FieldErrors;
use crate::platform::i18n::Message;
use crate::platform::stored::{enum_from_text, enum_text};

/// An invitation link works once, for this long.
pub const INVITATION_SECS: i64 = 7 * 24 * 60 * 60;
/// The longest name or reason kept.
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_REASON_CHARS: usize = 500;
/// How many lines of a supporter's recent activity the victim sees.
pub const ACTIVITY_LINES: usize = 20;
/// How long an officer-added supporter's access lasts (a child's case, a bereavement: the
/// officer removes them when it should end).
pub const STAFF_GRANT_DAYS: i64 = 365;

fn message(key: &str) -> Message {
    Message::server(&format!("supporters.{key}"))
}

/// The capabilities a permission grants.
pub fn capabilities(permission: SupporterPermission) -> &'static [Capability] {
    match permission {
        SupporterPermission::ReadUpdates => &[Capability::ReadCase],
        SupporterPermission::Callbacks => &[
            Capability::ReadCallbacks,
            Capability::RequestCallback,
            Capability::CancelCallback,
        ],
        SupporterPermission::Preferences => {
            &[Capability::ReadPreferences, Capability::ChangePreferences]
        }
    }
}

/// The grant's stored list (comma separated serde names) for `permissions`.
pub fn grant_text(permissions: &[SupporterPermission]) -> anyhow::Result<String> {
    let mut names = Vec::new();
    for permission in SupporterPermission::ALL {
        if permissions.contains(&permission) {
            for capability in capabilities(permission) {
                names.push(enum_text(capability)?);
            }
        }
    }
    Ok(names.join(","))
}

/// The permissions a stored grant holds in full (in the order of `ALL`).
pub fn permissions_of(grant: &str) -> Vec<SupporterPermission> {
    let held: Vec<Capability> = grant
        .split(',')
        .filter_map(|name| enum_from_text(name).ok())
        .collect();
    SupporterPermission::ALL
        .into_iter()
        .filter(|permission| {
            capabilities(*permission)
                .iter()
                .all(|capability| held.contains(capability))
        })
        .collect()
}

/// At least one permission, each once.
pub fn permissions(
    chosen: &[SupporterPermission],
) -> Result<Vec<SupporterPermission>, FieldErrors> {
    let unique: Vec<SupporterPermission> = SupporterPermission::ALL
        .into_iter()
        .filter(|permission| chosen.contains(permission))
        .collect();
    if unique.is_empty() {
        return Err(FieldErrors::single(
            "permissions",
            message("permissions_choose"),
        ));
    }
    Ok(unique)
}

/// What a victim or officer typed about a supporter, checked.
pub struct Details {
    pub name: String,
    pub channel: SupporterChannel,
    /// E.164 for a text, lower case for an email.
    pub contact: String,
    pub relationship: Relationship,
    pub permissions: Vec<SupporterPermission>,
}

/// The typed parts of an invitation, each field's error collected.
pub struct Typed<'a> {
    pub name: &'a str,
    pub channel: SupporterChannel,
    pub contact: &'a str,
    pub relationship: Relationship,
    pub permissions: &'a [SupporterPermission],
}

pub fn details(typed: Typed<'_>, countries: &[PhoneCountry]) -> Result<Details, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = typed.name.trim();
    if name.is_empty() {
        errors.add("name", message("name_enter"));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.add("name", message("name_too_long"));
    }
    let contact = contact(typed.channel, typed.contact, countries)
        .map_err(|e| errors.add("contact", e))
        .ok();
    let permissions = permissions(typed.permissions)
        .map_err(|e| errors.extend(e))
        .ok();
    match (contact, permissions) {
        (Some(contact), Some(permissions)) if errors.is_empty() => Ok(Details {
            name: name.to_owned(),
            channel: typed.channel,
            contact,
            relationship: typed.relationship,
            permissions,
        }),
        _ => Err(errors),
    }
}

/// A contact as stored and looked up: a mobile number in E.164, or an email address in
/// lower case (the same person types it at sign-in, perhaps capitalised differently).
pub fn contact(
    channel: SupporterChannel,
    typed: &str,
    countries: &[PhoneCountry],
) -> Result<String, Message> {
    match channel {
        SupporterChannel::TextMessage => PhoneNumber::parse_in(typed.trim(), countries)
            .map(|phone| phone.to_string())
            .map_err(Message::from),
        SupporterChannel::Email => EmailAddress::parse(typed.trim())
            .map(|email| email.to_string().to_lowercase())
            .map_err(Message::from),
    }
}

/// What someone types at sign-in, as stored: an email address if it has an `@`, a phone
/// number otherwise; `None` if it is neither.
pub fn sign_in_contact(typed: &str, countries: &[PhoneCountry]) -> Option<String> {
    let channel = if typed.contains('@') {
        SupporterChannel::Email
    } else {
        SupporterChannel::TextMessage
    };
    contact(channel, typed, countries).ok()
}

/// Officers add only a child's parent or guardian, or a bereaved family's spokesperson.
pub fn staff_relationship(relationship: Relationship) -> Result<Relationship, FieldErrors> {
    match relationship {
        Relationship::ParentOrGuardian | Relationship::FamilySpokesperson => Ok(relationship),
        _ => Err(FieldErrors::single(
            "relationship",
            message("relationship_staff"),
        )),
    }
}

/// The reason an officer gives: required, at most `MAX_REASON_CHARS`.
pub fn reason(text: &str) -> Result<String, FieldErrors> {
    let text = text.trim();
    if text.is_empty() {
        Err(FieldErrors::single("reason", message("reason_enter")))
    } else if text.chars().count() > MAX_REASON_CHARS {
        Err(FieldErrors::single("reason", message("reason_too_long")))
    } else {
        Ok(text.to_owned())
    }
}

/// Where a supporter's access stands at `now`.
pub fn status(
    accepted: bool,
    invitation_live: bool,
    grant_expires_at: i64,
    now: i64,
) -> SupporterStatus {
    if grant_expires_at <= now {
        SupporterStatus::Expired
    } else if accepted {
        SupporterStatus::Active
    } else if invitation_live {
        SupporterStatus::Invited
    } else {
        SupporterStatus::InvitationExpired
    }
}

/// The victim's first name, for "You are helping Sam".
pub fn first_name(full_name: &str) -> String {
    full_name
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SupporterPermission::*;

    #[test]
    fn a_grant_holds_exactly_the_permissions_chosen() {
        for chosen in [
            vec![ReadUpdates],
            vec![Callbacks],
            vec![Preferences],
            vec![ReadUpdates, Preferences],
            vec![ReadUpdates, Callbacks, Preferences],
        ] {
            let stored = grant_text(&chosen).unwrap();
            assert_eq!(permissions_of(&stored), chosen, "{stored}");
        }
        assert_eq!(grant_text(&[ReadUpdates]).unwrap(), "read_case");
        // A list missing one capability of a permission does not hold it.
        assert_eq!(permissions_of("read_callbacks,request_callback"), []);
    }

    #[test]
    fn at_least_one_permission_and_each_once() {
        assert!(permissions(&[]).is_err());
        assert_eq!(
            permissions(&[Preferences, ReadUpdates, Preferences]).unwrap(),
            [ReadUpdates, Preferences]
        );
    }

    #[test]
    fn contacts_are_stored_one_way_whatever_was_typed() {
        let uk = [PhoneCountry::Gb];
        assert_eq!(
            sign_in_contact("07700 900123", &uk).as_deref(),
            Some("+447700900123")
        );
        assert_eq!(
            sign_in_contact(" Sam.Helper@Example.org ", &uk).as_deref(),
            Some("sam.helper@example.org")
        );
        assert_eq!(sign_in_contact("not a contact", &uk), None);
    }

    #[test]
    fn status_follows_the_grant_then_the_invitation() {
        assert_eq!(status(true, false, 200, 100), SupporterStatus::Active);
        assert_eq!(status(false, true, 200, 100), SupporterStatus::Invited);
        assert_eq!(
            status(false, false, 200, 100),
            SupporterStatus::InvitationExpired
        );
        assert_eq!(status(true, false, 100, 100), SupporterStatus::Expired);
    }

    #[test]
    fn officers_add_only_guardians_and_spokespeople() {
        assert!(staff_relationship(Relationship::ParentOrGuardian).is_ok());
        assert!(staff_relationship(Relationship::FamilySpokesperson).is_ok());
        assert!(staff_relationship(Relationship::Friend).is_err());
        assert!(reason("  ").is_err());
        assert_eq!(first_name("Sam  Taylor"), "Sam");
    }
}
