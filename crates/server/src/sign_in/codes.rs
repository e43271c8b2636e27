//! One-time sign-in codes: issuing one (and queueing the message that carries it; the
//! sign-in worker calls it) and checking one. Every way a check can fail looks the same
//! from outside, and writes the same: one try counted in `rate_limits`.

use shared::api::preferences::ContactMethod;
use shared::{CrimeReference, Lang};

use crate::outbox::{self, Channel};
use crate::platform::data_key::DataKeys;
use crate::platform::sealed::{VICTIMS_EMAIL, VICTIMS_PHONE};
use crate::platform::stored::enum_from_text;
use crate::platform::{i18n, secrets};

use super::rules::{self, LIFETIME_MINUTES, MAX_WRONG_TRIES};
use super::store::{self, CodeTable, CASE_CODES};
use crate::platform::db::{self, Conn};
use crate::platform::rate_limit;

/// What `issue` did. The API answers the same whatever it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Issued {
    /// A code was stored and its message queued.
    Sent {
        code_id: String,
    },
    UnknownReference,
    /// The victim chose letter, phone call or visit: no code can be sent.
    NoSafeChannel,
    /// A live code was sent less than `REUSE_WITHIN_SECS` ago: it stays the one to use.
    Reused,
    RateLimited,
}

/// The victim behind a case, where a code may be sent, and the language to write in.
struct SignInTarget {
    case_id: String,
    victim_id: String,
    channel: Option<(Channel, String)>,
    lang: Lang,
}

async fn find_target(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    reference: &CrimeReference,
) -> anyhow::Result<Option<SignInTarget>> {
    let Some(row) = store::find_target(conn, reference.as_str()).await? else {
        return Ok(None);
    };
    let method = enum_from_text::<ContactMethod>(&row.contact_method).ok();
    // Only the address the code goes to is opened.
    let phone = match method {
        Some(ContactMethod::TextMessage) => {
            keys.open_optional(VICTIMS_PHONE, row.phone.as_deref())?
        }
        _ => None,
    };
    let email = match method {
        Some(ContactMethod::Email) => keys.open_optional(VICTIMS_EMAIL, row.email.as_deref())?,
        _ => None,
    };
    Ok(Some(SignInTarget {
        case_id: row.case_id,
        victim_id: row.victim_id,
        channel: method.and_then(|method| code_channel(method, phone.as_deref(), email.as_deref())),
        // Saving preferences keeps `victims.language` to the victim's choice.
        lang: Lang::from_tag(&row.language).unwrap_or_default(),
    }))
}

/// Where codes go for a victim whose sign-in method (`victims.contact_method`) is
/// `method`: only that method's channel, and only if it can carry a code. Preferences use
/// it too, to tell when a save would move where codes go.
pub fn code_channel(
    method: ContactMethod,
    phone: Option<&str>,
    email: Option<&str>,
) -> Option<(Channel, String)> {
    match (method, phone, email) {
        (ContactMethod::TextMessage, Some(phone), _) => Some((Channel::Sms, phone.to_owned())),
        (ContactMethod::Email, _, Some(email)) => Some((Channel::Email, email.to_owned())),
        _ => None,
    }
}

/// The message that carries a code, in the victim's language.
pub fn message_body(lang: Lang, code: &str) -> String {
    i18n::format(
        lang,
        "server.sign_in_code.message",
        &[("code", code), ("minutes", &LIFETIME_MINUTES.to_string())],
    )
}

/// Issues a code for `reference` if it belongs to a case whose victim can receive one,
/// unless the live code is under a minute old (re-used) or the case has had its day's
/// codes. Called by the sign-in worker, out of the requester's sight, so its work may
/// differ between references that exist and ones that do not.
pub async fn issue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    reference: &CrimeReference,
    now: i64,
) -> anyhow::Result<Issued> {
    // Codes of one reference are issued and tried one transaction at a time, so the daily
    // limit, the re-use rule and the tries per code hold under concurrent requests.
    db::serialise(conn, reference.as_str()).await?;
    let Some(target) = find_target(conn, keys, reference).await? else {
        return Ok(Issued::UnknownReference);
    };
    let Some((channel, recipient)) = target.channel else {
        tracing::info!(case_id = %target.case_id, "no code sent: no text or email contact");
        return Ok(Issued::NoSafeChannel);
    };
    let (code_id, code) = match fresh_code(conn, keys, CASE_CODES, &target.case_id, now).await? {
        Fresh::Code { id, code } => (id, code),
        Fresh::Reused => {
            tracing::info!(case_id = %target.case_id, "no code sent: the live one is new");
            return Ok(Issued::Reused);
        }
        Fresh::RateLimited => {
            tracing::warn!(case_id = %target.case_id, "no code sent: daily limit reached");
            return Ok(Issued::RateLimited);
        }
    };
    let body = message_body(target.lang, &code);
    let message = outbox::NewMessage {
        kind: outbox::Kind::SignInCode,
        channel,
        recipient: &recipient,
        body: &body,
        victim_id: &target.victim_id,
        case_id: Some(&target.case_id),
        sign_in_code_id: Some(&code_id),
        contact_change_id: None,
        supporter_invitation_id: None,
        supporter_code_id: None,
    };
    outbox::queue(conn, keys, &message, now).await?;
    tracing::info!(case_id = %target.case_id, code_id = %code_id, "sign-in code issued");
    Ok(Issued::Sent { code_id })
}

