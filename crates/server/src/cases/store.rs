//! The case's SQL: the case as its victim sees it, in one row.

use crate::platform::db::{query_per_engine, Conn, PerEngine};

/// The columns both engines' `CASE_SQL` select, before the timeline.
macro_rules! case_columns {
    () => {
        "SELECT c.crime_reference, c.crime_type, c.crime_category, c.stage, c.enhanced_rights,
                c.reported_on, o.name, o.role, o.phone, o.phone_link, o.email, o.hours,"
    };
}

/// The case, its officer and its timeline as ONE row: the timeline is a JSON array of
/// `[id, date, title, what_happened, what_happens_next, vcop_event, event_date]`, newest
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
                                   u.what_happens_next, u.vcop_event, u.event_date)
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
                                         u.what_happens_next, u.vcop_event, u.event_date)
                        ORDER BY u.update_date DESC, u.created_at DESC, u.id DESC),
                    '[]'::json)::text
             FROM case_updates u WHERE u.case_id = c.id)
     FROM cases c
     JOIN officers o ON o.id = c.officer_id
     WHERE c.id = $1"
    ),
};

/// One element of `CASE_SQL`'s timeline array.
pub type UpdateRow = (
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

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
