//! Checks that every query on the hot paths is an index lookup, not a table scan, so
//! reads stay instant at a million cases. Each query is the code's own SQL constant; the
//! plan comes from SQLite's `EXPLAIN QUERY PLAN` on a migrated, seeded database.

use crate::platform::db::{query, Db};

use crate::access;
use crate::audit;
use crate::callbacks;
use crate::cases;
use crate::cases::due_list;
use crate::contact_log;
use crate::delivery;
use crate::preferences::store;
use crate::sessions::store as sessions;
use crate::sign_in::store as sign_in_store;
use crate::updates;

/// (what the query is for, its SQL).
const HOT_QUERIES: &[(&str, &str)] = &[
    ("session lookup", sessions::FIND_LIVE_SQL),
    (
        "may this actor do this on this case",
        access::store::CASE_ACCESS_SQL,
    ),
    ("a staff caseload", access::store::CASELOAD_SQL),
    ("sign-in target", sign_in_store::SIGN_IN_TARGET_SQL),
    ("case read with its timeline", cases::store::CASE_SQL.sqlite),
    ("current preferences", store::CURRENT_SQL),
    ("callbacks list", callbacks::LIST_SQL),
    ("callback by id", callbacks::FIND_SQL),
    ("callback windows", callbacks::WINDOWS_SQL),
    ("open callbacks count", callbacks::COUNT_OPEN_SQL),
    ("callback insert", callbacks::INSERT_REQUEST_SQL),
    ("callback window insert", callbacks::INSERT_WINDOW_SQL),
    ("officer's VCOP due list", due_list::DUE_LIST_SQL),
    ("delivery claim", delivery::store::CLAIM.sqlite),
    ("a case's messages", delivery::store::CASE_MESSAGES_SQL),
    ("an audit row, on every read", audit::store::INSERT_SQL),
    ("a case's audit trail", audit::store::TRAIL_SQL),
    (
        "a case's audit trail, older",
        audit::store::TRAIL_BEFORE_SQL,
    ),
    ("who looked at a case", audit::store::LOOKS_SQL),
    ("Victims' Code rule in force", cases::store::RULE_SQL),
    ("told by the portal", cases::store::MARK_ALL_TOLD_SQL),
    (
        "facts for posting an update",
        updates::store::CASE_FACTS_SQL,
    ),
    ("staff timeline", updates::store::TIMELINE_SQL),
    ("my due list", updates::store::DUE_MINE_SQL),
    ("my unit's due list", updates::store::DUE_UNIT_SQL),
    ("the callback queue", callbacks::QUEUE_SQL),
    ("the callback queue's windows", callbacks::QUEUE_WINDOWS_SQL),
    ("the number a callback calls", callbacks::PHONE_SQL),
    ("book a callback", callbacks::SCHEDULE_SQL),
    ("close a callback", callbacks::COMPLETE_SQL),
    ("a case's contact log", contact_log::store::LIST_SQL),
    ("a contact insert", contact_log::store::INSERT_SQL),
    (
        "an update of this case",
        contact_log::store::CASE_UPDATE_SQL,
    ),
    ("is this number stopped", contact_log::store::STOPPED_SQL),
    ("numbers to check", contact_log::store::OPEN_CHECKS_SQL),
    ("flag a number", contact_log::store::FLAG_SQL),
    ("settle a number check", contact_log::store::SETTLE_SQL),
];

/// The `detail` column of each plan step.
async fn plan(db: &Db, sql: &str) -> Vec<String> {
    let rows: Vec<(i64, i64, i64, String)> = query(&format!("EXPLAIN QUERY PLAN {sql}"))
        .fetch_all(&mut db.conn())
        .await
        .unwrap_or_else(|error| panic!("could not plan {sql}: {error}"));
    rows.into_iter().map(|(_, _, _, detail)| detail).collect()
}

