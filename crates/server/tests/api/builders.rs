//! Builders for tests' own data: `app.create_case()` makes a fresh victim, officer card
//! and case (by default in the demo North team, with the victim reachable by text), so a
//! test that posts updates or books callbacks never touches the demo cases other tests
//! read.

use std::sync::atomic::{AtomicU32, Ordering};

use server::platform::db::query;
use server::platform::sealed::{VICTIMS_EMAIL, VICTIMS_PHONE};

use crate::helpers::TestApp;

/// Crime references for built cases: unique in the test binary, never a demo one.
static NEXT_REFERENCE: AtomicU32 = AtomicU32::new(500_000);

/// What a built case should be; `CaseSpec::default()` is an ordinary case in the North
/// team whose victim chose texts.
#[derive(Debug, Clone)]
pub struct CaseSpec {
    pub enhanced_rights: bool,
    /// `teams.id`; `None` leaves the case with no team.
    pub team: Option<&'static str>,
    /// The demo case whose officer card the new case shares (its officer works it);
    /// `None` gives the case an officer card of its own.
    pub officer_of: Option<&'static str>,
    pub stage: &'static str,
    /// `ContactMethod`'s serde name.
    pub contact_method: &'static str,
    pub phone: Option<&'static str>,
    pub email: Option<&'static str>,
}

impl Default for CaseSpec {
    fn default() -> Self {
        Self {
            enhanced_rights: false,
            team: Some("demo-team-north"),
            officer_of: None,
            stage: "under_investigation",
            contact_method: "text_message",
            phone: Some("+447700900999"),
            email: Some("built.victim@example.org"),
        }
    }
}

/// A case a builder made.
#[derive(Debug, Clone)]
pub struct BuiltCase {
    pub crime_reference: String,
    pub case_id: String,
    pub victim_id: String,
    pub officer_id: String,
}

impl TestApp {
    /// A new ordinary case (see `CaseSpec::default`).
    pub async fn create_case(&self) -> BuiltCase {
        self.create_case_with(CaseSpec::default()).await
    }

    /// A new case as `spec` says, with the victim's first contact preferences.
    pub async fn create_case_with(&self, spec: CaseSpec) -> BuiltCase {
        let number = NEXT_REFERENCE.fetch_add(1, Ordering::Relaxed);
        let crime_reference = format!("CR/{number}/26");
        let now = self.clock.unix();
        let id = || uuid::Uuid::now_v7().to_string();
        let (victim_id, case_id) = (id(), id());
        let mut tx = self.db.begin_write().await.unwrap();
        query(
            "INSERT INTO victims (id, full_name, contact_method, phone, email, created_at)
             VALUES ($1, 'Built Victim', $2, $3, $4, $5)",
        )
        .bind(&victim_id)
        .bind(spec.contact_method)
        .bind(self.keys.seal_optional(VICTIMS_PHONE, spec.phone).unwrap())
        .bind(self.keys.seal_optional(VICTIMS_EMAIL, spec.email).unwrap())
        .bind(now)
        .execute(&mut tx.conn())
        .await
        .unwrap();
        let officer_id = match spec.officer_of {
            Some(reference) => {
                let (officer_id,): (String,) =
                    query("SELECT officer_id FROM cases WHERE crime_reference = $1")
                        .bind(reference)
                        .fetch_one(&mut tx.conn())
                        .await
                        .unwrap();
                officer_id
            }
            None => {
                let officer_id = id();
                query(
                    "INSERT INTO officers (id, name, role, phone, phone_link, email, hours,
                                           created_at)
                     VALUES ($1, 'PC Built Officer', 'Victim care officer', '01632 960 000',
                             '+441632960000', 'built.officer@example.org',
                             'Monday to Friday, 9am to 5pm', $2)",
                )
                .bind(&officer_id)
                .bind(now)
                .execute(&mut tx.conn())
                .await
                .unwrap();
                officer_id
            }
        };
        query(
            "INSERT INTO cases (id, crime_reference, victim_id, officer_id, crime_type,
                                crime_category, stage, enhanced_rights, reported_on,
                                created_at, team_id)
             VALUES ($1, $2, $3, $4, 'Theft from your car', 'theft', $5, $6, '2026-01-05',
                     $7, $8)",
        )
        .bind(&case_id)
        .bind(&crime_reference)
        .bind(&victim_id)
        .bind(&officer_id)
        .bind(spec.stage)
        .bind(spec.enhanced_rights)
        .bind(now)
        .bind(spec.team)
        .execute(&mut tx.conn())
        .await
        .unwrap();
        server::preferences::store::ensure_initial(&mut tx.conn(), &self.keys, &victim_id, now)
            .await
            .unwrap();
        tx.commit().await.unwrap();
        BuiltCase {
            crime_reference,
            case_id,
            victim_id,
            officer_id,
        }
    }
}
