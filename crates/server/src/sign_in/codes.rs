//! One-time sign-in codes: issuing one (and queueing the message that carries it) and
//! checking one. Every way a check can fail looks the same from outside.

use shared::api::preferences::ContactMethod;
use shared::{CrimeReference, Lang};
use sqlx::SqliteConnection;

use crate::outbox::{self, Channel};
use crate::platform::stored::enum_from_text;
use crate::platform::{i18n, secrets};

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

/// case id, victim id, contact method, phone, email, language tag.
type TargetRow = (
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// The case and victim behind a reference typed at sign-in.
pub(crate) const SIGN_IN_TARGET_SQL: &str =
    "SELECT c.id, v.id, v.contact_method, v.phone, v.email, v.language
     FROM cases c JOIN victims v ON v.id = c.victim_id
     WHERE c.crime_reference = $1";

async fn find_target(
    conn: &mut SqliteConnection,
    reference: &CrimeReference,
) -> sqlx::Result<Option<SignInTarget>> {
    let row: Option<TargetRow> = sqlx::query_as(SIGN_IN_TARGET_SQL)
        .bind(reference.as_str())
        .fetch_optional(conn)
        .await?;
    Ok(
        row.map(|(case_id, victim_id, method, phone, email, language)| {
            // Only the victim's chosen method, and only if it can carry a code.
            let method = enum_from_text::<ContactMethod>(&method).ok();
            let channel = match (method, phone, email) {
                (Some(ContactMethod::TextMessage), Some(phone), _) => Some((Channel::Sms, phone)),
                (Some(ContactMethod::Email), _, Some(email)) => Some((Channel::Email, email)),
                _ => None,
            };
            SignInTarget {
                case_id,
                victim_id,
                channel,
                // Saving preferences keeps `victims.language` to the victim's choice.
                lang: Lang::from_tag(&language).unwrap_or_default(),
            }
        }),
    )
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
    conn: &mut SqliteConnection,
    reference: &CrimeReference,
    now: i64,
) -> anyhow::Result<Issued> {
    let code = secrets::new_code()?;
    let hashed = secrets::hash_new_code(&code)?;
    let Some(target) = find_target(conn, reference).await? else {
        return Ok(Issued::UnknownReference);
    };
    let Some((channel, recipient)) = target.channel else {
        tracing::info!(case_id = %target.case_id, "no code sent: no text or email contact");
        return Ok(Issued::NoSafeChannel);
    };
    let (recent,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM sign_in_codes WHERE case_id = $1 AND created_at > $2")
            .bind(&target.case_id)
            .bind(now - 3600)
            .fetch_one(&mut *conn)
            .await?;
    if recent >= MAX_CODES_PER_HOUR {
        tracing::warn!(case_id = %target.case_id, "no code sent: hourly limit reached");
        return Ok(Issued::RateLimited);
    }
    sqlx::query(
        "UPDATE sign_in_codes SET invalidated_at = $1
         WHERE case_id = $2 AND used_at IS NULL AND invalidated_at IS NULL",
    )
    .bind(now)
    .bind(&target.case_id)
    .execute(&mut *conn)
    .await?;
    let code_id = uuid::Uuid::new_v4().to_string();
    sqlx::query(
        "INSERT INTO sign_in_codes (id, case_id, salt, code_hash, created_at, expires_at, attempts)
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(&code_id)
    .bind(&target.case_id)
    .bind(&hashed.salt)
    .bind(&hashed.hash)
    .bind(now)
    .bind(now + i64::from(LIFETIME_MINUTES) * 60)
    .execute(&mut *conn)
    .await?;
    outbox::queue(
        conn,
        channel,
        &recipient,
        &message_body(target.lang, &code),
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
    conn: &mut SqliteConnection,
    reference: &CrimeReference,
    code: &str,
    now: i64,
) -> anyhow::Result<Option<SignedIn>> {
    let Some(target) = find_target(conn, reference).await? else {
        burn_a_hash(code);
        return Ok(None);
    };
    let live: Option<(String, String, String)> = sqlx::query_as(
        "SELECT id, salt, code_hash FROM sign_in_codes
         WHERE case_id = $1 AND used_at IS NULL AND invalidated_at IS NULL
         ORDER BY created_at DESC LIMIT 1",
    )
    .bind(&target.case_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((code_id, salt, hash)) = live else {
        burn_a_hash(code);
        return Ok(None);
    };
    // Spend a try before comparing, in one conditional update, so parallel guesses cannot
    // share a try even where the database does not serialise these transactions.
    let spent = sqlx::query(
        "UPDATE sign_in_codes SET attempts = attempts + 1
         WHERE id = $1 AND attempts < $2 AND expires_at > $3",
    )
    .bind(&code_id)
    .bind(MAX_WRONG_TRIES)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    if spent.rows_affected() != 1 {
        burn_a_hash(code);
        tracing::info!(case_id = %target.case_id, code_id = %code_id, "code expired or used up");
        return Ok(None);
    }
    if !secrets::code_matches(&salt, &hash, code) {
        tracing::info!(case_id = %target.case_id, code_id = %code_id, "wrong code");
        return Ok(None);
    }
    let marked =
        sqlx::query("UPDATE sign_in_codes SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(now)
            .bind(&code_id)
            .execute(&mut *conn)
            .await?;
    if marked.rows_affected() != 1 {
        return Ok(None);
    }
    tracing::info!(case_id = %target.case_id, code_id = %code_id, "code accepted");
    Ok(Some(SignedIn {
        case_id: target.case_id,
        victim_id: target.victim_id,
    }))
}

/// The hash a real check would compute, so failing early takes about as long.
fn burn_a_hash(code: &str) {
    std::hint::black_box(secrets::code_hash("00000000000000000000000000000000", code));
}
