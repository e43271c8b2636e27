//! Writes generated rows fast: many rows per INSERT (the SQL text repeats, so sqlx reuses
//! its prepared statement), tables in foreign-key order, inside the caller's transaction.
//! Contact details are sealed here, as the server stores them (`platform::sealed`).

use shared::api::preferences::ChangedBy;

use super::rows::{Batch, Officer, Victim};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Arg, Conn, Engine};
use crate::platform::sealed::{
    CALLBACK_PHONE, PREFERENCES_BODY, VICTIMS_EMAIL, VICTIMS_PHONE, WINDOW_DATE, WINDOW_END,
    WINDOW_START,
};
use crate::platform::stored::enum_text;

/// SQLite allows 32,766 bound values per statement (PostgreSQL 65,535); stay under both.
const MAX_VALUES_PER_STATEMENT: usize = 32_000;
/// Past this, longer statements stop paying for themselves.
const MAX_ROWS_PER_STATEMENT: usize = 1_000;

/// One row of a multi-row `VALUES` list, as it is written: bound values or SQL literals,
/// in column order.
struct Row<'r, 'a> {
    sql: &'r mut String,
    args: &'r mut Vec<Arg<'a>>,
    first: bool,
    /// `?` on SQLite, `$n` on PostgreSQL (which has no `?`). SQLite looks each `$n` name
    /// up among those seen so far when it compiles a statement, which with 32,000 of them
    /// made seeding thirty times slower.
    numbered: bool,
}

impl<'a> Row<'_, 'a> {
    fn separator(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.sql.push_str(", ");
        }
    }

    fn push_bind(&mut self, value: impl Into<Arg<'a>>) -> &mut Self {
        self.separator();
        self.args.push(value.into());
        if self.numbered {
            self.sql.push_str(&format!("${}", self.args.len()));
        } else {
            self.sql.push('?');
        }
        self
    }

    fn push(&mut self, literal: &str) -> &mut Self {
        self.separator();
        self.sql.push_str(literal);
        self
    }
}

/// Inserts `rows` with `head` (`INSERT INTO table (columns) `), `values_per_row` bound
/// values each, in as few statements as the limits allow.
async fn insert_rows<'a, T>(
    conn: &mut Conn<'_>,
    head: &str,
    values_per_row: usize,
    rows: &'a [T],
    mut bind: impl FnMut(&mut Row<'_, 'a>, &'a T),
) -> sqlx::Result<()> {
    let per_statement =
        (MAX_VALUES_PER_STATEMENT / values_per_row).clamp(1, MAX_ROWS_PER_STATEMENT);
    let numbered = conn.engine() == Engine::Postgres;
    for chunk in rows.chunks(per_statement) {
        let mut sql = format!("{head}VALUES ");
        let mut args = Vec::with_capacity(chunk.len() * values_per_row);
        for (index, item) in chunk.iter().enumerate() {
            if index > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            bind(
                &mut Row {
                    sql: &mut sql,
                    args: &mut args,
                    first: true,
                    numbered,
                },
                item,
            );
            sql.push(')');
        }
        query(&sql).bind_all(args).execute(conn).await?;
    }
    Ok(())
}

pub async fn officers(conn: &mut Conn<'_>, officers: &[Officer], now: i64) -> sqlx::Result<()> {
    insert_rows(
        conn,
        "INSERT INTO officers (id, name, role, phone, phone_link, email, hours, created_at) ",
        8,
        officers,
        |row, officer| {
            row.push_bind(&officer.id)
                .push_bind(&officer.name)
                .push_bind(officer.role)
                .push_bind(&officer.phone)
                .push_bind(&officer.phone_link)
                .push_bind(&officer.email)
                .push_bind(officer.hours)
                .push_bind(now);
        },
    )
    .await
}

/// A victim's contact details as stored: sealed.
struct SealedContact {
    phone: Option<String>,
    email: Option<String>,
    preferences: String,
}

fn seal_contact(keys: &DataKeys, victim: &Victim) -> anyhow::Result<SealedContact> {
    Ok(SealedContact {
        phone: keys.seal_optional(VICTIMS_PHONE, victim.phone.as_deref())?,
        email: keys.seal_optional(VICTIMS_EMAIL, victim.email.as_deref())?,
        preferences: keys.seal(PREFERENCES_BODY, &victim.preferences)?,
    })
}

