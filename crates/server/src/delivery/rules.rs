//! What the worker decides for each message, as plain functions: when it may go, how a
//! case update reaches the victim (only by a written method they chose, never a
//! fallback), what it says, and how long to wait after a failure.

use shared::api::preferences::{ContactMethod, ContactPreferences};
use shared::Lang;

use super::message::Address;
use crate::outbox::{Channel, Kind};
use crate::platform::i18n;

/// Tries after which a message is given up.
pub const MAX_ATTEMPTS: i64 = 10;
/// The wait after the first failure; it doubles with each further one.
pub const FIRST_BACKOFF_SECS: i64 = 30;
/// The longest wait between tries.
pub const MAX_BACKOFF_SECS: i64 = 60 * 60;
/// Why a case update was not sent: the officer sees it.
pub const NO_SAFE_METHOD: &str = "no safe written method";
/// Why a text was not sent: someone else answered the number and no officer has checked
/// it with the victim since (`contact_log`). The officer sees it.
pub const NUMBER_STOPPED: &str = "number may not be safe: check it with the victim";
/// Why a message was dropped after `MAX_ATTEMPTS` temporary failures.
pub const GAVE_UP: &str = "gave up after 10 tries";

/// Whether `kind` goes at once (someone is waiting for it) rather than in the victim's
/// next safe window. A supporter's messages go to the supporter, not the victim, so the
/// victim's safe times do not hold them.
pub fn goes_at_once(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::SignInCode
            | Kind::ContactChangeCode
            | Kind::SupporterInvitation
            | Kind::SupporterSignInCode
    )
}

/// Seconds to wait before trying again after `attempts` tries: 30 s, doubling, at most
/// an hour.
pub fn backoff_secs(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 20)).unwrap_or(20);
    (FIRST_BACKOFF_SECS << doublings).min(MAX_BACKOFF_SECS)
}

/// Whether the provider may already hold a claimed message, so the worker asks it
/// (`Provider::find_sent`) before sending: when an earlier claim's lease ran out mid-send
/// (a server killed), and on every retry, since a failed try may have failed after the
/// provider took the message (a timeout, a dropped connection, an error answer). Only a
/// first try (`attempts` counts this one) is sure to be new.
pub fn ask_before_sending(lease_expired: bool, attempts: i64) -> bool {
    lease_expired || attempts > 1
}

/// How a case update reaches the victim now: their preferred method if it carries a
/// written message, else their second one under the same rules. Text needs a phone,
/// email an address, a letter `letters_safe` and an address with a postcode. A phone call,
/// a visit, or nothing usable: `None` (never any other fallback). A letter's first line is
/// the victim's name.
pub fn case_update_route(
    prefs: &ContactPreferences,
    full_name: &str,
) -> Option<(Channel, Address)> {
    [Some(prefs.preferred_method), prefs.second_method]
        .into_iter()
        .flatten()
        .find_map(|method| written_route(method, prefs, full_name))
}

fn written_route(
    method: ContactMethod,
    prefs: &ContactPreferences,
    full_name: &str,
) -> Option<(Channel, Address)> {
    match method {
        ContactMethod::TextMessage => prefs
            .phone
            .clone()
            .map(|phone| (Channel::Sms, Address::Phone(phone))),
        ContactMethod::Email => prefs
            .email
            .clone()
            .map(|email| (Channel::Email, Address::Email(email))),
        ContactMethod::Letter if prefs.letters_safe => {
            let (address, postcode) = (prefs.address.as_deref()?, prefs.postcode.as_deref()?);
            let mut lines = vec![full_name.trim().to_owned()];
            lines.extend(
                address
                    .split(['\n', ','])
                    .map(str::trim)
                    .filter(|line| !line.is_empty())
                    .map(str::to_owned),
            );
            let postcode = postcode.trim().to_owned();
            (lines.len() > 1 && !postcode.is_empty())
                .then_some((Channel::Letter, Address::Postal { lines, postcode }))
        }
        ContactMethod::Letter | ContactMethod::PhoneCall | ContactMethod::Visit => None,
    }
}

/// A case update's subject and body in `lang`: neutral, naming the police only when the
/// victim said caller ID and police branding are safe; the portal's address after it when
/// the server knows its public origin.
pub fn case_update_wording(
    lang: Lang,
    police_allowed: bool,
    portal: Option<&str>,
) -> (String, String) {
    let key = if police_allowed {
        "server.delivery.case_update_police"
    } else {
        "server.delivery.case_update"
    };
    let mut body = i18n::text(lang, key).to_owned();
    if let Some(portal) = portal {
        body.push('\n');
        body.push_str(portal);
    }
    (subject(lang), body)
}

