//! Storing and reading the contact log (`contact_attempts`) and the numbers someone else
//! answered (`flagged_numbers`). Writers call the inserts and updates inside a write
//! transaction. A flagged number is sealed; it is found by its blind index.

use shared::api::staff_callbacks::{CheckOutcome, ContactView, NumberCheck};

use super::ValidContact;
use crate::callbacks::phone_ending;
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::FLAGGED_PHONE;
use crate::platform::stored::{enum_from_text, enum_text, rfc3339};

pub(crate) const INSERT_SQL: &str = "INSERT INTO contact_attempts (id, case_id, method, outcome,
         callback_id, case_update_id, note, recorded_at, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

/// A case's contacts, newest first: a range of `contact_attempts_case_id_recorded_at`.
pub(crate) const LIST_SQL: &str = "SELECT a.id, a.method, a.outcome, a.callback_id,
            a.case_update_id, a.note, a.recorded_at, s.display_name
       FROM contact_attempts a JOIN staff s ON s.id = a.recorded_by
      WHERE a.case_id = $1
      ORDER BY a.recorded_at DESC, a.id DESC
      LIMIT $2";

/// Whether a case update belongs to the case (primary key).
pub(crate) const CASE_UPDATE_SQL: &str =
    "SELECT id FROM case_updates WHERE id = $1 AND case_id = $2";

pub(crate) const FLAG_SQL: &str = "INSERT INTO flagged_numbers (id, victim_id, case_id, phone,
         phone_index, contact_id, flagged_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)";

/// Whether texts and calls to a victim's number are stopped: flagged and not confirmed
/// safe since. `flagged_numbers_victim_id_phone_index`.
pub(crate) const STOPPED_SQL: &str = "SELECT id FROM flagged_numbers
     WHERE victim_id = $1 AND phone_index = $2
       AND (check_outcome IS NULL OR check_outcome = 'changed')";

/// A victim's numbers waiting for a check, newest first.
pub(crate) const OPEN_CHECKS_SQL: &str = "SELECT phone, flagged_at FROM flagged_numbers
     WHERE victim_id = $1 AND check_outcome IS NULL
     ORDER BY flagged_at DESC";

pub(crate) const SETTLE_SQL: &str = "UPDATE flagged_numbers
     SET checked_at = $1, checked_by = $2, check_outcome = $3
     WHERE victim_id = $4 AND check_outcome IS NULL";

/// Who records a contact, on which case, when.
pub struct Recorded<'a> {
    pub case_id: &'a str,
    pub staff_id: &'a str,
    pub now: i64,
}

/// Stores a contact; returns its id (UUID v7).
pub async fn insert(
    conn: &mut Conn<'_>,
    contact: &ValidContact,
    by: &Recorded<'_>,
) -> anyhow::Result<String> {
    let id = uuid::Uuid::now_v7().to_string();
    query(INSERT_SQL)
        .bind(&id)
        .bind(by.case_id)
        .bind(enum_text(&contact.method)?)
        .bind(enum_text(&contact.outcome)?)
        .bind(contact.callback_id.as_deref())
        .bind(contact.case_update_id.as_deref())
        .bind(contact.note.as_deref())
        .bind(by.now)
        .bind(by.staff_id)
        .execute(conn)
        .await?;
    Ok(id)
}

/// A case's contacts, newest first, at most `limit`.
pub async fn list(
    conn: &mut Conn<'_>,
    case_id: &str,
    limit: i64,
) -> anyhow::Result<Vec<ContactView>> {
    type Row = (
        String,
        String,
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        i64,
        String,
    );
    let rows: Vec<Row> = query(LIST_SQL)
        .bind(case_id)
        .bind(limit)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(
            |(id, method, outcome, callback_id, case_update_id, note, at, by)| {
                Ok(ContactView {
                    id,
                    method: enum_from_text(&method)?,
                    outcome: enum_from_text(&outcome)?,
                    callback_id,
                    case_update_id,
                    note,
                    recorded_at: rfc3339(at)?,
                    recorded_by: by,
                })
            },
        )
        .collect()
}

/// Whether `case_update_id` is an update of `case_id`.
pub async fn case_update_exists(
    conn: &mut Conn<'_>,
    case_id: &str,
    case_update_id: &str,
) -> anyhow::Result<bool> {
    let row: Option<(String,)> = query(CASE_UPDATE_SQL)
        .bind(case_update_id)
        .bind(case_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// Flags `phone` of `victim_id`, found unsafe by contact `contact_id`.
pub async fn flag(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    (victim_id, case_id): (&str, &str),
    phone: &str,
    contact_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    query(FLAG_SQL)
        .bind(uuid::Uuid::now_v7().to_string())
        .bind(victim_id)
        .bind(case_id)
        .bind(keys.seal(FLAGGED_PHONE, phone)?)
        .bind(keys.blind_index(FLAGGED_PHONE, phone))
        .bind(contact_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether texts and calls to `phone` of `victim_id` are stopped.
pub async fn stopped(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    phone: &str,
) -> anyhow::Result<bool> {
    let row: Option<(String,)> = query(STOPPED_SQL)
        .bind(victim_id)
        .bind(keys.blind_index(FLAGGED_PHONE, phone))
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// A victim's numbers waiting for a check, newest first.
pub async fn open_checks(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
) -> anyhow::Result<Vec<NumberCheck>> {
    let rows: Vec<(String, i64)> = query(OPEN_CHECKS_SQL)
        .bind(victim_id)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|(phone, at)| {
            Ok(NumberCheck {
                phone_ending: phone_ending(&keys.open(FLAGGED_PHONE, &phone)?),
                flagged_at: rfc3339(at)?,
            })
        })
        .collect()
}

/// Settles every check waiting for `victim_id`; returns how many.
pub async fn settle(
    conn: &mut Conn<'_>,
    victim_id: &str,
    outcome: CheckOutcome,
    staff_id: &str,
    now: i64,
) -> anyhow::Result<u64> {
    Ok(query(SETTLE_SQL)
        .bind(now)
        .bind(staff_id)
        .bind(enum_text(&outcome)?)
        .bind(victim_id)
        .execute(conn)
        .await?)
}

/// A staff account's name, as the log shows who recorded a contact.
pub async fn staff_name(conn: &mut Conn<'_>, staff_id: &str) -> anyhow::Result<String> {
    let (name,): (String,) = query("SELECT display_name FROM staff WHERE id = $1")
        .bind(staff_id)
        .fetch_one(conn)
        .await?;
    Ok(name)
}
