//! The two callback write transactions: ask for a callback, cancel one. The API runs
//! each as a `write_batcher` job, so `conn` is inside a write transaction (`BEGIN
//! IMMEDIATE`, a savepoint per job) and an `Err` undoes everything the job wrote.

use shared::api::callbacks::{CallbackStatus, CallbackView, NewCallbackRequest};
use shared::api::preferences::ChangedBy;
use shared::contact::PhoneCountry;

use super::{
    cannot_cancel, count_open, find, insert, store, validate, Context, ALREADY_CANCELLED, MAX_OPEN,
    TOO_MANY_OPEN,
};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn};
use crate::platform::error::AppError;
use crate::platform::uk_time;
use crate::preferences::safe_times::safe_times_or_office_hours;
use crate::preferences::store as preferences;

/// A callback request and who is asking, owned so it can travel to the writer.
#[derive(Debug, Clone)]
pub struct NewRequest {
    pub case_id: String,
    pub victim_id: String,
    pub request: NewCallbackRequest,
    /// Who asked, by the caller's role.
    pub requested_by: ChangedBy,
    pub requested_by_id: String,
    /// Unix seconds.
    pub now: i64,
    /// Whose numbers a one-off number may be (`--phone-countries`).
    pub phone_countries: Vec<PhoneCountry>,
}

/// Checks and stores a request; returns it as the victim will see it.
///
/// The safe times, the count of open requests and the insert are all read and written
/// in the one write transaction, and writes to one case take turns (`db::serialise`), so
/// two requests at once cannot both be the third.
pub async fn request(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    new: NewRequest,
) -> Result<CallbackView, AppError> {
    db::serialise(conn, &new.case_id).await?;
    let current = preferences::current_in_write(conn, keys, &new.victim_id, new.now).await?;
    let context = Context {
        now: uk_time::local(new.now),
        safe_times: safe_times_or_office_hours(&current.preferences.safe_times),
        phone_on_file: current.preferences.phone.clone(),
        phone_countries: new.phone_countries,
    };
    let valid = validate(new.request, &context).map_err(AppError::Validation)?;
    if count_open(conn, &new.case_id).await? >= MAX_OPEN {
        return Err(AppError::Conflict {
            field: "callbacks",
            message: TOO_MANY_OPEN,
        });
    }
    let view = insert(
        conn,
        keys,
        &new.case_id,
        &valid,
        new.requested_by,
        &new.requested_by_id,
        new.now,
    )
    .await?;
    Ok(view)
}

/// Cancels an open request of `case_id`; returns it as the victim will now see it.
/// 404 if the case has no such request, 409 if it is already cancelled or done.
pub async fn cancel_open(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    callback_id: &str,
    now: i64,
) -> Result<CallbackView, AppError> {
    let existing = find(conn, keys, case_id, callback_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Some(message) = cannot_cancel(existing.status) {
        return Err(AppError::Conflict {
            field: "callback",
            message,
        });
    }
    if !store::cancel(conn, case_id, callback_id, now).await? {
        return Err(AppError::Conflict {
            field: "callback",
            message: ALREADY_CANCELLED,
        });
    }
    Ok(CallbackView {
        status: CallbackStatus::Cancelled,
        ..existing
    })
}
