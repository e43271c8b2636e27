//! `GET /api/staff/due`: the Victims' Code due list. Every event on my cases (or my
//! unit's) the victim has not been told of yet, soonest deadline first, a page at a time,
//! each with where it stands against its deadline on the UK today.

use axum::extract::State;
use serde::Deserialize;
use shared::api::updates::{DueItem, DueListView, DueScope, DueStatus, VcopEvent};
use shared::api::ErrorBody;
use shared::working_days::working_days_between;
use shared::CalendarDate;

use super::store;
use crate::access::{Actor, ActorKind};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::Message;
use crate::platform::json::Json;
use crate::platform::query::{number_in, Query};
use crate::platform::state::AppState;
use crate::platform::stored::enum_from_text;
use crate::platform::uk_time;

/// Events on a page unless `limit` says otherwise, and the most it may say.
pub const DEFAULT_LIMIT: u32 = 50;
pub const MAX_LIMIT: u32 = 200;

/// Where a deadline stands on `today`: overdue by working days, due today, due
/// tomorrow (the next calendar day), or working days left.
pub fn status(today: CalendarDate, deadline: CalendarDate) -> (DueStatus, u32) {
    let days = |from, to| u32::try_from(working_days_between(from, to)).unwrap_or(u32::MAX);
    if deadline < today {
        // Over a weekend a Friday deadline is overdue before a working day has passed.
        (DueStatus::Overdue, days(deadline, today).max(1))
    } else if deadline == today {
        (DueStatus::DueToday, 0)
    } else if deadline == today.add_days(1) {
        (DueStatus::DueTomorrow, 1)
    } else {
        (DueStatus::DueLater, days(today, deadline))
    }
}

/// The query string, read as text so each bad value gets its own field error.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueQuery {
    /// `mine` (the default for officers) or `unit` (supervisors; their default).
    scope: Option<String>,
    /// `next_cursor` of the previous page.
    after: Option<String>,
    /// Events per page, 1 to 200 (default 50).
    limit: Option<String>,
}

/// A cursor: the last row's deadline and id, `deadline~id`.
fn cursor(row: &store::DueRow) -> String {
    format!("{}~{}", row.deadline, row.update_id)
}

fn parse_cursor(text: &str) -> Option<(&str, &str)> {
    let (deadline, id) = text.split_once('~')?;
    CalendarDate::parse(deadline).ok()?;
    Some((deadline, id))
}

/// Every untold Victims' Code event on the caller's cases (`scope=mine`) or their unit's
/// (`scope=unit`, supervisors), soonest deadline first, with its status on today's UK
/// date: `overdue` (by `working_days`), `due_today`, `due_tomorrow` or `due_later`.
#[utoipa::path(
    get,
    path = "/api/staff/due",
    operation_id = "get_due_list",
    tag = "staff",
    params(DueQuery),
    security(("staff_session_cookie" = [])),
    responses(
        (status = 200, description = "A page of the due list", body = DueListView),
        (status = 401, description = "Not signed in as staff", body = ErrorBody),
        (status = 422, description = "`scope`, `after` or `limit` is wrong", body = ErrorBody),
    )
)]
pub(super) async fn due_list(
    State(state): State<AppState>,
    actor: Actor,
    Query(params): Query<DueQuery>,
) -> Result<Json<DueListView>, AppError> {
    if !actor.kind.is_staff() {
        return Err(AppError::NotFound);
    }
    let supervisor = actor.kind == ActorKind::Supervisor;
    let mut errors = FieldErrors::default();
    let scope = match params.scope.as_deref().map(str::trim) {
        None | Some("") if supervisor => DueScope::Unit,
        None | Some("") | Some("mine") => DueScope::Mine,
        Some("unit") if supervisor => DueScope::Unit,
        Some(_) => {
            errors.add("scope", Message::server("updates.scope_unit"));
            DueScope::Mine
        }
    };
    let after = match params.after.as_deref() {
        None | Some("") => Some(("", "")),
        Some(text) => parse_cursor(text),
    };
    if after.is_none() {
        errors.add("after", Message::server("updates.after_unreadable"));
    }
    let limit = number_in(params.limit.as_deref(), 1..=MAX_LIMIT, DEFAULT_LIMIT);
    if limit.is_none() {
        errors.add("limit", Message::server("updates.limit_range"));
    }
    errors.into_result()?;
    let (after, limit) = (after.unwrap_or(("", "")), limit.unwrap_or(DEFAULT_LIMIT));

    let today = uk_time::local(state.clock.unix()).date;
    let mut conn = state.db.acquire().await?;
    // One more than a page, to know whether there is another.
    let mut rows = store::due_page(
        &mut conn.conn(),
        &actor.id,
        scope == DueScope::Unit,
        after,
        i64::from(limit) + 1,
    )
    .await?;
    drop(conn);
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = more.then(|| rows.last().map(cursor)).flatten();
    let items = rows
        .into_iter()
        .filter_map(|row| item(row, today))
        .collect();
    Ok(Json(DueListView {
        items,
        next_cursor,
        today: today.to_string(),
    }))
}