/// Every row of `batch`.
pub async fn batch(conn: &mut Conn<'_>, keys: &DataKeys, batch: &Batch) -> anyhow::Result<()> {
    let victims = batch
        .victims
        .iter()
        .map(|victim| Ok((victim, seal_contact(keys, victim)?)))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let callback_phones = batch
        .callbacks
        .iter()
        .map(|callback| keys.seal(CALLBACK_PHONE, &callback.phone))
        .collect::<anyhow::Result<Vec<_>>>()?;
    insert_rows(
        conn,
        "INSERT INTO victims (id, full_name, contact_method, phone, email, voicemail_safe,
             letter_to_home_safe, caller_id_may_show_police, language, interpreter_needed,
             update_frequency, created_at) ",
        12,
        &victims,
        |row, (victim, sealed)| {
            row.push_bind(&victim.id)
                .push_bind(&victim.full_name)
                .push_bind(&victim.contact_method)
                .push_bind(sealed.phone.as_deref())
                .push_bind(sealed.email.as_deref())
                .push_bind(victim.voicemail_safe)
                .push_bind(victim.letter_to_home_safe)
                .push_bind(victim.caller_id_may_show_police)
                .push_bind(victim.language)
                .push_bind(victim.interpreter_needed)
                .push_bind(&victim.update_frequency)
                .push_bind(victim.created_at);
        },
    )
    .await?;
    // Version 1, recorded by the officer, as `preferences::store::ensure_initial` writes it.
    insert_rows(
        conn,
        "INSERT INTO contact_preferences (id, victim_id, version, body, changed_at, changed_by,
             changed_by_id) ",
        4,
        &victims,
        |row, (victim, sealed)| {
            row.push_bind(&victim.preferences_id)
                .push_bind(&victim.id)
                .push("1")
                .push_bind(&sealed.preferences)
                .push_bind(victim.created_at)
                .push("'officer'")
                .push("NULL");
        },
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type,
             crime_category, stage, enhanced_rights, reported_on, created_at) ",
        10,
        &batch.cases,
        |row, case| {
            row.push_bind(&case.id)
                .push_bind(&case.crime_reference)
                .push_bind(&batch.victims[case.victim_index].id)
                .push_bind(&case.officer_id)
                .push_bind(case.kind.crime_type)
                .push_bind(case.kind.crime_category)
                .push_bind(case.stage)
                .push_bind(case.enhanced_rights)
                .push_bind(&case.reported_on)
                .push_bind(case.created_at);
        },
    )
    .await?;
    insert_rows(
        conn,
        "INSERT INTO case_updates (id, case_id, update_date, title, what_happened,
             what_happens_next, vcop_event, event_date, vcop_deadline, vcop_told_on,
             created_at) ",
        11,
        &batch.updates,
        |row, update| {
            let vcop = update.vcop.as_ref();
            row.push_bind(&update.id)
                .push_bind(&batch.cases[update.case_index].id)
                .push_bind(&update.update_date)
                .push_bind(update.step.title)
                .push_bind(update.step.what_happened)
                .push_bind(update.step.what_happens_next)
                .push_bind(update.vcop_event.as_deref())
                .push_bind(vcop.map(|(event_date, _)| event_date.as_str()))
                .push_bind(vcop.map(|(_, deadline)| deadline.as_str()))
                // Every seeded event has been told, on the day of its update.
                .push_bind(vcop.map(|_| update.update_date.as_str()))
                .push_bind(update.created_at);
        },
    )
    .await?;
    let requested_by = enum_text(&ChangedBy::Victim)?;
    let callbacks: Vec<_> = batch.callbacks.iter().zip(&callback_phones).collect();
    insert_rows(
        conn,
        "INSERT INTO callback_requests (id, case_id, reason, details, urgency, phone,
             phone_is_one_off, status, requested_at, requested_by, requested_by_id) ",
        7,
        &callbacks,
        |row, (callback, phone)| {
            let case = &batch.cases[callback.case_index];
            row.push_bind(&callback.id)
                .push_bind(&case.id)
                .push_bind(callback.reason)
                .push("NULL")
                .push_bind(callback.urgency)
                .push_bind(phone.as_str())
                .push("FALSE")
                .push("'requested'")
                .push_bind(callback.requested_at)
                // Seeded callbacks are all asked for by the victim.
                .push_bind(requested_by.as_str())
                .push_bind(&batch.victims[case.victim_index].id);
        },
    )
    .await?;
    let windows = batch
        .callbacks
        .iter()
        .flat_map(|callback| {
            (0_i64..)
                .zip(&callback.windows)
                .map(|(position, window)| (callback.id.as_str(), position, window))
        })
        .map(|(callback_id, position, (date, start, end))| {
            let sealed = [
                keys.seal(WINDOW_DATE, date)?,
                keys.seal(WINDOW_START, start)?,
                keys.seal(WINDOW_END, end)?,
            ];
            Ok((callback_id, position, sealed))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    insert_rows(
        conn,
        "INSERT INTO callback_windows (callback_id, position, window_date, start_time,
             end_time) ",
        5,
        &windows,
        |row, (callback_id, position, [date, start, end])| {
            row.push_bind(*callback_id)
                .push_bind(*position)
                .push_bind(date.as_str())
                .push_bind(start.as_str())
                .push_bind(end.as_str());
        },
    )
    .await?;
    Ok(())
}