/// Why a plan is not acceptable, if it is not: any `SCAN` step (a whole table, or a whole
/// index, read row by row), or a read with no indexed `SEARCH` at all. Reading back a
/// `WITH` table the same plan built (`MATERIALIZE name`) is not a table scan: it holds only
/// what the plan's own searches found. Nor is reading one the plan runs alongside
/// (`CO-ROUTINE name`), which hands over its rows as they are found.
/// what the plan's own searches found; nor is reading a subquery the plan runs alongside
/// (`CO-ROUTINE name`).
fn scan_problem(plan: &[String], is_read: bool) -> Option<String> {
    let built_here = |scan: &str| {
        let name = scan.trim_start_matches("SCAN ");
        plan.iter().any(|step| {
            *step == format!("MATERIALIZE {name}") || *step == format!("CO-ROUTINE {name}")
        })
    };
    if let Some(scan) = plan
        .iter()
        .find(|step| step.starts_with("SCAN ") && !built_here(step))
    {
        return Some(format!("it scans: {scan}"));
    }
    let searches = plan.iter().any(|step| {
        step.starts_with("SEARCH ")
            && (step.contains(" USING INDEX ")
                || step.contains(" USING COVERING INDEX ")
                || step.contains("PRIMARY KEY"))
    });
    (is_read && !searches).then(|| "it uses no index".to_owned())
}

#[tokio::test]
async fn hot_path_queries_are_index_lookups() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/plans.db", dir.path().display());
    let db = crate::platform::db::connect(&url).await.unwrap();
    // Some rows in every table, though without ANALYZE the planner goes by the schema.
    let args = crate::platform::config::SeedArgs {
        database_url: url,
        cases: 200,
        sessions: 0,
        sessions_out: None,
        staff_sessions_out: None,
        queue_codes: 0,
        queue_codes_by: None,
        data_key_file: std::path::PathBuf::new(),
    };
    let keys = crate::platform::data_key::DataKeys::generate().unwrap();
    crate::seed::seed(&db, &keys, &args, &crate::Clock::system())
        .await
        .unwrap();

    let mut problems = Vec::new();
    // The case list: each order, forwards and backwards.
    let case_lists = shared::api::case_management::CaseSort::ALL
        .into_iter()
        .flat_map(|sort| [(sort, false), (sort, true)])
        .map(|(sort, back)| {
            (
                "a staff case list page",
                crate::case_list::store::list_sql(sort, back),
            )
        });
    for (name, sql) in HOT_QUERIES.iter().copied().chain(case_lists) {
        let steps = plan(&db, sql).await;
        let is_read = sql.trim_start().starts_with("SELECT");
        if let Some(problem) = scan_problem(&steps, is_read) {
            problems.push(format!("{name}: {problem}\n  plan: {steps:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The indexes migration 0003 added are the ones these queries use.
#[tokio::test]
async fn the_timeline_and_due_list_use_their_own_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/plans.db", dir.path().display());
    let db = crate::platform::db::connect(&url).await.unwrap();
    for (sql, index) in [
        (cases::store::CASE_SQL.sqlite, "case_updates_case_timeline"),
        (due_list::DUE_LIST_SQL, "case_updates_vcop_due"),
        (updates::store::DUE_MINE_SQL, "case_updates_vcop_due"),
        (
            updates::store::DUE_UNIT_SQL,
            "case_updates_vcop_due_by_deadline",
        ),
        (cases::store::MARK_ALL_TOLD_SQL, "case_updates_vcop_due"),
        (updates::store::TIMELINE_SQL, "case_updates_case_timeline"),
    ] {
        let steps = plan(&db, sql).await;
        assert!(
            steps.iter().any(|step| step.contains(index)),
            "{index} not used: {steps:?}"
        );
    }
}

#[test]
fn a_table_scan_is_caught() {
    let scan = vec!["SCAN cases".to_owned()];
    assert!(scan_problem(&scan, true).is_some());
    let covering_scan = vec!["SCAN c USING COVERING INDEX cases_victim_id".to_owned()];
    assert!(scan_problem(&covering_scan, true).is_some());
    let search = vec!["SEARCH c USING INDEX sqlite_autoindex_cases_1 (id=?)".to_owned()];
    assert!(scan_problem(&search, true).is_none());
}
