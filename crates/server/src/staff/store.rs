//! Staff accounts in the database: finding one to sign in, counting failures and locking,
//! recording the accepted second-factor step, creating and disabling accounts, and the
//! units a supervisor account belongs to.

use crate::platform::data_key::DataKeys;
use crate::platform::db::{query, Conn};
use crate::platform::sealed::STAFF_TOTP_SECRET;

/// An account as sign-in needs it.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub role: String,
    pub display_name: String,
    pub password_hash: String,
    /// Sealed: open it with `DataKeys::open(STAFF_TOTP_SECRET, …)` to check a code.
    pub totp_secret: Option<String>,
    pub totp_last_step: Option<i64>,
    pub failed_sign_ins: i64,
    pub locked_until: Option<i64>,
    pub disabled_at: Option<i64>,
}

type AccountRow = (
    String,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    i64,
    Option<i64>,
    Option<i64>,
);

/// The account signing in with `email` (already lower case).
pub async fn find_by_email(conn: &mut Conn<'_>, email: &str) -> sqlx::Result<Option<Account>> {
    let row: Option<AccountRow> = query(
        "SELECT id, role, display_name, password_hash, totp_secret, totp_last_step,
                failed_sign_ins, locked_until, disabled_at
         FROM staff WHERE email = $1",
    )
    .bind(email)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(
            id,
            role,
            display_name,
            password_hash,
            totp_secret,
            totp_last_step,
            failed,
            locked,
            disabled,
        )| {
            Account {
                id,
                role,
                display_name,
                password_hash,
                totp_secret,
                totp_last_step,
                failed_sign_ins: failed,
                locked_until: locked,
                disabled_at: disabled,
            }
        },
    ))
}

/// Counts a failed sign-in; at `limit` failures the account locks until `lock_until` and
/// the count starts again.
pub async fn record_failure(
    conn: &mut Conn<'_>,
    id: &str,
    limit: i64,
    lock_until: i64,
) -> sqlx::Result<()> {
    query(
        "UPDATE staff SET
             locked_until = CASE WHEN failed_sign_ins + 1 >= $2 THEN $3 ELSE locked_until END,
             failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= $2 THEN 0
                                    ELSE failed_sign_ins + 1 END
         WHERE id = $1",
    )
    .bind(id)
    .bind(limit)
    .bind(lock_until)
    .execute(conn)
    .await?;
    Ok(())
}

/// A successful sign-in: failures forgotten, the second-factor step used up. The step
/// only moves forward, so two sign-ins racing with one code cannot both succeed.
pub async fn record_success(conn: &mut Conn<'_>, id: &str, step: i64) -> sqlx::Result<bool> {
    let done = query(
        "UPDATE staff SET failed_sign_ins = 0, locked_until = NULL, totp_last_step = $2
         WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(id)
    .bind(step)
    .execute(conn)
    .await?;
    Ok(done == 1)
}

/// A new account's details.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub role: &'a str,
    pub officer_id: Option<&'a str>,
    pub team_id: Option<&'a str>,
    pub unit_id: &'a str,
    pub password_hash: &'a str,
    pub totp_secret: &'a str,
    pub now: i64,
}

/// Stores a new account (its second-factor secret sealed) and returns its id; `None` if the
/// email is taken.
pub async fn insert(
    conn: &mut Conn<'_>,
    keys: &DataKeys,
    new: &NewAccount<'_>,
) -> anyhow::Result<Option<String>> {
    let id = uuid::Uuid::new_v4().to_string();
    let done = query(
        "INSERT INTO staff (id, email, display_name, role, officer_id, team_id, unit_id,
             password_hash, totp_secret, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(&id)
    .bind(new.email)
    .bind(new.display_name)
    .bind(new.role)
    .bind(new.officer_id)
    .bind(new.team_id)
    .bind(new.unit_id)
    .bind(new.password_hash)
    .bind(keys.seal(STAFF_TOTP_SECRET, new.totp_secret)?)
    .bind(new.now)
    .execute(conn)
    .await?;
    Ok((done == 1).then_some(id))
}

/// The name a staff account shows, while it is enabled.
pub async fn display_name(conn: &mut Conn<'_>, id: &str) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> =
        query("SELECT display_name FROM staff WHERE id = $1 AND disabled_at IS NULL")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(name,)| name))
}

/// The unit `staff_id` supervises, while the account is a live (enabled) supervisor's:
/// the one question every account-administration route asks first. A primary-key lookup.
pub async fn live_supervisor_unit(
    conn: &mut Conn<'_>,
    staff_id: &str,
) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> = query(
        "SELECT unit_id FROM staff
         WHERE id = $1 AND role = 'supervisor' AND disabled_at IS NULL",
    )
    .bind(staff_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(unit_id,)| unit_id))
}

/// Whether `team_id` is one of `unit_id`'s teams.
pub async fn team_in_unit(conn: &mut Conn<'_>, team_id: &str, unit_id: &str) -> sqlx::Result<bool> {
    let row: Option<(String,)> = query("SELECT id FROM teams WHERE id = $1 AND unit_id = $2")
        .bind(team_id)
        .bind(unit_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.is_some())
}

/// An officer as the supervisor's list shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerRow {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub team_id: Option<String>,
    pub disabled: bool,
}

/// Every officer of `unit_id`, enabled or not, by name. (No index on `staff.unit_id`: a
/// unit's staff table is small, and this list is not on a hot path.)
pub async fn officers_of_unit(conn: &mut Conn<'_>, unit_id: &str) -> sqlx::Result<Vec<OfficerRow>> {
    let rows: Vec<(String, String, String, Option<String>, bool)> = query(
        "SELECT id, email, display_name, team_id, disabled_at IS NOT NULL FROM staff
         WHERE unit_id = $1 AND role = 'officer'
         ORDER BY display_name, id",
    )
    .bind(unit_id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, email, display_name, team_id, disabled)| OfficerRow {
            id,
            email,
            display_name,
            team_id,
            disabled,
        })
        .collect())
}

/// Disables officer `staff_id` of `unit_id` (from `now`; an account already disabled
/// keeps its first date). `false` if there is no such officer in that unit.
pub async fn disable_officer(
    conn: &mut Conn<'_>,
    staff_id: &str,
    unit_id: &str,
    now: i64,
) -> sqlx::Result<bool> {
    let done = query(
        "UPDATE staff SET disabled_at = COALESCE(disabled_at, $3)
         WHERE id = $1 AND unit_id = $2 AND role = 'officer'",
    )
    .bind(staff_id)
    .bind(unit_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(done == 1)
}

/// The ids of the units called `name` (names are not unique in the schema).
pub async fn units_named(conn: &mut Conn<'_>, name: &str) -> sqlx::Result<Vec<String>> {
    let rows: Vec<(String,)> = query("SELECT id FROM units WHERE name = $1 ORDER BY id")
        .bind(name)
        .fetch_all(conn)
        .await?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Creates a unit and returns its id.
pub async fn insert_unit(conn: &mut Conn<'_>, name: &str, now: i64) -> sqlx::Result<String> {
    let id = uuid::Uuid::new_v4().to_string();
    query("INSERT INTO units (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(name)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(id)
}
