//! Confirming a change of where sign-in codes go, so that someone holding a victim's
//! session (a shared device, an unlocked phone) cannot move the codes to themselves, or
//! to nowhere, and take the account over or lock the victim out.
//!
//! A save that would change the sign-in channel (`route::plan`) saves every other choice
//! at once but keeps the contact route (methods, phone, email) as it was, and sends a
//! 6-digit code to the new channel, or to the current one when the new choices leave no
//! channel at all (letter, call or visit only). Entering the code (`confirm`) puts the
//! new route in place, sends a neutral notice to the old channel and ends the victim's
//! other sessions. Codes are hashed as sign-in codes are (keyed HMAC), live 10 minutes and allow 5
//! tries; asking again for the same channel within a minute reuses the code, and at most
//! 5 codes are sent an hour. Any later save that needs no confirmation drops a change
//! still waiting: the newest save is what the victim wants.

pub mod route;
mod store;

use anyhow::Context;
use shared::api::preferences::{
    ChangedBy, ContactMethod, ContactPreferences, PendingContactChange,
};
use shared::Lang;

use self::route::{ContactRoute, Plan};
use super::store::{self as versions, message_lang, Version};
use crate::outbox::{self, Channel};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::stored::{enum_from_text, enum_text};
use crate::platform::{i18n, secrets};
use crate::sessions::store as sessions;

/// Minutes a confirmation code stays valid.
pub const LIFETIME_MINUTES: u32 = 10;
/// Tries after which a code is dead.
pub const MAX_TRIES: i64 = 5;
/// Confirmation codes a victim can be sent in an hour.
pub const MAX_CODES_PER_HOUR: i64 = 5;
/// Within this many seconds, asking again for the same channel reuses the code.
pub const REUSE_WITHIN_SECS: i64 = 60;
/// `errors.json` key for every failed confirmation (wrong, expired, used up, none waiting).
pub const CODE_REJECTED: &str = "contact_change_code_rejected";
/// `errors.json` key when the hourly limit stops a code being sent.
pub const TOO_MANY_CODES: &str = "contact_change_too_many_codes";

/// What a save did: the version now current, and the change waiting, if any.
pub struct Saved {
    pub version: Version,
    pub pending: Option<PendingContactChange>,
}

/// Who is saving.
#[derive(Clone, Copy)]
pub struct Author<'a> {
    pub changed_by: ChangedBy,
    pub id: &'a str,
}

/// Saves `requested` (already validated), holding back a change of the sign-in channel
/// until it is confirmed. Run it in a write transaction; an `Err` (the hourly limit)
/// saves nothing.
pub async fn save(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    requested: &ContactPreferences,
    author: Author<'_>,
    now: i64,
) -> Result<Saved, AppError> {
    // Saves and confirmations of one victim take turns: each reads the current version.
    db::serialise(conn, victim_id).await?;
    versions::ensure_initial(conn, keys, victim_id, now).await?;
    let current = versions::current(conn, keys, victim_id)
        .await?
        .context("version 1 was not created")?;
    let (to_save, pending) = match route::plan(&current.preferences, requested) {
        Plan::SaveNow => {
            store::cancel_live(conn, victim_id, now).await?;
            (requested.clone(), None)
        }
        Plan::Confirm {
            held,
            code_to,
            to_current,
        } => {
            let route = ContactRoute::of(requested);
            let lang = message_lang(requested.language);
            let pending = send_code(
                conn, keys, victim_id, &route, code_to, to_current, lang, now,
            )
            .await?;
            (*held, Some(pending))
        }
    };
    let version = versions::save(
        conn,
        keys,
        victim_id,
        &to_save,
        author.changed_by,
        author.id,
        now,
    )
    .await?;
    Ok(Saved { version, pending })
}

/// Stores the change and queues its code to `code_to`, or reuses the live code sent
/// there less than a minute ago.
#[allow(clippy::too_many_arguments)]
async fn send_code(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    route: &ContactRoute,
    (channel, recipient): (Channel, String),
    to_current: bool,
    lang: Lang,
    now: i64,
) -> Result<PendingContactChange, AppError> {
    let requested = serde_json::to_string(route).map_err(AppError::internal)?;
    let channel_text = enum_text(&channel)?;
    if let Some(live) = store::live(conn, keys, victim_id).await? {
        let same_place = live.code_channel == channel_text && live.code_recipient == recipient;
        if same_place && now - live.created_at < REUSE_WITHIN_SECS && live.expires_at > now {
            store::update_requested(conn, keys, &live.id, &requested).await?;
            tracing::info!(change_id = %live.id, "contact change: recent code reused");
            return Ok(pending_view(channel, to_current, live.expires_at - now));
        }
    }
    if store::count_since(conn, victim_id, now - 3600).await? >= MAX_CODES_PER_HOUR {
        tracing::warn!("contact change: no code sent, hourly limit reached");
        let field = match (to_current, channel) {
            (true, _) => "preferred_method",
            (false, Channel::Sms) => "phone",
            // Sign-in codes never go by letter (`code_channel`).
            (false, Channel::Email | Channel::Letter) => "email",
        };
        return Err(AppError::Validation(FieldErrors::single(
            field,
            TOO_MANY_CODES,
        )));
    }
    store::cancel_live(conn, victim_id, now).await?;
    let code = secrets::new_code()?;
    let salt = secrets::new_salt()?;
    let code_hash = keys.code_hash(&salt, &code);
    let expires_at = now + i64::from(LIFETIME_MINUTES) * 60;
    let change_id = store::insert(
        conn,
        keys,
        store::NewChange {
            victim_id,
            requested: &requested,
            code_channel: &channel_text,
            code_recipient: &recipient,
            salt: &salt,
            code_hash: &code_hash,
            now,
            expires_at,
        },
    )
    .await?;
    let body = i18n::format(
        lang,
        "server.contact_change.code_message",
        &[("code", &code), ("minutes", &LIFETIME_MINUTES.to_string())],
    );
    let message = outbox::NewMessage {
        kind: outbox::Kind::ContactChangeCode,
        channel,
        recipient: &recipient,
        body: &body,
        victim_id,
        case_id: None,
        sign_in_code_id: None,
        contact_change_id: Some(&change_id),
        supporter_invitation_id: None,
        supporter_code_id: None,
    };
    outbox::queue(conn, keys, &message, now).await?;
    tracing::info!(change_id = %change_id, "contact change: confirmation code sent");
    Ok(pending_view(channel, to_current, expires_at - now))
}

