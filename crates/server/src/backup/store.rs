//! The SQL of backups: SQLite's consistent online copy, its integrity check, and whether
//! a file is one of this server's databases.

use crate::platform::db::{query, Conn};

/// Writes one moment's snapshot of the database to `file` (which must be missing or
/// empty). A read transaction: servers keep reading and writing meanwhile.
pub async fn vacuum_into(conn: &mut Conn<'_>, file: &str) -> sqlx::Result<()> {
    query("VACUUM INTO $1").bind(file).execute(conn).await?;
    Ok(())
}

/// SQLite's own check of every page, index and constraint: `["ok"]` when sound,
/// otherwise what it found wrong.
pub async fn integrity_check(conn: &mut Conn<'_>) -> sqlx::Result<Vec<String>> {
    let rows: Vec<(String,)> = query("PRAGMA integrity_check").fetch_all(conn).await?;
    Ok(rows.into_iter().map(|(line,)| line).collect())
}

/// The newest schema version applied, if the file has this server's migrations table.
pub async fn schema_version(conn: &mut Conn<'_>) -> sqlx::Result<Option<i64>> {
    let table: Option<(String,)> =
        query("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'")
            .fetch_optional(conn)
            .await?;
    if table.is_none() {
        return Ok(None);
    }
    let (version,): (Option<i64>,) = query("SELECT MAX(version) FROM _sqlx_migrations")
        .fetch_one(conn)
        .await?;
    Ok(version)
}
