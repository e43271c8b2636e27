//! Adding and removing supporters, and the list of them, as the victim's and the staff
//! app's handlers share them. Each write runs inside the caller's write transaction with
//! its audit row, so the change and its record commit together.

use shared::api::supporters::{Relationship, SupporterActivity, SupporterChannel, SupporterView};
use shared::Lang;

use super::rules::{self, Details};
use super::store::{self, NewSupporter, Removal};
use crate::access::{Actor, CaseAccess};
use crate::audit::{self, AuditAction, AuditEntry};
use crate::outbox::{self, Channel};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, Conn};
use crate::platform::error::{AppError, FieldErrors};
use crate::platform::i18n::{self, Message};
use crate::platform::sealed::{
    SUPPORTERS_CONTACT, SUPPORTERS_NAME, SUPPORTERS_REASON, SUPPORTERS_REMOVAL_REASON,
};
use crate::platform::secrets;
use crate::platform::stored::{enum_from_text, enum_text};
use crate::platform::uk_time;
use crate::sessions::store as sessions;

/// The most supporters one case may have at once.
pub const MAX_SUPPORTERS: usize = 10;

/// A supporter to add: who, for how long, by whom (and why, for an officer), and where
/// the invitation's link points.
pub struct Adding<'a> {
    pub details: Details,
    pub reason: Option<String>,
    pub grant_days: i64,
    /// The language the invitation and their codes are written in.
    pub lang: Lang,
    /// The portal's address (scheme, host, port), for the invitation's link.
    pub portal: &'a str,
}

