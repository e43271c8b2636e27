//! Contact preferences in the database: one row per saved version in
//! `contact_preferences` (append-only); the current preferences are the highest version.
//! Saving also copies the contact method, phone, email and language to `victims`, because
//! sign-in codes go by the victim's chosen method and are written in their language.
//!
//! The preferences JSON (phone, email, address, postcode, safe times…) and the copied phone
//! and email are sealed (`platform::sealed`): only the server, holding the data key, can
//! read them.

use anyhow::Context;
use shared::api::preferences::{
    ChangedBy, ContactMethod, ContactPreferences, LanguageChoice, PreferencesVersion,
    PreferencesView, UpdateFrequency,
};
use shared::Lang;

use super::contact_change::route::change_keys;
use super::initial::{initial_preferences, RecordedContact};
use super::summary::{summary, summary_without_contact_details};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, query, Conn, Db};
use crate::platform::i18n::text;
use crate::platform::sealed::{PREFERENCES_BODY, VICTIMS_EMAIL, VICTIMS_PHONE};
use crate::platform::stored::{enum_from_text, enum_text, rfc3339};

/// One saved version.
#[derive(Debug, Clone, PartialEq)]
pub struct Version {
    pub version: u32,
    pub changed_at: i64,
    pub changed_by: ChangedBy,
    pub preferences: ContactPreferences,
}

impl Version {
    /// The version as the API shows it, its summary in `lang`.
    pub fn view(&self, lang: Lang) -> anyhow::Result<PreferencesView> {
        Ok(PreferencesView {
            preferences: self.preferences.clone(),
            version: self.version,
            changed_at: rfc3339(self.changed_at)?,
            changed_by: self.changed_by,
            summary: summary(lang, &self.preferences),
            pending_contact_change: None,
        })
    }

    /// The version as history shows it: what it meant and what changed from `older`
    /// (the version before it), without phone numbers or email addresses, even those
    /// saved before history left them out.
    pub fn history_entry(
        &self,
        lang: Lang,
        older: Option<&Version>,
    ) -> anyhow::Result<PreferencesVersion> {
        let changes = older
            .map(|older| change_keys(&older.preferences, &self.preferences))
            .unwrap_or_default();
        Ok(PreferencesVersion {
            version: self.version,
            changed_at: rfc3339(self.changed_at)?,
            changed_by: self.changed_by,
            summary: summary_without_contact_details(lang, &self.preferences),
            changes: changes
                .into_iter()
                .map(|key| text(lang, key).to_owned())
                .collect(),
        })
    }
}

type VersionRow = (i64, i64, String, String);

fn from_row(
    keys: &DataKeys,
    (version, changed_at, changed_by, body): VersionRow,
) -> anyhow::Result<Version> {
    let body = keys.open(PREFERENCES_BODY, &body)?;
    Ok(Version {
        version: u32::try_from(version).context("version out of range")?,
        changed_at,
        changed_by: enum_from_text(&changed_by)?,
        preferences: serde_json::from_str(&body).context("stored preferences do not parse")?,
    })
}

/// The current version: the top of the unique (victim_id, version) index.
pub(crate) const CURRENT_SQL: &str =
    "SELECT version, changed_at, changed_by, body FROM contact_preferences
     WHERE victim_id = $1 ORDER BY version DESC LIMIT 1";

/// The current (highest) version, if the victim has one.
pub async fn current(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
) -> anyhow::Result<Option<Version>> {
    let row: Option<VersionRow> = query(CURRENT_SQL)
        .bind(victim_id)
        .fetch_optional(conn)
        .await?;
    row.map(|row| from_row(keys, row)).transpose()
}

/// One page of the history: versions older than `before` (all when `None`), newest
/// first, at most `limit` of them.
pub(crate) const HISTORY_SQL: &str =
    "SELECT version, changed_at, changed_by, body FROM contact_preferences
     WHERE victim_id = $1 AND version < $2 ORDER BY version DESC LIMIT $3";

