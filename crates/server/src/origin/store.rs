//! The `database_origin` row: read it, write it once, and whether the database holds any
//! data yet.

use super::Origin;
use crate::platform::db::{query, Conn};

/// Tables whose rows are someone's data: a database with none in any is empty.
const DATA_TABLES: [&str; 3] = ["cases", "victims", "staff"];

/// Who created the database, as recorded; `None` before anyone did.
pub async fn recorded(conn: &mut Conn<'_>) -> anyhow::Result<Option<Origin>> {
    let row: Option<(String,)> = query("SELECT created_by FROM database_origin WHERE id = 1")
        .fetch_optional(conn)
        .await?;
    row.map(|(text,)| Origin::from_stored(&text)).transpose()
}

/// Records `origin`; the table holds one row, so a second record fails.
pub async fn record(conn: &mut Conn<'_>, origin: Origin, now: i64) -> sqlx::Result<()> {
    query("INSERT INTO database_origin (id, created_by, created_at) VALUES (1, $1, $2)")
        .bind(origin.stored())
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether any case, victim or staff account exists.
pub async fn holds_data(conn: &mut Conn<'_>) -> sqlx::Result<bool> {
    for table in DATA_TABLES {
        // A fixed table name from the list above, not input; every one has a text id.
        let found: Option<(String,)> = query(&format!("SELECT id FROM {table} LIMIT 1"))
            .fetch_optional(conn)
            .await?;
        if found.is_some() {
            return Ok(true);
        }
    }
    Ok(false)
}