/// Every email's subject and letter's heading: the service's neutral name.
pub fn subject(lang: Lang) -> String {
    i18n::text(lang, "server.delivery.subject").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preferences::initial::{initial_preferences, RecordedContact};
    use shared::api::preferences::UpdateFrequency;

    fn prefs(preferred: ContactMethod, second: Option<ContactMethod>) -> ContactPreferences {
        let mut prefs = initial_preferences(&RecordedContact {
            contact_method: preferred,
            phone: Some("+447700900001"),
            email: Some("a@example.org"),
            voicemail_safe: false,
            letter_to_home_safe: false,
            caller_id_may_show_police: false,
            language: "en",
            interpreter_needed: false,
            update_frequency: UpdateFrequency::EveryUpdate,
        });
        prefs.second_method = second;
        prefs.letters_safe = false;
        prefs.address = Some("1 High Street\nTown".into());
        prefs.postcode = Some("SW1A 1AA".into());
        prefs
    }

    #[test]
    fn only_codes_go_at_once() {
        assert!(goes_at_once(Kind::SignInCode));
        assert!(goes_at_once(Kind::SupporterInvitation));
        assert!(goes_at_once(Kind::SupporterSignInCode));
        assert!(goes_at_once(Kind::ContactChangeCode));
        assert!(!goes_at_once(Kind::ContactChangeNotice));
        assert!(!goes_at_once(Kind::CaseUpdate));
    }

    #[test]
    fn only_a_first_try_under_its_own_lease_is_sent_without_asking_first() {
        assert!(!ask_before_sending(false, 1));
        assert!(ask_before_sending(true, 1), "a lease taken over");
        assert!(ask_before_sending(false, 2), "a retry");
        assert!(ask_before_sending(true, 3));
    }

    #[test]
    fn backoff_doubles_from_30_seconds_to_an_hour() {
        let waits: Vec<i64> = (1..=9).map(backoff_secs).collect();
        assert_eq!(waits, [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
        assert_eq!(backoff_secs(0), 30);
        assert_eq!(backoff_secs(i64::MAX), 3600);
    }

    #[test]
    fn the_preferred_written_method_then_the_second_and_never_a_fallback() {
        use ContactMethod::*;
        let route = |p: &ContactPreferences| case_update_route(p, "Sam").map(|(c, _)| c);
        assert_eq!(route(&prefs(TextMessage, Some(Email))), Some(Channel::Sms));
        assert_eq!(route(&prefs(PhoneCall, Some(Email))), Some(Channel::Email));
        assert_eq!(route(&prefs(PhoneCall, None)), None);
        assert_eq!(route(&prefs(Visit, Some(PhoneCall))), None);
        // A phone number on file does not make texts safe if the victim chose calls.
        let mut no_email = prefs(PhoneCall, Some(Email));
        no_email.email = None;
        assert_eq!(route(&no_email), None);
    }

    #[test]
    fn letters_only_where_safe_and_addressed_with_the_name_first() {
        use ContactMethod::*;
        let unsafe_letter = prefs(Letter, None);
        assert_eq!(case_update_route(&unsafe_letter, "Sam"), None);
        let mut safe = prefs(Letter, None);
        safe.letters_safe = true;
        assert_eq!(
            case_update_route(&safe, " Sam Smith "),
            Some((
                Channel::Letter,
                Address::Postal {
                    lines: vec!["Sam Smith".into(), "1 High Street".into(), "Town".into()],
                    postcode: "SW1A 1AA".into()
                }
            ))
        );
        safe.postcode = None;
        assert_eq!(case_update_route(&safe, "Sam"), None);
    }

    #[test]
    fn wording_is_neutral_unless_police_branding_is_allowed_in_both_languages() {
        let (subject, body) = case_update_wording(Lang::En, false, None);
        assert_eq!(subject, "Safe Updates");
        assert_eq!(
            body,
            "You have a new update from Safe Updates. Sign in to read it."
        );
        let (_, police) = case_update_wording(Lang::En, true, Some("https://su.example"));
        assert!(police.contains("police's Safe Updates service"), "{police}");
        assert!(police.ends_with("\nhttps://su.example"), "{police}");
        let (subject, welsh) = case_update_wording(Lang::Cy, false, None);
        assert_eq!(subject, "Diweddariadau Diogel");
        assert!(welsh.starts_with("Mae gennych"), "{welsh}");
        assert!(!welsh.contains("heddlu"), "{welsh}");
        assert!(case_update_wording(Lang::Cy, true, None)
            .1
            .contains("heddlu"));
    }
}