/// A page of versions, newest first, and whether older ones are left.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPage {
    pub versions: Vec<Version>,
    /// The newest version older than the page, if any: what its oldest version changed
    /// from, and the sign that another page follows.
    pub next_older: Option<Version>,
}

/// Up to `limit` versions older than `before` (the newest when `None`), newest first: a
/// walk down the unique (victim_id, version) index, however long the history is.
pub async fn history(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    before: Option<u32>,
    limit: u32,
) -> anyhow::Result<HistoryPage> {
    // One more than asked for says whether another page follows.
    let rows: Vec<VersionRow> = query(HISTORY_SQL)
        .bind(victim_id)
        .bind(before.map_or(i64::MAX, i64::from))
        .bind(i64::from(limit) + 1)
        .fetch_all(conn)
        .await?;
    let mut versions = rows
        .into_iter()
        .map(|row| from_row(keys, row))
        .collect::<anyhow::Result<Vec<_>>>()?;
    let next_older = (versions.len() > limit as usize)
        .then(|| versions.pop())
        .flatten();
    Ok(HistoryPage {
        versions,
        next_older,
    })
}

/// contact_method, phone, email, voicemail_safe, letter_to_home_safe,
/// caller_id_may_show_police, language, interpreter_needed, update_frequency.
type VictimRow = (
    String,
    Option<String>,
    Option<String>,
    bool,
    bool,
    bool,
    String,
    bool,
    String,
);

