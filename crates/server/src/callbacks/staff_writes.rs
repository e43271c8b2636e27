//! The officer's callback write transactions: book a call, close a request. Each runs as
//! a `write_batcher` job with its audit row; an `Err` undoes everything it wrote.

use shared::api::callbacks::{CallbackStatus, CallbackView};
use shared::api::preferences::ContactMethod;
use shared::api::staff_callbacks::{CallbackOutcome, ContactOutcome, ScheduleCallback};

use super::booking::check_slot;
use super::{find, staff_store};
use crate::access::{Actor, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::contact_log::{self, ValidContact};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::stored::rfc3339;
use crate::platform::uk_time;
use crate::preferences::safe_times::safe_times_or_office_hours;
use crate::preferences::store as preferences;

/// Books an open request (or moves its booking): 422 unless the call fits one of the
/// request's windows and the victim's current safe times, or if the number to call is
/// stopped because someone else answered it.
pub async fn schedule(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    (actor, case): (&Actor, &CaseAccess),
    callback_id: &str,
    asked: ScheduleCallback,
    now: i64,
) -> Result<CallbackView, AppError> {
    let existing = open_request(conn, keys, case, callback_id).await?;
    let current = preferences::current_in_write(conn, keys, &case.victim_id, now).await?;
    let safe_times = safe_times_or_office_hours(&current.preferences.safe_times);
    let slot = check_slot(&asked, &existing.windows, &safe_times, uk_time::local(now))
        .map_err(AppError::Validation)?;
    let phone = staff_store::phone(conn, keys, &case.case_id, callback_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if contact_log::number_stopped(conn, keys, &case.victim_id, &phone).await? {
        return Err(callback_error("staff_callbacks.number_stopped"));
    }
    let bounds = (slot.starts, slot.ends);
    if !staff_store::schedule(conn, &case.case_id, callback_id, bounds, &actor.id).await? {
        return Err(callback_error("staff_callbacks.closed"));
    }
    let entry = AuditEntry::new(actor, AuditAction::ScheduleCallback, case, now);
    audit::record(conn, &entry).await?;
    Ok(CallbackView {
        status: CallbackStatus::Scheduled,
        scheduled_for: Some(rfc3339(slot.starts)?),
        booked: Some(slot.window),
        ..existing
    })
}

/// Closes an open request with `outcome`. Having spoken to the victim is a contact too,
/// so it is logged as a phone call about this request.
pub async fn complete(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    (actor, case): (&Actor, &CaseAccess),
    callback_id: &str,
    outcome: CallbackOutcome,
    now: i64,
) -> Result<CallbackView, AppError> {
    let existing = open_request(conn, keys, case, callback_id).await?;
    if !staff_store::complete(conn, &case.case_id, callback_id, outcome, now).await? {
        return Err(callback_error("staff_callbacks.closed"));
    }
    if outcome == CallbackOutcome::SpokeToVictim {
        let call = ValidContact {
            method: ContactMethod::PhoneCall,
            outcome: ContactOutcome::SpokeToVictim,
            callback_id: Some(callback_id.to_owned()),
            case_update_id: None,
            note: None,
        };
        contact_log::insert(conn, &call, (actor, case), now).await?;
    }
    let entry = AuditEntry::new(actor, AuditAction::CompleteCallback, case, now);
    audit::record(conn, &entry).await?;
    Ok(CallbackView {
        status: CallbackStatus::Done,
        ..existing
    })
}

/// The request, once this case's writes take turns; 404 if the case has none such, 422
/// if it is done or cancelled.
async fn open_request(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case: &CaseAccess,
    callback_id: &str,
) -> Result<CallbackView, AppError> {
    db::serialise(conn, &case.case_id).await?;
    let existing = find(conn, keys, &case.case_id, callback_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !existing.status.is_open() {
        return Err(callback_error("staff_callbacks.closed"));
    }
    Ok(existing)
}

fn callback_error(key: &str) -> AppError {
    AppError::Validation(FieldErrors::single("callback", Message::server(key)))
}
