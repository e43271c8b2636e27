//! Signed-in staff sessions for the case-list benchmark: the first seeded team (four
//! officer cards of the first run, about 1,000 cases, in a unit of its own), an officer
//! account on the first card and the unit's supervisor, each signed in as sign-in does
//! (`sessions::create`). The team and unit stay the same size however many cases are
//! seeded after them, so the list's speed can be compared at 1,000 and 1,000,000 cases.
//! Written as `officer<TAB>Cookie` and `supervisor<TAB>Cookie` lines (mode 0600).

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::rows::Officer;
use crate::access::{Actor, ActorKind};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn, Db};
use crate::sessions::{cookies, store as sessions};
use crate::staff::{credentials, store as staff};

const UNIT: &str = "bench-unit";
const TEAM: &str = "bench-team";
/// Officer cards in the bench team.
const TEAM_CARDS: usize = 4;
const ACCOUNTS: [(&str, &str); 2] = [
    ("officer", "bench.officer@example.org"),
    ("supervisor", "bench.supervisor@example.org"),
];

/// Makes the bench team from `officers` (this run's cards) unless it exists, then signs
/// both accounts in and writes their cookies to `out`.
pub async fn write(
    db: &Db,
    keys: &DataKeys,
    officers: &[Officer],
    now: i64,
    out: &Path,
) -> anyhow::Result<()> {
    let mut tx = db.begin_write().await?;
    let exists: Option<(String,)> = query("SELECT id FROM units WHERE id = $1")
        .bind(UNIT)
        .fetch_optional(&mut tx.conn())
        .await?;
    if exists.is_none() {
        let cards: Vec<&str> = officers
            .iter()
            .take(TEAM_CARDS)
            .map(|o| o.id.as_str())
            .collect();
        let first = *cards
            .first()
            .context("--staff-sessions-out needs cases the first time (to make the bench team)")?;
        make_team(&mut tx.conn(), keys, &cards, first, now).await?;
    }
    let mut lines = String::new();
    for (role, email) in ACCOUNTS {
        let (id,): (String,) = query("SELECT id FROM staff WHERE email = $1")
            .bind(email)
            .fetch_one(&mut tx.conn())
            .await?;
        let kind = if role == "officer" {
            ActorKind::Officer
        } else {
            ActorKind::Supervisor
        };
        let actor = Actor {
            kind,
            id,
            signed_in_case: None,
        };
        let token = sessions::create(&mut tx.conn(), &actor, None, now).await?;
        lines.push_str(&format!("{role}\t{}={token}\n", cookies::STAFF_COOKIE));
    }
    tx.commit().await?;
    let mut file = super::bench_sessions::create_private(out)
        .with_context(|| format!("could not create the staff sessions file {}", out.display()))?;
    file.write_all(lines.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("could not write the staff sessions file {}", out.display()))
}

/// The unit, its team holding every case of `cards`, and the two accounts.
async fn make_team(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    cards: &[&str],
    card: &str,
    now: i64,
) -> anyhow::Result<()> {
    query("INSERT INTO units (id, name, created_at) VALUES ($1, 'Bench unit', $2)")
        .bind(UNIT)
        .bind(now)
        .execute(conn)
        .await?;
    query("INSERT INTO teams (id, unit_id, name, created_at) VALUES ($1, $2, 'Bench team', $3)")
        .bind(TEAM)
        .bind(UNIT)
        .bind(now)
        .execute(conn)
        .await?;
    for id in cards {
        query("UPDATE cases SET team_id = $1 WHERE officer_id = $2")
            .bind(TEAM)
            .bind(*id)
            .execute(conn)
            .await?;
    }
    // Nobody signs in with these: sessions are made directly.
    let password_hash = credentials::hash_password(&uuid::Uuid::new_v4().to_string())?;
    let secret = credentials::new_totp_secret()?;
    for (role, email) in ACCOUNTS {
        let officer = role == "officer";
        staff::insert(
            conn,
            keys,
            &staff::NewAccount {
                email,
                display_name: if officer {
                    "PC Bench Officer"
                } else {
                    "Sergeant Bench"
                },
                role,
                officer_id: officer.then_some(card),
                team_id: officer.then_some(TEAM),
                unit_id: UNIT,
                password_hash: &password_hash,
                totp_secret: &secret,
                now,
            },
        )
        .await?;
    }
    Ok(())
}
