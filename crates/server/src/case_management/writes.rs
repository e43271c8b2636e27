//! The write jobs of case management: each runs in one write transaction, takes its
//! turn on the case (`db::serialise`), reads what is there, changes it, records the
//! change in `case_changes` and the audit trail, or does nothing when nothing changes.

use shared::api::case_management::{CaseChangeKind, ReallocateRequest};

use super::rules::{self, UnitOfficer};
use super::store::{self, CaseState, NewChange};
use crate::access::{Actor, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::platform::db::{self, Conn};
use crate::platform::error::AppError;
use crate::platform::stored::enum_text;
use crate::staff::store as staff_store;

/// What one write changed, for `record`.
struct Changed<'a> {
    what: CaseChangeKind,
    from: Option<&'a str>,
    to: Option<&'a str>,
    reason: Option<&'a str>,
}

/// The case as it is now, after taking its turn.
async fn current(conn: &mut Conn<'_>, case: &CaseAccess) -> Result<CaseState, AppError> {
    db::serialise(conn, &case.case_id).await?;
    store::case_state(conn, &case.case_id)
        .await?
        .ok_or(AppError::NotFound)
}

/// Records the changes in `case_changes` and one audit row for them.
async fn record(
    conn: &mut Conn<'_>,
    actor: &Actor,
    case: &CaseAccess,
    action: AuditAction,
    changes: &[Changed<'_>],
    now: i64,
) -> Result<(), AppError> {
    let kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    for change in changes {
        let what = enum_text(&change.what).map_err(AppError::internal)?;
        store::insert_change(
            conn,
            &NewChange {
                case_id: &case.case_id,
                at: now,
                actor_kind: &kind,
                actor_id: &actor.id,
                what: &what,
                from: change.from,
                to: change.to,
                reason: change.reason,
            },
        )
        .await?;
    }
    audit::record(conn, &AuditEntry::new(actor, action, case, now)).await
}

pub async fn change_stage(
    conn: &mut Conn<'_>,
    actor: &Actor,
    case: &CaseAccess,
    stage: &str,
    now: i64,
) -> Result<(), AppError> {
    let before = current(conn, case).await?;
    if before.stage == stage {
        return Ok(());
    }
    store::set_stage(conn, &case.case_id, stage).await?;
    let change = Changed {
        what: CaseChangeKind::Stage,
        from: Some(&before.stage),
        to: Some(stage),
        reason: None,
    };
    record(conn, actor, case, AuditAction::ChangeStage, &[change], now).await
}

pub async fn set_enhanced_rights(
    conn: &mut Conn<'_>,
    actor: &Actor,
    case: &CaseAccess,
    (enhanced_rights, reason): (bool, &str),
    now: i64,
) -> Result<(), AppError> {
    let before = current(conn, case).await?;
    if before.enhanced_rights == enhanced_rights {
        return Err(AppError::Validation(rules::unchanged_enhanced_rights()));
    }
    store::set_enhanced_rights(conn, &case.case_id, enhanced_rights).await?;
    let text = |value: bool| if value { "true" } else { "false" };
    let change = Changed {
        what: CaseChangeKind::EnhancedRights,
        from: Some(text(before.enhanced_rights)),
        to: Some(text(enhanced_rights)),
        reason: Some(reason),
    };
    let action = AuditAction::SetEnhancedRights;
    record(conn, actor, case, action, &[change], now).await
}

pub async fn reallocate(
    conn: &mut Conn<'_>,
    actor: &Actor,
    case: &CaseAccess,
    request: &ReallocateRequest,
    now: i64,
) -> Result<(), AppError> {
    let unit = staff_store::live_supervisor_unit(conn, &actor.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let officers = store::unit_officers(conn, &unit).await?;
    let teams = store::unit_teams(conn, &unit).await?;
    let before = current(conn, case).await?;
    let officers: Vec<UnitOfficer<'_>> = officers
        .iter()
        .map(|(officer_id, _, team_id)| UnitOfficer {
            officer_id,
            team_id: team_id.as_deref(),
        })
        .collect();
    let teams: Vec<&str> = teams.iter().map(|(id, _)| id.as_str()).collect();
    let current_allocation = (before.officer_id.as_str(), before.team_id.as_deref());
    let (officer_id, team_id) = rules::allocation(request, current_allocation, &officers, &teams)
        .map_err(AppError::Validation)?;
    let mut changes = Vec::new();
    if officer_id != before.officer_id {
        changes.push(Changed {
            what: CaseChangeKind::Officer,
            from: Some(&before.officer_id),
            to: Some(&officer_id),
            reason: None,
        });
    }
    if team_id != before.team_id {
        changes.push(Changed {
            what: CaseChangeKind::Team,
            from: before.team_id.as_deref(),
            to: team_id.as_deref(),
            reason: None,
        });
    }
    if changes.is_empty() {
        return Ok(());
    }
    store::set_allocation(conn, &case.case_id, &officer_id, team_id.as_deref()).await?;
    record(
        conn,
        actor,
        case,
        AuditAction::ReallocateCase,
        &changes,
        now,
    )
    .await
}
