//! `server seed --queue-codes N`: benchmark and crash-test data only. Issues a sign-in code
//! for each of N new seeded cases, through the sign-in code path itself
//! (`sign_in::codes::issue`), so N real `sign_in_code` messages wait in the outbox, due at
//! once and sealed as the server seals them. Sign-in codes are the one kind the delivery
//! worker sends at once, whatever the victim's safe times, so a server started on the
//! database afterwards has N messages to send straight away (`./x bench` delivery rates,
//! the killed-server test). The codes live for `CODE_LIFETIME_SECS`, not a real code's
//! 10 minutes: a slow provider's last messages would otherwise be dropped as spent before
//! their turn came, and the bench would measure the codes' expiry, not the sending.

use shared::api::preferences::ContactMethod;
use shared::CrimeReference;

use super::references;
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn, Db};
use crate::platform::stored::enum_text;
use crate::sign_in::codes::{self, Issued};

/// How long the queued codes stay usable (and so their messages worth sending).
const CODE_LIFETIME_SECS: i64 = 2 * 60 * 60;

/// Issues codes for the cases numbered `first..=last`, in order, until `wanted` are
/// queued: for every case whose victim signs in by text or email, or only by `only` when
/// given. Fails when too few such cases were seeded.
pub async fn queue(
    db: &Db,
    keys: &DataKeys,
    (first, last): (u64, u64),
    wanted: u64,
    only: Option<ContactMethod>,
    now: i64,
) -> anyhow::Result<u64> {
    if wanted == 0 {
        return Ok(0);
    }
    let only = only.map(|method| enum_text(&method)).transpose()?;
    let mut queued = 0;
    let mut tx = db.begin_write().await?;
    for number in first..=last {
        let Some(text) = references::reference(number) else {
            continue;
        };
        if let Some(only) = &only {
            if contact_method(&mut tx.conn(), &text).await?.as_deref() != Some(only.as_str()) {
                continue;
            }
        }
        let reference = CrimeReference::parse(&text)
            .map_err(|_| anyhow::anyhow!("a seeded reference that does not parse"))?;
        if let Issued::Sent { code_id } =
            codes::issue(&mut tx.conn(), keys, &reference, now).await?
        {
            outlive_the_run(&mut tx.conn(), &code_id, now + CODE_LIFETIME_SECS).await?;
            queued += 1;
            if queued == wanted {
                break;
            }
        }
    }
    tx.commit().await?;
    if queued < wanted {
        anyhow::bail!(
            "only {queued} of the new cases can be sent a code: seed more cases for \
             --queue-codes {wanted}"
        );
    }
    Ok(queued)
}

/// How the victim of the case `reference` signs in.
async fn contact_method(conn: &mut Conn<'_>, reference: &str) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = query(
        "SELECT victims.contact_method FROM cases JOIN victims ON victims.id = cases.victim_id
         WHERE cases.crime_reference = $1",
    )
    .bind(reference)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(method,)| method))
}

/// Makes the seeded code `code_id` usable until `expires_at`.
async fn outlive_the_run(conn: &mut Conn<'_>, code_id: &str, expires_at: i64) -> sqlx::Result<()> {
    query("UPDATE sign_in_codes SET expires_at = $1 WHERE id = $2")
        .bind(expires_at)
        .bind(code_id)
        .execute(conn)
        .await?;
    Ok(())
}