/// The change still waiting for its code, if one can still be confirmed (not expired,
/// tries left), so the app can ask for the code again after a reload. `current` is the
/// current version: a code sent to its own channel means the new choices had none.
pub async fn waiting(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    current: &ContactPreferences,
    now: i64,
) -> anyhow::Result<Option<PendingContactChange>> {
    let Some(live) = store::live(conn, keys, victim_id).await? else {
        return Ok(None);
    };
    if live.expires_at <= now || live.attempts >= MAX_TRIES {
        return Ok(None);
    }
    let channel = enum_from_text::<Channel>(&live.code_channel)?;
    let to_current = route::sign_in_channel(current) == Some((channel, live.code_recipient));
    Ok(Some(pending_view(
        channel,
        to_current,
        live.expires_at - now,
    )))
}

fn pending_view(channel: Channel, to_current: bool, seconds_left: i64) -> PendingContactChange {
    let minutes = (seconds_left.max(0) + 59) / 60;
    PendingContactChange {
        code_sent_by: match channel {
            Channel::Sms => ContactMethod::TextMessage,
            Channel::Email => ContactMethod::Email,
            Channel::Letter => ContactMethod::Letter,
        },
        sent_to_current: to_current,
        expires_in_minutes: u32::try_from(minutes).unwrap_or(LIFETIME_MINUTES),
    }
}

/// Checks `code` against the victim's waiting change. Every check spends a try. With the
/// right code the requested route takes effect as a new version, the old channel gets a
/// neutral notice, and every session of the victim ends except the one whose token is
/// `keep_session` (the caller's). `None` for every failure alike.
pub async fn confirm(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    code: &str,
    author: Author<'_>,
    keep_session: Option<&str>,
    now: i64,
) -> Result<Option<Version>, AppError> {
    db::serialise(conn, victim_id).await?;
    let Some(live) = store::live(conn, keys, victim_id).await? else {
        return Ok(None);
    };
    // Spend a try before comparing, so a wrong code always costs one.
    if !store::spend_try(conn, &live.id, MAX_TRIES, now).await? {
        tracing::info!(change_id = %live.id, "contact change: code expired or used up");
        return Ok(None);
    }
    if !keys.code_matches(&live.salt, &live.code_hash, code) {
        tracing::info!(change_id = %live.id, "contact change: wrong code");
        return Ok(None);
    }
    if !store::mark_confirmed(conn, &live.id, now).await? {
        return Ok(None);
    }
    let route: ContactRoute =
        serde_json::from_str(&live.requested).context("stored contact change does not parse")?;
    let current = versions::current(conn, keys, victim_id)
        .await?
        .context("a confirmed change has no version to apply to")?;
    let changed = route.applied_to(&current.preferences);
    let version = versions::save(
        conn,
        keys,
        victim_id,
        &changed,
        author.changed_by,
        author.id,
        now,
    )
    .await?;
    let old_channel = route::sign_in_channel(&current.preferences);
    if let Some((channel, recipient)) =
        old_channel.filter(|old| route::sign_in_channel(&changed).as_ref() != Some(old))
    {
        // Neutral: whoever reads the old phone or inbox may not be the victim.
        let body = i18n::text(
            message_lang(changed.language),
            "server.contact_change.notice",
        );
        let message = outbox::NewMessage {
            kind: outbox::Kind::ContactChangeNotice,
            channel,
            recipient: &recipient,
            body,
            victim_id,
            case_id: None,
            sign_in_code_id: None,
            contact_change_id: None,
            supporter_invitation_id: None,
            supporter_code_id: None,
        };
        outbox::queue(conn, keys, &message, now).await?;
    }
    let ended = sessions::end_victim_sessions_except(conn, victim_id, keep_session, now).await?;
    // A sign-in code already sent went to the old channel: it must not outlive it (and a
    // new request must send a new code to the new channel, not re-use that one).
    crate::sign_in::store::invalidate_victims_live_codes(conn, victim_id, now).await?;
    tracing::info!(change_id = %live.id, sessions_ended = ended, "contact change confirmed");
    Ok(Some(version))
}