/// Version 1 for a victim who has none, from what the officer recorded in `victims`
/// (demo data, and victims created before preferences were versioned). Does nothing if
/// a version exists; safe to race (the unique key keeps one version 1).
pub async fn ensure_initial(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    now: i64,
) -> anyhow::Result<()> {
    let row: Option<VictimRow> = query(
        "SELECT contact_method, phone, email, voicemail_safe, letter_to_home_safe,
                caller_id_may_show_police, language, interpreter_needed, update_frequency
         FROM victims WHERE id = $1",
    )
    .bind(victim_id)
    .fetch_optional(conn)
    .await?;
    let Some((
        method,
        phone,
        email,
        voicemail,
        letters,
        caller_id,
        language,
        interpreter,
        frequency,
    )) = row
    else {
        anyhow::bail!("no victim {victim_id}");
    };
    let phone = keys.open_optional(VICTIMS_PHONE, phone.as_deref())?;
    let email = keys.open_optional(VICTIMS_EMAIL, email.as_deref())?;
    let preferences = initial_preferences(&RecordedContact {
        // A method the code does not know reads as a visit: the officer decides.
        contact_method: enum_from_text(&method).unwrap_or(ContactMethod::Visit),
        phone: phone.as_deref(),
        email: email.as_deref(),
        voicemail_safe: voicemail,
        letter_to_home_safe: letters,
        caller_id_may_show_police: caller_id,
        language: &language,
        interpreter_needed: interpreter,
        update_frequency: enum_from_text(&frequency).unwrap_or(UpdateFrequency::EveryUpdate),
    });
    query(
        "INSERT INTO contact_preferences (id, victim_id, version, body, changed_at, changed_by, changed_by_id)
         VALUES ($1, $2, 1, $3, $4, 'officer', NULL)
         ON CONFLICT (victim_id, version) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(victim_id)
    .bind(keys.seal(PREFERENCES_BODY, &serde_json::to_string(&preferences)?)?)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// The current version inside a write transaction, creating version 1 first if the
/// victim has none.
pub async fn current_in_write(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    now: i64,
) -> anyhow::Result<Version> {
    if let Some(found) = current(conn, keys, victim_id).await? {
        return Ok(found);
    }
    ensure_initial(conn, keys, victim_id, now).await?;
    current(conn, keys, victim_id)
        .await?
        .context("version 1 was not created")
}

/// The current version, creating version 1 first if the victim has none.
pub async fn current_or_initial(
    db: &Db,
    keys: &DataKeys,
    victim_id: &str,
    now: i64,
) -> anyhow::Result<Version> {
    if let Some(found) = current(&mut db.conn(), keys, victim_id).await? {
        return Ok(found);
    }
    let mut tx = db.begin_write().await?;
    let mut conn = tx.conn();
    ensure_initial(&mut conn, keys, victim_id, now).await?;
    let found = current(&mut conn, keys, victim_id)
        .await?
        .context("version 1 was not created")?;
    tx.commit().await?;
    Ok(found)
}

/// Saves `preferences` (already validated) as the next version and copies the contact
/// details sign-in depends on to `victims`. Run it inside a write transaction (a
/// `WriteBatcher` job): saves for one victim take turns (`db::serialise`), so two cannot
/// take the same version number.
///
/// Every save makes a version, even when nothing changed: the history then shows each
/// time someone confirmed the preferences.
pub async fn save(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    victim_id: &str,
    preferences: &ContactPreferences,
    changed_by: ChangedBy,
    changed_by_id: &str,
    now: i64,
) -> anyhow::Result<Version> {
    db::serialise(conn, victim_id).await?;
    ensure_initial(conn, keys, victim_id, now).await?;
    let (latest,): (i64,) =
        query("SELECT COALESCE(MAX(version), 0) FROM contact_preferences WHERE victim_id = $1")
            .bind(victim_id)
            .fetch_one(conn)
            .await?;
    let version = latest + 1;
    query(
        "INSERT INTO contact_preferences (id, victim_id, version, body, changed_at, changed_by, changed_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(victim_id)
    .bind(version)
    .bind(keys.seal(PREFERENCES_BODY, &serde_json::to_string(preferences)?)?)
    .bind(now)
    .bind(enum_text(&changed_by)?)
    .bind(changed_by_id)
    .execute(conn)
    .await?;
    query(
        "UPDATE victims SET contact_method = $1, phone = $2, email = $3, voicemail_safe = $4,
                letter_to_home_safe = $5, caller_id_may_show_police = $6,
                interpreter_needed = $7, preferences_updated_at = $8, language = $9
         WHERE id = $10",
    )
    .bind(enum_text(&sign_in_method(preferences))?)
    .bind(keys.seal_optional(VICTIMS_PHONE, preferences.phone.as_deref())?)
    .bind(keys.seal_optional(VICTIMS_EMAIL, preferences.email.as_deref())?)
    .bind(preferences.voicemail_safe)
    .bind(preferences.letters_safe)
    .bind(preferences.caller_id_allowed)
    .bind(preferences.interpreter_needed)
    .bind(now)
    .bind(message_lang(preferences.language).tag())
    .bind(victim_id)
    .execute(conn)
    .await?;
    Ok(Version {
        version: u32::try_from(version).context("version out of range")?,
        changed_at: now,
        changed_by,
        preferences: preferences.clone(),
    })
}

/// The language `victims.language` records: the one texts and emails to the victim are
/// written in. Welsh if they chose it; English otherwise, since we only write in those two
/// (an interpreter helps with any other language on calls and visits).
pub fn message_lang(choice: LanguageChoice) -> Lang {
    match choice {
        LanguageChoice::Welsh => Lang::Cy,
        LanguageChoice::English | LanguageChoice::Other => Lang::En,
    }
}

/// The method `victims.contact_method` records: the one sign-in codes go to. That is the
/// first of the victim's two choices that can carry a code (text or email), so a victim who
/// prefers calls but also allows texts can still sign in; with neither, no code is sent and
/// the code page tells them to call their officer or 101.
pub fn sign_in_method(preferences: &ContactPreferences) -> ContactMethod {
    [
        Some(preferences.preferred_method),
        preferences.second_method,
    ]
    .into_iter()
    .flatten()
    .find(|method| matches!(method, ContactMethod::TextMessage | ContactMethod::Email))
    .unwrap_or(preferences.preferred_method)
}
