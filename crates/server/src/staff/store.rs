//! Staff accounts in the database: finding one to sign in, counting failures and locking,
//! recording the accepted second-factor step, and creating and disabling accounts.

use sqlx::SqliteConnection;

/// An account as sign-in needs it.
#[derive(Debug, Clone)]
pub struct Account {
    pub id: String,
    pub role: String,
    pub display_name: String,
    pub password_hash: String,
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
pub async fn find_by_email(
    conn: &mut SqliteConnection,
    email: &str,
) -> sqlx::Result<Option<Account>> {
    let row: Option<AccountRow> = sqlx::query_as(
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
    conn: &mut SqliteConnection,
    id: &str,
    limit: i64,
    lock_until: i64,
) -> sqlx::Result<()> {
    sqlx::query(
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
pub async fn record_success(
    conn: &mut SqliteConnection,
    id: &str,
    step: i64,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "UPDATE staff SET failed_sign_ins = 0, locked_until = NULL, totp_last_step = $2
         WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(id)
    .bind(step)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
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

/// Stores a new account; `false` if the email is taken.
pub async fn insert(conn: &mut SqliteConnection, new: &NewAccount<'_>) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO staff (id, email, display_name, role, officer_id, team_id, unit_id,
             password_hash, totp_secret, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (email) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(new.email)
    .bind(new.display_name)
    .bind(new.role)
    .bind(new.officer_id)
    .bind(new.team_id)
    .bind(new.unit_id)
    .bind(new.password_hash)
    .bind(new.totp_secret)
    .bind(new.now)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The name a staff account shows, while it is enabled.
pub async fn display_name(conn: &mut SqliteConnection, id: &str) -> sqlx::Result<Option<String>> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT display_name FROM staff WHERE id = $1 AND disabled_at IS NULL")
            .bind(id)
            .fetch_optional(conn)
            .await?;
    Ok(row.map(|(name,)| name))
}
