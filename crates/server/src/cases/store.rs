//! The case's SQL: the case as its victim sees it, in one row.

use shared::api::updates::TellingMethod;
use shared::CalendarDate;

use crate::platform::db::{query, query_per_engine, Conn, PerEngine};
use crate::platform::stored::enum_text;

/// The columns both engines' `CASE_SQL` select, before the timeline.
macro_rules! case_columns {
    () => {
        "SELECT c.crime_reference, c.crime_type, c.crime_category, c.stage, c.enhanced_rights,
                c.reported_on, o.name, o.role, o.phone, o.phone_link, o.email, o.hours,"
    };
}

/// The case, its officer and its timeline as ONE row: the timeline is a JSON array of
/// `[id, date, title, what_happened, what_happens_next, vcop_event, event_date,
/// vcop_deadline, vcop_told_on, language]`, newest
/// first, from one range of `case_updates_case_timeline`. One row rather than one per
/// update because sqlx hands each row across from SQLite's worker thread separately, each
/// hand-over waking a thread, which profiles showed costs more than reading the rows.
/// PostgreSQL builds the same array with `json_agg` (NULL, not `[]`, over no rows).
pub(crate) const CASE_SQL: PerEngine = PerEngine {
    sqlite: concat!(
        case_columns!(),
        "
            (SELECT json_group_array(
                        json_array(u.id, u.update_date, u.title, u.what_happened,
                                   u.what_happens_next, u.vcop_event, u.event_date,
                                   u.vcop_deadline, u.vcop_told_on, u.language)
                        ORDER BY u.update_date DESC, u.created_at DESC, u.id DESC)
             FROM case_updates u WHERE u.case_id = c.id)
     FROM cases c
     JOIN officers o ON o.id = c.officer_id
     WHERE c.id = $1"
    ),
    postgres: concat!(
        case_columns!(),
        "
            (SELECT COALESCE(json_agg(
                        json_build_array(u.id, u.update_date, u.title, u.what_happened,
                                         u.what_happens_next, u.vcop_event, u.event_date,
                                         u.vcop_deadline, u.vcop_told_on, u.language)
                        ORDER BY u.update_date DESC, u.created_at DESC, u.id DESC),
                    '[]'::json)::text
             FROM case_updates u WHERE u.case_id = c.id)
     FROM cases c
     JOIN officers o ON o.id = c.officer_id
     WHERE c.id = $1"
    ),
};

/// One element of `CASE_SQL`'s timeline array.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct UpdateRow(
    pub String,
    pub String,
    pub String,
    pub String,
    pub String,
    pub Option<String>,
    pub Option<String>,
    pub Option<String>,
    pub Option<String>,
    pub shared::Lang,
);

impl UpdateRow {
    /// A Victims' Code event the victim has not been told about yet.
    pub fn untold(&self) -> bool {
        self.5.is_some() && self.8.is_none()
    }
}

/// A `CASE_SQL` row: reference, crime type, category, stage, enhanced rights, reported
/// on, the officer's name, role, phone, phone link, email and hours, and the timeline.
pub type CaseRow = (
    String,
    String,
    String,
    String,
    bool,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    String,
);

/// The `CASE_SQL` row of case `case_id`, if it exists.
pub async fn case_row(conn: &mut Conn<'_>, case_id: &str) -> sqlx::Result<Option<CaseRow>> {
    query_per_engine(CASE_SQL)
        .bind(case_id)
        .fetch_optional(conn)
        .await
}

/// `$1` event, `$2` event date: the working days the rule in force on that date allows,
/// without and with enhanced rights (`vcop_rules`, latest `effective_from` first).
pub(crate) const RULE_SQL: &str =
    "SELECT standard_working_days, enhanced_working_days FROM vcop_rules
     WHERE event = $1 AND effective_from <= $2
     ORDER BY effective_from DESC LIMIT 1";

/// The rule in force for `event` on `on`: (standard, enhanced) working days.
pub async fn rule(
    conn: &mut Conn<'_>,
    event: &str,
    on: CalendarDate,
) -> sqlx::Result<Option<(i64, i64)>> {
    query(RULE_SQL)
        .bind(event)
        .bind(on.to_string())
        .fetch_optional(conn)
        .await
}

/// Marks update `update_id` of case `case_id` told on `on` by `method`, unless it was
/// told already. True when it was marked now.
pub async fn mark_told(
    conn: &mut Conn<'_>,
    case_id: &str,
    update_id: &str,
    method: TellingMethod,
    on: CalendarDate,
) -> anyhow::Result<bool> {
    let changed = query(
        "UPDATE case_updates SET vcop_told_on = $1, told_by = $2
         WHERE id = $3 AND case_id = $4 AND vcop_told_on IS NULL",
    )
    .bind(on.to_string())
    .bind(enum_text(&method)?)
    .bind(update_id)
    .bind(case_id)
    .execute(conn)
    .await?;
    Ok(changed == 1)
}

/// Marks every untold Victims' Code event of case `case_id` told on `on` by `method`.
/// The number marked.
pub async fn mark_all_told(
    conn: &mut Conn<'_>,
    case_id: &str,
    method: TellingMethod,
    on: CalendarDate,
) -> anyhow::Result<u64> {
    Ok(query(MARK_ALL_TOLD_SQL)
        .bind(on.to_string())
        .bind(enum_text(&method)?)
        .bind(case_id)
        .execute(conn)
        .await?)
}

/// Through the partial index `case_updates_vcop_due`, which holds only untold events.
pub(crate) const MARK_ALL_TOLD_SQL: &str = "UPDATE case_updates SET vcop_told_on = $1, told_by = $2
     WHERE case_id = $3 AND vcop_event IS NOT NULL AND vcop_told_on IS NULL";
