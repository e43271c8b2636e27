//! What to do with a claimed message at the moment it would be sent, from the state of
//! things *now* (the victim may have changed their choices since it was queued): send it
//! (to where, saying what), hold it for the victim's next safe window, or drop it.
//!
//! Codes go at once, but only while they can still be used and only to where the victim's
//! codes go now. No text goes to a number someone else answered until an officer has
//! checked it with the victim (`contact_log::number_stopped`): a case update then takes the
//! victim's other written method if they chose one; a code is not sent (it would let
//! whoever holds the phone sign in), and never falls back to email, which the victim did
//! not choose for codes. Everything else waits for a safe window; a case update is then routed by
//! the victim's current preferences (`rules::case_update_route`) and worded in their
//! language.

use shared::api::preferences::{ContactMethod, ContactPreferences};
use shared::Lang;

use super::message::{Address, Outgoing};
use super::{rules, safe_window, store};
use crate::contact_log;
use crate::outbox::{Channel, Kind};
use crate::platform::sealed::{OUTBOX_BODY, OUTBOX_RECIPIENT, VICTIMS_EMAIL, VICTIMS_PHONE};
use crate::platform::state::AppState;
use crate::platform::stored::{enum_from_text, enum_text};
use crate::preferences::store::{current_or_initial, message_lang};
use crate::sign_in::codes::code_channel;

/// Why a sign-in code's message was dropped: the code was used, replaced or expired.
pub const CODE_SPENT: &str = "sign-in code no longer live";
const CHANNEL_CHANGED: &str = "sign-in contact details changed";
const CHANGE_CLOSED: &str = "contact change no longer pending";
const NO_VICTIM: &str = "no victim recorded";
const INVITATION_CLOSED: &str = "invitation no longer open";

/// What becomes of a claimed message now.
pub enum Decision {
    Send(Box<Ready>),
    /// Not yet: at `until`, the start of the victim's next safe window.
    Hold {
        until: i64,
    },
    /// Never: `reason` says why (a fixed phrase, shown to the officer).
    Cancel {
        reason: &'static str,
    },
}

/// A message ready for its provider.
pub struct Ready {
    pub outgoing: Outgoing,
    /// For a case update: what to store of where it went and what it said.
    pub resolved: Option<Resolved>,
}

/// A case update's channel, sealed recipient and its blind index, and sealed body.
pub struct Resolved {
    pub channel: String,
    pub recipient: String,
    pub index: String,
    pub body: String,
}

pub async fn decide(
    state: &AppState,
    message: &store::Claimed,
    kind: Kind,
    now: i64,
) -> anyhow::Result<Decision> {
    let Some(victim_id) = message.victim_id.as_deref() else {
        return Ok(Decision::Cancel { reason: NO_VICTIM });
    };
    let Some(victim) = store::victim(&mut state.db.conn(), victim_id).await? else {
        return Ok(Decision::Cancel { reason: NO_VICTIM });
    };
    let lang = Lang::from_tag(&victim.language).unwrap_or_default();
    match kind {
        Kind::SignInCode => {
            if !code_still_live(state, message, now).await? {
                return Ok(Decision::Cancel { reason: CODE_SPENT });
            }
            if !codes_still_go_there(state, &victim, message)? {
                return Ok(Decision::Cancel {
                    reason: CHANNEL_CHANGED,
                });
            }
            as_stored_unless_stopped(state, message, victim_id, lang).await
        }
        // A supporter's messages go to the supporter as queued, while still of use.
        Kind::SupporterSignInCode => {
            if !code_still_live(state, message, now).await? {
                return Ok(Decision::Cancel { reason: CODE_SPENT });
            }
            as_stored(state, message, lang)
        }
        Kind::SupporterInvitation => {
            let live = match message.supporter_invitation_id.as_deref() {
                Some(invitation) => {
                    store::supporter_invitation_live(&mut state.db.conn(), invitation, now).await?
                }
                None => false,
            };
            if !live {
                return Ok(Decision::Cancel {
                    reason: INVITATION_CLOSED,
                });
            }
            as_stored(state, message, lang)
        }
        Kind::ContactChangeCode => {
            let pending = match message.contact_change_id.as_deref() {
                Some(change) => {
                    store::contact_change_pending(&mut state.db.conn(), change, now).await?
                }
                None => false,
            };
            if !pending {
                return Ok(Decision::Cancel {
                    reason: CHANGE_CLOSED,
                });
            }
            as_stored_unless_stopped(state, message, victim_id, lang).await
        }
        Kind::ContactChangeNotice | Kind::CaseUpdate => {
            let current = current_or_initial(&state.db, &state.keys, victim_id, now).await?;
            let prefs = &current.preferences;
            let until = safe_window::next_safe_moment(&prefs.safe_times, now);
            if until > now {
                return Ok(Decision::Hold { until });
            }
            if kind == Kind::ContactChangeNotice {
                as_stored_unless_stopped(state, message, victim_id, lang).await
            } else {
                let mut prefs = prefs.clone();
                let stopped = match prefs.phone.as_deref() {
                    Some(phone) => {
                        let mut conn = state.db.conn();
                        contact_log::number_stopped(&mut conn, &state.keys, victim_id, phone)
                            .await?
                    }
                    None => false,
                };
                if stopped {
                    prefs.phone = None;
                }
                case_update(state, message, &prefs, &victim.full_name, stopped)
            }
        }
    }
}

