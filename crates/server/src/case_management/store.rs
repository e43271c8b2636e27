//! Every SQL statement of case management: a case's current stage, enhanced rights and
//! allocation, their changes (`case_changes`, append-only), and the unit's officers and
//! teams a supervisor may allocate to.

use crate::platform::db::{query, Conn};

/// A case as the management forms see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseState {
    pub stage: String,
    pub enhanced_rights: bool,
    pub officer_id: String,
    pub officer_name: String,
    pub team_id: Option<String>,
    pub team_name: Option<String>,
}

type StateTuple = (String, bool, String, String, Option<String>, Option<String>);

pub async fn case_state(conn: &mut Conn<'_>, case_id: &str) -> sqlx::Result<Option<CaseState>> {
    let row: Option<StateTuple> = query(
        "SELECT c.stage, c.enhanced_rights, c.officer_id, o.name, c.team_id, t.name
           FROM cases c JOIN officers o ON o.id = c.officer_id
           LEFT JOIN teams t ON t.id = c.team_id
          WHERE c.id = $1",
    )
    .bind(case_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(stage, enhanced_rights, officer_id, officer_name, team_id, team_name)| CaseState {
            stage,
            enhanced_rights,
            officer_id,
            officer_name,
            team_id,
            team_name,
        },
    ))
}

pub async fn set_stage(conn: &mut Conn<'_>, case_id: &str, stage: &str) -> sqlx::Result<()> {
    query("UPDATE cases SET stage = $2 WHERE id = $1")
        .bind(case_id)
        .bind(stage)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_enhanced_rights(
    conn: &mut Conn<'_>,
    case_id: &str,
    enhanced_rights: bool,
) -> sqlx::Result<()> {
    query("UPDATE cases SET enhanced_rights = $2 WHERE id = $1")
        .bind(case_id)
        .bind(enhanced_rights)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn set_allocation(
    conn: &mut Conn<'_>,
    case_id: &str,
    officer_id: &str,
    team_id: Option<&str>,
) -> sqlx::Result<()> {
    query("UPDATE cases SET officer_id = $2, team_id = $3 WHERE id = $1")
        .bind(case_id)
        .bind(officer_id)
        .bind(team_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// A change to record. `what` is `CaseChangeKind`'s serde name.
pub struct NewChange<'a> {
    pub case_id: &'a str,
    pub at: i64,
    pub actor_kind: &'a str,
    pub actor_id: &'a str,
    pub what: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub reason: Option<&'a str>,
}

pub async fn insert_change(conn: &mut Conn<'_>, change: &NewChange<'_>) -> sqlx::Result<()> {
    query(
        "INSERT INTO case_changes (id, case_id, at, actor_kind, actor_id, what, from_value,
                                   to_value, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(uuid::Uuid::now_v7().to_string())
    .bind(change.case_id)
    .bind(change.at)
    .bind(change.actor_kind)
    .bind(change.actor_id)
    .bind(change.what)
    .bind(change.from)
    .bind(change.to)
    .bind(change.reason)
    .execute(conn)
    .await?;
    Ok(())
}

/// A recorded change with who made it (their display name), and, for allocations, the
/// officers' and teams' names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeRow {
    pub at: i64,
    pub by: Option<String>,
    pub what: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub from_name: Option<String>,
    pub to_name: Option<String>,
    pub reason: Option<String>,
}

type ChangeTuple = (
    i64,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The case's changes, newest first (`case_changes_case_id_at`), at most 50.
pub async fn changes(conn: &mut Conn<'_>, case_id: &str) -> sqlx::Result<Vec<ChangeRow>> {
    let rows: Vec<ChangeTuple> = query(
        "SELECT h.at, s.display_name, h.what, h.from_value, h.to_value,
                COALESCE(fo.name, ft.name), COALESCE(tof.name, tt.name), h.reason
           FROM case_changes h
           LEFT JOIN staff s ON s.id = h.actor_id
           LEFT JOIN officers fo ON h.what = 'officer' AND fo.id = h.from_value
           LEFT JOIN officers tof ON h.what = 'officer' AND tof.id = h.to_value
           LEFT JOIN teams ft ON h.what = 'team' AND ft.id = h.from_value
           LEFT JOIN teams tt ON h.what = 'team' AND tt.id = h.to_value
          WHERE h.case_id = $1
          ORDER BY h.at DESC, h.id DESC
          LIMIT 50",
    )
    .bind(case_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(at, by, what, from, to, from_name, to_name, reason)| ChangeRow {
                at,
                by,
                what,
                from,
                to,
                from_name,
                to_name,
                reason,
            },
        )
        .collect())
}

/// A live officer of `unit_id` with an officer card: (card id, name, team id).
pub async fn unit_officers(
    conn: &mut Conn<'_>,
    unit_id: &str,
) -> sqlx::Result<Vec<(String, String, Option<String>)>> {
    query(
        "SELECT s.officer_id, s.display_name, s.team_id FROM staff s
          WHERE s.unit_id = $1 AND s.role = 'officer' AND s.disabled_at IS NULL
            AND s.officer_id IS NOT NULL
          ORDER BY s.display_name, s.id",
    )
    .bind(unit_id)
    .fetch_all(conn)
    .await
}

/// The teams of `unit_id`: (id, name).
pub async fn unit_teams(conn: &mut Conn<'_>, unit_id: &str) -> sqlx::Result<Vec<(String, String)>> {
    query("SELECT id, name FROM teams WHERE unit_id = $1 ORDER BY name, id")
        .bind(unit_id)
        .fetch_all(conn)
        .await
}