/// A stored row as a due list line; `None` (logged) if its columns do not parse.
fn item(row: store::DueRow, today: CalendarDate) -> Option<DueItem> {
    let parsed = (
        enum_from_text::<VcopEvent>(&row.event).ok(),
        CalendarDate::parse(&row.deadline).ok(),
    );
    let (Some(event), Some(deadline)) = parsed else {
        tracing::warn!(update_id = %row.update_id, "due event has an unreadable event or deadline");
        return None;
    };
    let (status, working_days) = status(today, deadline);
    Some(DueItem {
        update_id: row.update_id,
        crime_reference: row.crime_reference,
        event,
        event_date: row.event_date,
        deadline: row.deadline,
        status,
        working_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    #[test]
    fn statuses_count_working_days_from_today() {
        // Tuesday 10 March 2026.
        let today = date("2026-03-10");
        assert_eq!(status(today, date("2026-03-10")), (DueStatus::DueToday, 0));
        assert_eq!(
            status(today, date("2026-03-11")),
            (DueStatus::DueTomorrow, 1)
        );
        assert_eq!(status(today, date("2026-03-13")), (DueStatus::DueLater, 3));
        assert_eq!(status(today, date("2026-03-16")), (DueStatus::DueLater, 4));
        assert_eq!(status(today, date("2026-03-09")), (DueStatus::Overdue, 1));
        assert_eq!(status(today, date("2026-03-05")), (DueStatus::Overdue, 3));
        // Friday's deadline, seen on Monday: tomorrow is not Monday's next day.
        assert_eq!(
            status(date("2026-03-13"), date("2026-03-16")),
            (DueStatus::DueLater, 1)
        );
        // Seen on the Saturday, Friday's deadline is overdue.
        assert_eq!(
            status(date("2026-03-14"), date("2026-03-13")),
            (DueStatus::Overdue, 1)
        );
        // Across Easter 2026: Thursday 2 April to Tuesday 7 April is 1 working day.
        assert_eq!(
            status(date("2026-04-02"), date("2026-04-07")),
            (DueStatus::DueLater, 1)
        );
    }

    #[test]
    fn cursors_round_trip() {
        let row = store::DueRow {
            update_id: "0190-abc".to_owned(),
            crime_reference: "CR/1/26".to_owned(),
            event: "charged".to_owned(),
            event_date: "2026-03-09".to_owned(),
            deadline: "2026-03-10".to_owned(),
        };
        assert_eq!(
            parse_cursor(&cursor(&row)),
            Some(("2026-03-10", "0190-abc"))
        );
        assert_eq!(parse_cursor("nonsense"), None);
        assert_eq!(parse_cursor("2026-13-01~x"), None);
    }
}