/// Adds a supporter to `case` with their grant and invitation, and queues the invitation
/// to their own contact. Returns their id. A contact that already helps on the case, or a
/// case at `MAX_SUPPORTERS`, is a field error on `contact`.
pub async fn add(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    actor: &Actor,
    case: &CaseAccess,
    adding: &Adding<'_>,
    now: i64,
) -> Result<String, AppError> {
    // One case's supporters are added one at a time, so the checks below hold.
    db::serialise(conn, &case.case_id).await?;
    let index = keys.blind_index(SUPPORTERS_CONTACT, &adding.details.contact);
    let current = store::list(conn, &case.case_id, now).await?;
    if current.len() >= MAX_SUPPORTERS {
        return Err(contact_error("too_many"));
    }
    if store::helps_with_contact(conn, &case.case_id, &index).await? {
        return Err(contact_error("already_helps"));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let details = &adding.details;
    let capabilities = rules::grant_text(&details.permissions).map_err(AppError::internal)?;
    let added_by_kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    let sealed_reason = match &adding.reason {
        Some(reason) => Some(
            keys.seal(SUPPORTERS_REASON, reason)
                .map_err(AppError::internal)?,
        ),
        None => None,
    };
    store::insert(
        conn,
        &NewSupporter {
            id: &id,
            case_id: &case.case_id,
            victim_id: &case.victim_id,
            name: &keys
                .seal(SUPPORTERS_NAME, &details.name)
                .map_err(AppError::internal)?,
            channel: &enum_text(&details.channel).map_err(AppError::internal)?,
            contact: &keys
                .seal(SUPPORTERS_CONTACT, &details.contact)
                .map_err(AppError::internal)?,
            contact_index: &index,
            relationship: &enum_text(&details.relationship).map_err(AppError::internal)?,
            language: adding.lang.tag(),
            added_by_kind: &added_by_kind,
            added_by_id: &actor.id,
            reason: sealed_reason.as_deref(),
            capabilities: &capabilities,
            expires_at: now + adding.grant_days * 86_400,
            now,
        },
    )
    .await?;
    invite(conn, keys, &id, case, adding, now).await?;
    audit::record(
        conn,
        &AuditEntry::new(actor, AuditAction::InviteSupporter, case, now),
    )
    .await?;
    tracing::info!(case_id = %case.case_id, supporter_id = %id, "supporter invited");
    Ok(id)
}

fn contact_error(key: &str) -> AppError {
    AppError::Validation(FieldErrors::single(
        "contact",
        Message::server(&format!("supporters.{key}")),
    ))
}

/// Stores a new invitation for supporter `id` and queues it to their contact.
async fn invite(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    id: &str,
    case: &CaseAccess,
    adding: &Adding<'_>,
    now: i64,
) -> Result<(), AppError> {
    let token = secrets::new_session_token().map_err(AppError::internal)?;
    let expires_at = now + rules::INVITATION_SECS;
    let invitation_id =
        store::insert_invitation(conn, id, &secrets::token_hash(&token), now, expires_at).await?;
    let link = format!(
        "{}/help/accept#{token}",
        adding.portal.trim_end_matches('/')
    );
    let body = i18n::format(
        adding.lang,
        "server.supporters.invitation",
        &[("link", &link)],
    );
    let channel = match adding.details.channel {
        SupporterChannel::TextMessage => Channel::Sms,
        SupporterChannel::Email => Channel::Email,
    };
    let message = outbox::NewMessage {
        kind: outbox::Kind::SupporterInvitation,
        channel,
        recipient: &adding.details.contact,
        body: &body,
        victim_id: &case.victim_id,
        // Not the case's: it is not a message to the victim, and must not count among
        // the victim's undelivered ones.
        case_id: None,
        sign_in_code_id: None,
        contact_change_id: None,
        supporter_invitation_id: Some(&invitation_id),
        supporter_code_id: None,
    };
    outbox::queue(conn, keys, &message, now)
        .await
        .map_err(AppError::internal)?;
    Ok(())
}

/// Removes supporter `supporter_id` of `case` and ends their sessions at once, with the
/// audit row; nothing if they were removed already; `NotFound` if they were never one of
/// the case's. Who may remove whom is the caller's to decide first (`on_case`).
pub async fn remove(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    actor: &Actor,
    case: &CaseAccess,
    supporter_id: &str,
    reason: Option<&str>,
    now: i64,
) -> Result<(), AppError> {
    let found = store::on_case(conn, &case.case_id, supporter_id).await?;
    match found {
        None => return Err(AppError::NotFound),
        Some(found) if found.removed => return Ok(()),
        Some(_) => {}
    }
    let by_kind = enum_text(&actor.kind).map_err(AppError::internal)?;
    let sealed_reason = match reason {
        Some(reason) => Some(
            keys.seal(SUPPORTERS_REMOVAL_REASON, reason)
                .map_err(AppError::internal)?,
        ),
        None => None,
    };
    let removal = Removal {
        by_kind: &by_kind,
        by_id: &actor.id,
        reason: sealed_reason.as_deref(),
        now,
    };
    store::remove(conn, supporter_id, &removal).await?;
    let ended = sessions::end_supporter_sessions(conn, supporter_id, now)
        .await
        .map_err(AppError::internal)?;
    audit::record(
        conn,
        &AuditEntry::new(actor, AuditAction::RemoveSupporter, case, now),
    )
    .await?;
    tracing::info!(case_id = %case.case_id, supporter_id, sessions = ended, "supporter removed");
    Ok(())
}

/// The case's current supporters as the victim or staff see them, with what each did
/// lately (from the audit trail).
pub async fn views(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    case_id: &str,
    now: i64,
) -> Result<Vec<SupporterView>, AppError> {
    let rows = store::list(conn, case_id, now).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let activity = store::activity(conn, case_id, 500).await?;
    rows.into_iter()
        .map(|row| view(keys, row, &activity, now))
        .collect()
}

fn view(
    keys: &DataKeys,
    row: store::SupporterRow,
    activity: &[(String, i64, String)],
    now: i64,
) -> Result<SupporterView, AppError> {
    let open = |column, value: &str| keys.open(column, value).map_err(AppError::internal);
    let relationship: Relationship =
        enum_from_text(&row.relationship).map_err(AppError::internal)?;
    let channel: SupporterChannel = enum_from_text(&row.channel).map_err(AppError::internal)?;
    Ok(SupporterView {
        name: open(SUPPORTERS_NAME, &row.name)?,
        contact: open(SUPPORTERS_CONTACT, &row.contact)?,
        relationship,
        channel,
        permissions: rules::permissions_of(&row.capabilities),
        status: rules::status(
            row.accepted_at.is_some(),
            row.invitation_live,
            row.expires_at,
            now,
        ),
        access_ends_on: uk_time::local(row.expires_at).date.to_string(),
        last_signed_in: row.last_signed_in_at.map(date_time),
        added_by_officer: row.added_by_kind != "victim",
        activity: activity_lines(&row.id, activity),
        id: row.id,
    })
}

/// A supporter's recent activity: one line per action per UK day, newest first.
fn activity_lines(supporter_id: &str, rows: &[(String, i64, String)]) -> Vec<SupporterActivity> {
    let mut lines: Vec<SupporterActivity> = Vec::new();
    for (actor_id, at, action) in rows {
        if actor_id != supporter_id {
            continue;
        }
        let line = SupporterActivity {
            action: action.clone(),
            date: uk_time::local(*at).date.to_string(),
        };
        if !lines.contains(&line) {
            lines.push(line);
        }
        if lines.len() == rules::ACTIVITY_LINES {
            break;
        }
    }
    lines
}

/// `YYYY-MM-DD HH:MM` in UK time.
fn date_time(at: i64) -> String {
    let local = uk_time::local(at);
    format!(
        "{} {:02}:{:02}",
        local.date,
        local.minutes / 60,
        local.minutes % 60
    )
}
