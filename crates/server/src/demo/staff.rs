//! The demo's staff: one unit with two teams, a supervisor and two officers, so the staff
//! side can be tried at once. Their password and second-factor secrets are public (the
//! README lists them, the demo outbox page shows each account's current code): demo
//! mode only, never on a database with real cases.

use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::staff::{credentials, store};

/// Every demo account's password.
pub const DEMO_PASSWORD: &str = "demo staff password";

/// A demo staff account.
pub struct DemoStaff {
    pub email: &'static str,
    pub name: &'static str,
    /// `ActorKind`'s serde name.
    pub role: &'static str,
    /// Base32; public, for the demo only.
    pub totp_secret: &'static str,
    /// The demo case whose officer card is theirs.
    pub card_case: Option<&'static str>,
    pub team: Option<&'static str>,
}

pub const DEMO_STAFF: [DemoStaff; 3] = [
    DemoStaff {
        email: "supervisor@example.org",
        name: "Sergeant Morgan Lewis",
        role: "supervisor",
        totp_secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
        card_case: None,
        team: None,
    },
    DemoStaff {
        email: "daniel.okafor@example.org",
        name: "PC Daniel Okafor",
        role: "officer",
        totp_secret: "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
        card_case: Some("CR/100001/25"),
        team: Some("demo-team-north"),
    },
    DemoStaff {
        email: "aisha.rahman@example.org",
        name: "PC Aisha Rahman",
        role: "officer",
        totp_secret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
        card_case: Some("CR/100004/25"),
        team: Some("demo-team-south"),
    },
];

/// The cases of each team: North works the first three demo cases, South the others.
const TEAMS: [(&str, &str, &[&str]); 2] = [
    (
        "demo-team-north",
        "North team",
        &["CR/100001/25", "CR/100002/25", "CR/100003/25"],
    ),
    (
        "demo-team-south",
        "South team",
        &["CR/100004/25", "CR/100005/25"],
    ),
];

const UNIT: &str = "demo-unit";

/// Creates the unit, its teams (with their cases) and the accounts. Runs in the demo
/// load's transaction, after the cases.
pub async fn insert(conn: &mut Conn<'_>, keys: &DataKeys, now: i64) -> anyhow::Result<()> {
    query("INSERT INTO units (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(UNIT)
        .bind("Demo victim care unit")
        .bind(now)
        .execute(conn)
        .await?;
    for (team_id, name, references) in TEAMS {
        query("INSERT INTO teams (id, unit_id, name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(team_id)
            .bind(UNIT)
            .bind(name)
            .bind(now)
            .execute(conn)
            .await?;
        for reference in references {
            query("UPDATE cases SET team_id = $1 WHERE crime_reference = $2")
                .bind(team_id)
                .bind(*reference)
                .execute(conn)
                .await?;
        }
    }
    let password_hash = credentials::hash_password(DEMO_PASSWORD)?;
    for account in &DEMO_STAFF {
        let officer_id: Option<(String,)> = match account.card_case {
            Some(reference) => {
                query("SELECT officer_id FROM cases WHERE crime_reference = $1")
                    .bind(reference)
                    .fetch_optional(conn)
                    .await?
            }
            None => None,
        };
        store::insert(
            conn,
            keys,
            &store::NewAccount {
                email: account.email,
                display_name: account.name,
                role: account.role,
                officer_id: officer_id.as_ref().map(|(id,)| id.as_str()),
                team_id: account.team,
                unit_id: UNIT,
                password_hash: &password_hash,
                totp_secret: account.totp_secret,
                now,
            },
        )
        .await?;
    }
    Ok(())
}
