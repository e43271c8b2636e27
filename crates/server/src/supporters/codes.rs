//! Supporters' one-time codes: finding who a sign-in is for, and the sign-in worker's
//! answer to a queued "send me a code" (out of the requester's sight, as for victims).

use shared::api::supporters::SupporterChannel;
use shared::Lang;

use super::store::{self, SignInTarget};
use crate::outbox::{self, Channel};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn, Db};
use crate::platform::sealed::SUPPORTERS_CONTACT;
use crate::platform::stored::enum_from_text;
use crate::sign_in::codes::{fresh_code, message_body, Fresh};
use crate::sign_in::store::SUPPORTER_CODES;

/// The blind index a contact is found by.
pub fn contact_index(keys: &DataKeys, contact: &str) -> String {
    keys.blind_index(SUPPORTERS_CONTACT, contact)
}

/// The key a contact's sign-in limits and turns are counted under: never a crime
/// reference (references have no spaces), so the two never share a count.
pub fn limit_key(contact_index: &str) -> String {
    format!("supporter {contact_index}")
}

/// Who a sign-in with this contact is for: by the invitation (its supporter, if the
/// contact is theirs), or else the supporter who accepted most recently with it.
pub async fn target(
    conn: &mut Conn<'_>,
    contact_index: &str,
    invitation_hash: Option<&str>,
    now: i64,
) -> sqlx::Result<Option<SignInTarget>> {
    match invitation_hash {
        Some(hash) => store::invited(conn, hash, contact_index, now).await,
        None => store::accepted_by_contact(conn, contact_index, now).await,
    }
}

/// Answers the oldest queued supporter request; `false` when there was none. Each answer
/// is one transaction that also deletes the request; one that fails is dropped (the
/// supporter can ask again).
pub async fn answer_one(db: &Db, keys: &DataKeys, now: impl Fn() -> i64) -> anyhow::Result<bool> {
    let mut tx = db.begin_write().await?;
    let Some((id, index, invitation)) = store::take_request(&mut tx.conn()).await? else {
        return Ok(false);
    };
    let answered = issue(&mut tx.conn(), keys, &index, invitation.as_deref(), now()).await;
    match answered {
        Ok(()) => tx.commit().await?,
        Err(error) => {
            drop(tx);
            store::delete_request(&mut db.conn(), &id).await?;
            tracing::error!(request_id = %id, error = format!("{error:#}"), "supporter code request dropped");
        }
    }
    Ok(true)
}

/// Issues a code to the supporter a request is for, if any (what happened is logged by
/// ids only).
async fn issue(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    contact_index: &str,
    invitation: Option<&str>,
    now: i64,
) -> anyhow::Result<()> {
    db::serialise(conn, &limit_key(contact_index)).await?;
    let Some(target) = target(conn, contact_index, invitation, now).await? else {
        return Ok(());
    };
    let (code_id, code) =
        match fresh_code(conn, keys, SUPPORTER_CODES, &target.supporter_id, now).await? {
            Fresh::Code { id, code } => (id, code),
            Fresh::Reused | Fresh::RateLimited => {
                tracing::info!(supporter_id = %target.supporter_id, "no supporter code sent");
                return Ok(());
            }
        };
    let channel = match enum_from_text::<SupporterChannel>(&target.channel)? {
        SupporterChannel::TextMessage => Channel::Sms,
        SupporterChannel::Email => Channel::Email,
    };
    let recipient = keys.open(SUPPORTERS_CONTACT, &target.contact)?;
    let body = message_body(Lang::from_tag(&target.language).unwrap_or_default(), &code);
    let message = outbox::NewMessage {
        kind: outbox::Kind::SupporterSignInCode,
        channel,
        recipient: &recipient,
        body: &body,
        victim_id: &target.victim_id,
        case_id: None,
        sign_in_code_id: None,
        contact_change_id: None,
        supporter_invitation_id: None,
        supporter_code_id: Some(&code_id),
    };
    outbox::queue(conn, keys, &message, now).await?;
    tracing::info!(supporter_id = %target.supporter_id, code_id = %code_id, "supporter code issued");
    Ok(())
}
