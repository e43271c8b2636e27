//! Every statement of the re-sealing pass. Table and column names come from the fixed
//! list in `reseal::SEALED` (never from input), so formatting them into the SQL is safe.

use crate::platform::db::{query, Conn};

/// A column that holds sealed values, and where its rows are.
pub struct SealedColumn {
    pub table: &'static str,
    pub column: &'static str,
    /// A column holding the blind index of this one's value, kept in step with it.
    pub blind_index: Option<&'static str>,
    /// A fixed text that is stored as it is (not personal; e.g. a blanked message).
    pub left_plain: Option<&'static str>,
}

/// Up to `limit` (id, value) pairs whose value does not start with `current_prefix`: plain
/// values, and values sealed with an older key. `substr` rather than LIKE, whose `_`
/// wildcard a key id may contain.
pub async fn not_sealed_with(
    conn: &mut Conn<'_>,
    target: &SealedColumn,
    current_prefix: &str,
    limit: i64,
) -> sqlx::Result<Vec<(String, String)>> {
    let plain = target.left_plain.unwrap_or("");
    let sql = format!(
        "SELECT id, {column} FROM {table}
         WHERE {column} IS NOT NULL AND {column} <> $1 AND substr({column}, 1, CAST($2 AS INTEGER)) <> $3
         ORDER BY id LIMIT $4",
        table = target.table,
        column = target.column,
    );
    let prefix_len = i64::try_from(current_prefix.len()).unwrap_or(i64::MAX);
    query(&sql)
        .bind(plain)
        .bind(prefix_len)
        .bind(current_prefix)
        .bind(limit)
        .fetch_all(conn)
        .await
}

/// Replaces one value (and its blind index), only if it is still `old`: a row a request
/// changed meanwhile keeps the request's value, which is sealed with the current key
/// already. True when the row was updated.
pub async fn replace(
    conn: &mut Conn<'_>,
    target: &SealedColumn,
    id: &str,
    old: &str,
    new: &str,
    index: Option<&str>,
) -> sqlx::Result<bool> {
    let set_index = target
        .blind_index
        .map(|column| format!(", {column} = $4"))
        .unwrap_or_default();
    let sql = format!(
        "UPDATE {table} SET {column} = $1{set_index} WHERE id = $2 AND {column} = $3",
        table = target.table,
        column = target.column,
    );
    let mut statement = query(&sql).bind(new).bind(id).bind(old);
    if target.blind_index.is_some() {
        statement = statement.bind(index);
    }
    Ok(statement.execute(conn).await? == 1)
}
