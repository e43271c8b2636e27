//! One-time sign-in codes: issuing one (and queueing the message that carries it) and
//! checking one. Every way a check can fail looks the same from outside.

use shared::api::preferences::ContactMethod;
use shared::{CrimeReference, Lang};

use crate::outbox::{self, Channel};
use crate::platform::data_key::DataKeys;
use crate::platform::sealed::{VICTIMS_EMAIL, VICTIMS_PHONE};
use crate::platform::stored::enum_from_text;
use crate::platform::{i18n, secrets};

use super::store;
use crate::platform::db::{self, Conn};

/// Minutes a code stays valid.
pub const LIFETIME_MINUTES: u32 = 10;
/// Wrong tries after which a code is dead.
pub const MAX_WRONG_TRIES: i64 = 5;
/// Codes a case can be sent in an hour; requests beyond it send nothing.
pub const MAX_CODES_PER_HOUR: i64 = 5;

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

/// Issues a code for `reference` if it belongs to a case whose victim can receive one.
/// The code is generated and hashed either way so both paths do similar work.
pub async fn issue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    reference: &CrimeReference,
    now: i64,
) -> anyhow::Result<Issued> {
    // Codes of one reference are issued and tried one transaction at a time, so the
    // hourly limit and the tries per code hold under concurrent requests.
    db::serialise(conn, reference.as_str()).await?;
    let code = secrets::new_code()?;
    let salt = secrets::new_salt()?;
    let hash = keys.code_hash(&salt, &code);
    let Some(target) = find_target(conn, keys, reference).await? else {
        return Ok(Issued::UnknownReference);
    };
    let Some((channel, recipient)) = target.channel else {
        tracing::info!(case_id = %target.case_id, "no code sent: no text or email contact");
        return Ok(Issued::NoSafeChannel);
    };
    let recent = store::count_since(conn, &target.case_id, now - 3600).await?;
    if recent >= MAX_CODES_PER_HOUR {
        tracing::warn!(case_id = %target.case_id, "no code sent: hourly limit reached");
        return Ok(Issued::RateLimited);
    }
    let expires_at = now + i64::from(LIFETIME_MINUTES) * 60;
    let code_id =
        store::replace_live_code(conn, &target.case_id, &salt, &hash, now, expires_at).await?;
    outbox::queue(
        conn,
        keys,
        channel,
        &recipient,
        &message_body(target.lang, &code),
        Some(&code_id),
        now,
    )
    .await?;
    tracing::info!(case_id = %target.case_id, code_id = %code_id, "sign-in code issued");
    Ok(Issued::Sent { code_id })
}

/// Who a correct code signs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub case_id: String,
    pub victim_id: String,
}

/// Checks `code` against the case's live code. Every check uses up one of its tries; the
/// right code within them is marked used. `None` covers every failure alike: unknown reference, no live code,
/// expired, used up, or wrong.
pub async fn check(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    reference: &CrimeReference,
    code: &str,
    now: i64,
) -> anyhow::Result<Option<SignedIn>> {
    db::serialise(conn, reference.as_str()).await?;
    let Some(target) = find_target(conn, keys, reference).await? else {
        burn_a_hash(keys, code);
        return Ok(None);
    };
    let live = store::live_code(conn, &target.case_id).await?;
    let Some((code_id, salt, hash)) = live else {
        burn_a_hash(keys, code);
        return Ok(None);
    };
    // Spend a try before comparing, so a wrong code always costs one.
    let spent = store::spend_try(conn, &code_id, MAX_WRONG_TRIES, now).await?;
    if !spent {
        burn_a_hash(keys, code);
        tracing::info!(case_id = %target.case_id, code_id = %code_id, "code expired or used up");
        return Ok(None);
    }
    if !keys.code_matches(&salt, &hash, code) {
        tracing::info!(case_id = %target.case_id, code_id = %code_id, "wrong code");
        return Ok(None);
    }
    if !store::mark_used(conn, &code_id, now).await? {
        return Ok(None);
    }
    tracing::info!(case_id = %target.case_id, code_id = %code_id, "code accepted");
    Ok(Some(SignedIn {
        case_id: target.case_id,
        victim_id: target.victim_id,
    }))
}

/// The hash a real check would compute, so failing early takes about as long.
fn burn_a_hash(keys: &DataKeys, code: &str) {
    std::hint::black_box(keys.code_hash("00000000000000000000000000000000", code));
}
