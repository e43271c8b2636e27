//! The staff case list (`GET /api/staff/cases`, handled in `staff::cases`): my cases, my
//! team's or my unit's, filtered and sorted, a page of `CASE_PAGE_SIZE` at a time with
//! keyset cursors. `rules` parses the parameters, `store` holds the one query.

pub mod rules;
pub mod store;

use shared::api::case_management::{StageChoice, CASE_PAGE_SIZE};
use shared::api::staff::{StaffCaseSummary, StaffCasesView};
use shared::Lang;

use crate::access::Actor;
use crate::cases::stages;
use crate::platform::db::Conn;
use crate::platform::error::AppError;
use crate::platform::stored::enum_text;
use rules::{Cursor, ListRequest};
use store::ListRow;

/// One page of the cases `actor` may see, as `request` asks, at `now`.
pub async fn page(
    conn: &mut Conn<'_>,
    actor: &Actor,
    request: &ListRequest,
    lang: Lang,
    now: i64,
) -> Result<StaffCasesView, AppError> {
    let kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    // One more than a page tells whether there is another page that way.
    let limit = i64::try_from(CASE_PAGE_SIZE + 1).unwrap_or(i64::MAX);
    let mut rows = if actor.kind.is_staff() {
        store::list(conn, &kind, &actor.id, request, limit).await?
    } else {
        Vec::new()
    };
    let more = rows.len() > CASE_PAGE_SIZE;
    rows.truncate(CASE_PAGE_SIZE);
    if request.backwards {
        rows.reverse();
    }
    let cursor = |row: Option<&ListRow>| {
        row.map(|row| {
            Cursor {
                key: row.sort_key.clone(),
                reference: row.crime_reference.clone(),
            }
            .encode()
        })
    };
    // Forwards: a next page if there was one more line, a previous one if this page did
    // not start at the beginning. Backwards: the other way round.
    let (has_previous, has_next) = if request.backwards {
        (more, true)
    } else {
        (request.cursor.is_some(), more)
    };
    let total = rows
        .first()
        .map_or(0, |row| u64::try_from(row.total).unwrap_or(0));
    Ok(StaffCasesView {
        previous: has_previous.then(|| cursor(rows.first())).flatten(),
        next: has_next.then(|| cursor(rows.last())).flatten(),
        total,
        scope: request.scope,
        scopes: rules::scopes(actor.kind),
        stages: stages::STAGES
            .iter()
            .map(|stage| StageChoice {
                code: stage.code.to_owned(),
                title: stage.view(lang).title,
            })
            .collect(),
        cases: rows
            .into_iter()
            .map(|row| summary(row, lang, now))
            .collect(),
    })
}

fn summary(row: ListRow, lang: Lang, now: i64) -> StaffCaseSummary {
    StaffCaseSummary {
        stage: stages::find(&row.stage).map_or_else(|| row.stage.clone(), |s| s.view(lang).title),
        stage_code: row.stage,
        crime_reference: row.crime_reference,
        crime_type: row.crime_type,
        enhanced_rights: row.enhanced_rights,
        next_deadline: row.next_deadline,
        sign_in_blocked: row.sign_in_blocked_until.is_some_and(|until| until > now),
        undelivered_messages: u32::try_from(row.undelivered_messages).unwrap_or(u32::MAX),
        open_callbacks: u32::try_from(row.open_callbacks).unwrap_or(u32::MAX),
        officer_name: row.officer_name,
        team_name: row.team_name,
    }
}