/// Whether the sign-in code (a victim's or a supporter's) a message shows can still be
/// used.
pub async fn code_still_live(
    state: &AppState,
    message: &store::Claimed,
    now: i64,
) -> anyhow::Result<bool> {
    let mut conn = state.db.conn();
    Ok(
        match (&message.sign_in_code_id, &message.supporter_code_id) {
            (Some(code), _) => store::sign_in_code_live(&mut conn, code, now).await?,
            (None, Some(code)) => store::supporter_code_live(&mut conn, code, now).await?,
            (None, None) => false,
        },
    )
}

/// Whether the victim's sign-in codes still go where this message goes (compared by blind
/// index, so the stored recipient need not be opened).
fn codes_still_go_there(
    state: &AppState,
    victim: &store::Victim,
    message: &store::Claimed,
) -> anyhow::Result<bool> {
    let Ok(method) = enum_from_text::<ContactMethod>(&victim.contact_method) else {
        return Ok(false);
    };
    let phone = state
        .keys
        .open_optional(VICTIMS_PHONE, victim.phone.as_deref())?;
    let email = state
        .keys
        .open_optional(VICTIMS_EMAIL, victim.email.as_deref())?;
    let Some((channel, recipient)) = code_channel(method, phone.as_deref(), email.as_deref())
    else {
        return Ok(false);
    };
    let index = state.keys.blind_index(OUTBOX_RECIPIENT, &recipient);
    Ok(enum_text(&channel)? == message.channel
        && message.recipient_index.as_deref() == Some(index.as_str()))
}

/// `as_stored`, unless it is a text to a number someone else answered.
async fn as_stored_unless_stopped(
    state: &AppState,
    message: &store::Claimed,
    victim_id: &str,
    lang: Lang,
) -> anyhow::Result<Decision> {
    if enum_from_text::<Channel>(&message.channel)? == Channel::Sms {
        let number = state.keys.open(OUTBOX_RECIPIENT, &message.recipient)?;
        let mut conn = state.db.conn();
        if contact_log::number_stopped(&mut conn, &state.keys, victim_id, &number).await? {
            return Ok(Decision::Cancel {
                reason: rules::NUMBER_STOPPED,
            });
        }
    }
    as_stored(state, message, lang)
}

/// A message sent as it was queued: its stored recipient and body, opened.
fn as_stored(state: &AppState, message: &store::Claimed, lang: Lang) -> anyhow::Result<Decision> {
    let channel: Channel = enum_from_text(&message.channel)?;
    let recipient = state.keys.open(OUTBOX_RECIPIENT, &message.recipient)?;
    let address = match channel {
        Channel::Sms => Address::Phone(recipient),
        Channel::Email => Address::Email(recipient),
        Channel::Letter => {
            let mut lines: Vec<String> = recipient.lines().map(str::to_owned).collect();
            let postcode = lines.pop().unwrap_or_default();
            Address::Postal { lines, postcode }
        }
    };
    Ok(Decision::Send(Box::new(Ready {
        outgoing: Outgoing {
            reference: message.id.clone(),
            channel,
            address,
            subject: rules::subject(lang),
            body: state.keys.open(OUTBOX_BODY, &message.body)?,
        },
        resolved: None,
    })))
}

/// A case update routed and worded from the victim's current preferences (their phone
/// left out when `number_stopped`, which is then the reason if nothing else is left).
fn case_update(
    state: &AppState,
    message: &store::Claimed,
    prefs: &ContactPreferences,
    full_name: &str,
    number_stopped: bool,
) -> anyhow::Result<Decision> {
    let Some((channel, address)) = rules::case_update_route(prefs, full_name) else {
        return Ok(Decision::Cancel {
            reason: if number_stopped {
                rules::NUMBER_STOPPED
            } else {
                rules::NO_SAFE_METHOD
            },
        });
    };
    let lang = message_lang(prefs.language);
    let (subject, body) = rules::case_update_wording(
        lang,
        prefs.caller_id_allowed,
        state.config.public_origin.as_deref(),
    );
    let recipient = match &address {
        Address::Phone(text) | Address::Email(text) => text.clone(),
        Address::Postal { lines, postcode } => format!("{}\n{postcode}", lines.join("\n")),
    };
    let resolved = Resolved {
        channel: enum_text(&channel)?,
        recipient: state.keys.seal(OUTBOX_RECIPIENT, &recipient)?,
        index: state.keys.blind_index(OUTBOX_RECIPIENT, &recipient),
        body: state.keys.seal(OUTBOX_BODY, &body)?,
    };
    Ok(Decision::Send(Box::new(Ready {
        outgoing: Outgoing {
            reference: message.id.clone(),
            channel,
            address,
            subject,
            body,
        },
        resolved: Some(resolved),
    })))
}