/// What asking for a new code for one owner (a case, a supporter) came to.
pub enum Fresh {
    /// Stored (its hash); the code itself is for the message only.
    Code { id: String, code: String },
    /// The live code is under a minute old and still usable: no new one.
    Reused,
    /// The owner has had `MAX_CODES_PER_DAY` codes in the last day.
    RateLimited,
}

/// A new code for `owner` unless the live one is re-used or the day's codes are spent.
/// The caller holds the owner's turn (`db::serialise`).
pub async fn fresh_code(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    codes: CodeTable,
    owner: &str,
    now: i64,
) -> anyhow::Result<Fresh> {
    if let Some(live) = store::live_code(conn, codes, owner).await? {
        let tries =
            rate_limit::hits_in(conn, rules::CODE_TRIES_SCOPE, &live.id, live.created_at).await?;
        if reuses(&live, tries, now) {
            return Ok(Fresh::Reused);
        }
    }
    let recent = store::count_since(conn, codes, owner, now - 24 * 60 * 60).await?;
    if recent >= rules::MAX_CODES_PER_DAY {
        return Ok(Fresh::RateLimited);
    }
    let code = secrets::new_code()?;
    let salt = secrets::new_salt()?;
    let hash = keys.code_hash(&salt, &code);
    let expires_at = now + i64::from(LIFETIME_MINUTES) * 60;
    let id = store::replace_live_code(conn, codes, owner, (&salt, &hash), now, expires_at).await?;
    Ok(Fresh::Code { id, code })
}

/// Whether asking again at `now` re-uses `live` (sent `tries` wrong tries ago) instead
/// of sending a new code: only while it is new, unexpired and not used up.
pub fn reuses(live: &store::LiveCode, tries: i64, now: i64) -> bool {
    now - live.created_at < rules::REUSE_WITHIN_SECS
        && live.expires_at > now
        && tries < MAX_WRONG_TRIES
}

/// Who a correct code signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub case_id: String,
    pub victim_id: String,
}

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Checked {
    SignedIn(SignedIn),
    /// Any failure: unknown reference, no live code, expired, used up, or wrong. The case,
    /// when the reference has one, so its officer can be alerted.
    Refused {
        case_id: Option<String>,
    },
}

/// Checks `code` against the case's live code (`try_code`).
pub async fn check(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    reference: &CrimeReference,
    code: &str,
    now: i64,
) -> anyhow::Result<Checked> {
    db::serialise(conn, reference.as_str()).await?;
    let target = find_target(conn, keys, reference).await?;
    let case_id = target.as_ref().map(|t| t.case_id.clone());
    let Some(target) = target else {
        try_code(conn, keys, CASE_CODES, None, reference.as_str(), code, now).await?;
        return Ok(Checked::Refused { case_id });
    };
    if try_code(
        conn,
        keys,
        CASE_CODES,
        Some(&target.case_id),
        reference.as_str(),
        code,
        now,
    )
    .await?
    {
        tracing::info!(case_id = %target.case_id, "code accepted");
        Ok(Checked::SignedIn(SignedIn {
            case_id: target.case_id,
            victim_id: target.victim_id,
        }))
    } else {
        tracing::info!(case_id = %target.case_id, "code refused");
        Ok(Checked::Refused { case_id })
    }
}

/// Checks `code` against `owner`'s live code and uses it up if it matches; whether it
/// did. Every check spends one try before comparing, so a wrong code always costs one:
/// the live code's (in the window of its life), or, when there is no owner or no live
/// code, a stand-in counter keyed by `typed_key` (what was typed to find the owner), so
/// every failed check writes the same one row and takes about as long.
pub async fn try_code(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    codes: CodeTable,
    owner: Option<&str>,
    typed_key: &str,
    code: &str,
    now: i64,
) -> anyhow::Result<bool> {
    let live = match owner {
        Some(owner) => store::live_code(conn, codes, owner)
            .await?
            .filter(|live| live.expires_at > now),
        None => None,
    };
    let Some(live) = live else {
        let stand_in = format!("no-live-code {typed_key}");
        let window = (now - now.rem_euclid(60 * 60), now + 60 * 60);
        rate_limit::hit_in(conn, rules::CODE_TRIES_SCOPE, &stand_in, window).await?;
        burn_a_hash(keys, code);
        return Ok(false);
    };
    let window = (live.created_at, live.expires_at);
    let tries = rate_limit::hit_in(conn, rules::CODE_TRIES_SCOPE, &live.id, window).await?;
    if tries > MAX_WRONG_TRIES {
        burn_a_hash(keys, code);
        tracing::info!(code_id = %live.id, "code used up");
        return Ok(false);
    }
    if !keys.code_matches(&live.salt, &live.hash, code) {
        tracing::info!(code_id = %live.id, "wrong code");
        return Ok(false);
    }
    store::mark_used(conn, codes, &live.id, now)
        .await
        .map_err(Into::into)
}

/// The hash a real check would compute, so failing early takes about as long.
fn burn_a_hash(keys: &DataKeys, code: &str) {
    std::hint::black_box(keys.code_hash("00000000000000000000000000000000", code));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn live(created_at: i64) -> store::LiveCode {
        store::LiveCode {
            id: "c".into(),
            salt: String::new(),
            hash: String::new(),
            created_at,
            expires_at: created_at + 600,
        }
    }

    #[test]
    fn a_new_live_code_is_reused_for_a_minute_unless_it_is_used_up() {
        assert!(reuses(&live(1_000), 0, 1_059));
        assert!(!reuses(&live(1_000), 0, 1_060));
        assert!(!reuses(&live(1_000), MAX_WRONG_TRIES, 1_010));
    }
}
