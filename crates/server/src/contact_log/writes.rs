//! The contact log's write transactions: record a contact (and flag the number when
//! someone else answered), and settle the check of a flagged number. The API runs each
//! as a `write_batcher` job; an `Err` undoes everything the job wrote, audit row included.

use shared::api::preferences::ContactMethod;
use shared::api::staff_callbacks::{CheckOutcome, ContactOutcome, ContactView, NewContact};
use shared::api::updates::TellingMethod;

use super::store::{self, Recorded};
use super::{validate, ValidContact};
use crate::access::{Actor, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::callbacks;
use crate::cases::told;
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::stored::rfc3339;
use crate::platform::uk_time;
use crate::preferences::store as preferences;

/// Checks and stores a contact; returns it as the log shows it.
///
/// "Someone else answered" flags the number that was called (the callback's, else the
/// victim's number on file): from then on no text goes to it and the staff app offers no
/// call to it, until an officer records what the victim said (`settle_check`).
pub async fn record(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    (actor, case): (&Actor, &CaseAccess),
    contact: NewContact,
    now: i64,
) -> Result<ContactView, AppError> {
    db::serialise(conn, &case.case_id).await?;
    let current = preferences::current_in_write(conn, keys, &case.victim_id, now).await?;
    let valid =
        validate(contact, current.preferences.voicemail_safe).map_err(AppError::Validation)?;
    let called = match &valid.callback_id {
        Some(id) => Some(
            callbacks::staff_store::phone(conn, keys, &case.case_id, id)
                .await?
                .ok_or_else(|| field_error("callback_id", "staff_callbacks.no_such_callback"))?,
        ),
        None => None,
    };
    if let Some(update) = &valid.case_update_id {
        if !store::case_update_exists(conn, &case.case_id, update).await? {
            return Err(field_error(
                "case_update_id",
                "staff_callbacks.no_such_update",
            ));
        }
    }
    let id = insert(conn, &valid, (actor, case), now).await?;
    tell_by_contact(conn, &valid, (actor, case), now).await?;
    if valid.outcome == ContactOutcome::SomeoneElseAnswered {
        if let Some(number) = called.or(current.preferences.phone) {
            if !store::stopped(conn, keys, &case.victim_id, &number).await? {
                let whose = (case.victim_id.as_str(), case.case_id.as_str());
                store::flag(conn, keys, whose, &number, &id, now).await?;
            }
        }
    }
    Ok(ContactView {
        id,
        method: valid.method,
        outcome: valid.outcome,
        callback_id: valid.callback_id,
        case_update_id: valid.case_update_id,
        note: valid.note,
        recorded_at: rfc3339(now)?,
        recorded_by: store::staff_name(conn, &actor.id).await?,
    })
}

/// Stores a checked contact with its audit row; returns its id. Closing a callback after
/// speaking to the victim logs the call through here too.
pub async fn insert(
    conn: &mut Conn<'_>,
    valid: &ValidContact,
    (actor, case): (&Actor, &CaseAccess),
    now: i64,
) -> Result<String, AppError> {
    let by = Recorded {
        case_id: &case.case_id,
        staff_id: &actor.id,
        now,
    };
    let id = store::insert(conn, valid, &by).await?;
    let entry = AuditEntry::new(actor, AuditAction::RecordContactAttempt, case, now);
    audit::record(conn, &entry).await?;
    Ok(id)
}

/// A call or visit in which the officer spoke to the victim about an update tells them of
/// it (with its own audit row), if nothing had yet. A text, email or letter does not: it
/// counts only once delivered, which the delivery worker records.
async fn tell_by_contact(
    conn: &mut Conn<'_>,
    valid: &ValidContact,
    (actor, case): (&Actor, &CaseAccess),
    now: i64,
) -> Result<(), AppError> {
    let Some(update_id) = &valid.case_update_id else {
        return Ok(());
    };
    let method = match valid.method {
        ContactMethod::PhoneCall => TellingMethod::Call,
        ContactMethod::Visit => TellingMethod::Visit,
        _ => return Ok(()),
    };
    if valid.outcome != ContactOutcome::SpokeToVictim {
        return Ok(());
    }
    let today = uk_time::local(now).date;
    if told::mark_told(conn, &case.case_id, update_id, method, today).await? {
        let entry = AuditEntry::new(actor, AuditAction::MarkTold, case, now);
        audit::record(conn, &entry).await?;
    }
    Ok(())
}

/// Records what the victim said about their flagged numbers; returns how many it settled.
pub async fn settle_check(
    conn: &mut Conn<'_>,
    (actor, case): (&Actor, &CaseAccess),
    outcome: CheckOutcome,
    now: i64,
) -> Result<u32, AppError> {
    db::serialise(conn, &case.case_id).await?;
    let settled = store::settle(conn, &case.victim_id, outcome, &actor.id, now).await?;
    let entry = AuditEntry::new(actor, AuditAction::ConfirmNumberSafe, case, now);
    audit::record(conn, &entry).await?;
    Ok(u32::try_from(settled).unwrap_or(u32::MAX))
}

fn field_error(field: &str, key: &str) -> AppError {
    AppError::Validation(FieldErrors::single(field, Message::server(key)))
}
