//! The case list query: the cases an account may see (the access model's rules for
//! officers and supervisors, narrowed by scope), filtered, in one of three orders, one
//! keyset page at a time. Every step is an index lookup from the account outwards, so
//! the work grows with the caseload shown, not with the million cases stored.

use std::sync::LazyLock;

use shared::api::case_management::CaseSort;

use super::rules::{sort_key_sql, ListRequest};
use crate::access::store::UNDELIVERED_MESSAGES_SQL;
use crate::platform::db::{query, Conn};

/// `$1` staff id, `$2` kind, `$3` scope, `$4` stage, `$5` enhanced rights, `$6` has open
/// callbacks, `$7` has undelivered messages (each NULL: any), `$8`/`$9` the cursor's key
/// and reference (NULL: from the start), `$10` how many lines.
///
/// `visible` is `CASE_ACCESS_SQL`'s rule for staff, written from the account outwards
/// (as `CASELOAD_SQL`): an officer's own card (scope `mine`), plus their team's cases
/// (scope `team`); a supervisor's unit's teams. Only the page's lines get their other
/// columns (`page` is limited first).
const TEMPLATE: &str = "WITH me AS (SELECT officer_id, team_id, unit_id, role FROM staff
                 WHERE id = $1 AND role = $2 AND disabled_at IS NULL),
      visible AS (
        SELECT c.id FROM me JOIN cases c ON c.officer_id = me.officer_id
         WHERE me.role = 'officer'
        UNION
        SELECT c.id FROM me JOIN cases c ON c.team_id = me.team_id
         WHERE me.role = 'officer' AND $3 = 'team'
        UNION
        SELECT c.id FROM me JOIN teams t ON t.unit_id = me.unit_id
             JOIN cases c ON c.team_id = t.id
         WHERE me.role = 'supervisor'),
      deadlines AS (
        SELECT c.id, c.crime_reference, c.stage,
               (SELECT MIN(u.vcop_deadline) FROM case_updates u
                 WHERE u.case_id = c.id AND u.vcop_event IS NOT NULL
                   AND u.vcop_told_on IS NULL) AS next_deadline
          FROM cases c
         WHERE c.id IN (SELECT id FROM visible)
           AND ($4 IS NULL OR c.stage = $4)
           AND ($5 IS NULL OR c.enhanced_rights = $5)
           AND ($6 IS NULL OR EXISTS (
                 SELECT 1 FROM callback_requests r
                  WHERE r.case_id = c.id AND r.status IN ('requested', 'scheduled')) = $6)
           AND ($7 IS NULL OR ({undelivered} > 0) = $7)),
      keyed AS (
        SELECT c.id, c.crime_reference, c.next_deadline, {sort_key} AS sort_key,
               COUNT(*) OVER () AS total
          FROM deadlines c),
      page AS (
        SELECT id, next_deadline, sort_key, total FROM keyed
         WHERE $8 IS NULL OR sort_key {cmp} $8
               OR (sort_key = $8 AND crime_reference {cmp} $9)
         ORDER BY sort_key {dir}, crime_reference {dir}
         LIMIT $10)
SELECT page.sort_key, page.total, c.crime_reference, c.crime_type, c.stage, c.enhanced_rights,
       page.next_deadline,
       (SELECT MAX(a.blocked_until) FROM sign_in_alerts a
         WHERE a.case_id = c.id) AS sign_in_blocked_until,
       {undelivered} AS undelivered_messages,
       (SELECT COUNT(*) FROM callback_requests r
         WHERE r.case_id = c.id AND r.status IN ('requested', 'scheduled')) AS open_callbacks,
       o.name, t.name
  FROM page JOIN cases c ON c.id = page.id
  JOIN officers o ON o.id = c.officer_id
  LEFT JOIN teams t ON t.id = c.team_id
 ORDER BY page.sort_key {dir}, c.crime_reference {dir}";

/// The statement for one order and direction (six in all, built once).
pub(crate) fn list_sql(sort: CaseSort, backwards: bool) -> &'static str {
    static BUILT: LazyLock<Vec<(CaseSort, bool, String)>> = LazyLock::new(|| {
        CaseSort::ALL
            .into_iter()
            .flat_map(|sort| [(sort, false), (sort, true)])
            .map(|(sort, backwards)| {
                let (cmp, dir) = if backwards {
                    ("<", "DESC")
                } else {
                    (">", "ASC")
                };
                let sql = TEMPLATE
                    .replace("{undelivered}", UNDELIVERED_MESSAGES_SQL)
                    .replace("{sort_key}", &sort_key_sql(sort))
                    .replace("{cmp}", cmp)
                    .replace("{dir}", dir);
                (sort, backwards, sql)
            })
            .collect()
    });
    BUILT
        .iter()
        .find(|(s, b, _)| *s == sort && *b == backwards)
        .map_or("", |(_, _, sql)| sql.as_str())
}

/// One line of the list, with its sort key (for cursors) and the count of every match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListRow {
    pub sort_key: String,
    pub total: i64,
    pub crime_reference: String,
    pub crime_type: String,
    pub stage: String,
    pub enhanced_rights: bool,
    pub next_deadline: Option<String>,
    pub sign_in_blocked_until: Option<i64>,
    pub undelivered_messages: i64,
    pub open_callbacks: i64,
    pub officer_name: String,
    pub team_name: Option<String>,
}

type ListTuple = (
    String,
    i64,
    String,
    String,
    String,
    bool,
    Option<String>,
    Option<i64>,
    i64,
    i64,
    String,
    Option<String>,
);

/// Up to `limit` lines, in the request's order read from its cursor (backwards: nearest
/// the cursor first).
pub async fn list(
    conn: &mut Conn<'_>,
    kind: &str,
    staff_id: &str,
    request: &ListRequest,
    limit: i64,
) -> sqlx::Result<Vec<ListRow>> {
    let rows: Vec<ListTuple> = query(list_sql(request.sort, request.backwards))
        .bind(staff_id)
        .bind(kind)
        .bind(request.scope.as_str())
        .bind(request.stage.as_deref())
        .bind(request.enhanced_rights)
        .bind(request.open_callbacks)
        .bind(request.undelivered)
        .bind(request.cursor.as_ref().map(|c| c.key.as_str()))
        .bind(request.cursor.as_ref().map(|c| c.reference.as_str()))
        .bind(limit)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(list_row).collect())
}

fn list_row(
    (
        sort_key,
        total,
        crime_reference,
        crime_type,
        stage,
        enhanced_rights,
        next_deadline,
        sign_in_blocked_until,
        undelivered_messages,
        open_callbacks,
        officer_name,
        team_name,
    ): ListTuple,
) -> ListRow {
    ListRow {
        sort_key,
        total,
        crime_reference,
        crime_type,
        stage,
        enhanced_rights,
        next_deadline,
        sign_in_blocked_until,
        undelivered_messages,
        open_callbacks,
        officer_name,
        team_name,
    }
}
