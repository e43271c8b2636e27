//! Every statement of the re-sealing pass. Table and column names come from the fixed
//! list in `reseal::SEALED` (never from input), so formatting them into the SQL is safe.

use crate::platform::db::{query, Conn};

/// A column that holds sealed values, and where its rows are.
pub struct SealedColumn {
    pub table: &'static str,
    pub column: &'static str,
    /// What picks out one row, as text: the primary key column, and for a two-column key a
    /// second expression (e.g. `CAST(position AS TEXT)`). The first stays a bare column,
    /// so each update is an index lookup.
    pub key: (&'static str, Option<&'static str>),
    /// A column holding the blind index of this one's value, kept in step with it.
    pub blind_index: Option<&'static str>,
    /// A fixed text that is stored as it is (not personal; e.g. a blanked message).
    pub left_plain: Option<&'static str>,
}

/// One row's key (see `SealedColumn::key`; the second part is empty for a one-column key)
/// and its stored value.
pub type StoredValue = (String, String, String);

/// Up to `limit` rows whose value does not start with `current_prefix`: plain
/// values, and values sealed with an older key. `substr` rather than LIKE, whose `_`
/// wildcard a key id may contain.
pub async fn not_sealed_with(
    conn: &mut Conn<'_>,
    target: &SealedColumn,
    current_prefix: &str,
    limit: i64,
) -> sqlx::Result<Vec<StoredValue>> {
    let plain = target.left_plain.unwrap_or("");
    let (first, second) = target.key;
    let sql = format!(
        "SELECT {first}, {second}, {column} FROM {table}
         WHERE {column} IS NOT NULL AND {column} <> $1
           AND substr({column}, 1, CAST($2 AS INTEGER)) <> $3
         ORDER BY {first} LIMIT $4",
        second = second.unwrap_or("''"),
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
    (first_key, second_key, old): &StoredValue,
    new: &str,
    index: Option<&str>,
) -> sqlx::Result<bool> {
    let (first, second) = target.key;
    // $1 new value, $2 key, $3 old value, then the optional parts in order.
    let mut next = 3;
    let mut numbered = |sql: String| {
        next += 1;
        sql.replace('#', &format!("${next}"))
    };
    let and_second = second
        .map(|second| numbered(format!(" AND {second} = #")))
        .unwrap_or_default();
    let set_index = target
        .blind_index
        .map(|column| numbered(format!(", {column} = #")))
        .unwrap_or_default();
    let sql = format!(
        "UPDATE {table} SET {column} = $1{set_index}
         WHERE {first} = $2 AND {column} = $3{and_second}",
        table = target.table,
        column = target.column,
    );
    let mut statement = query(&sql)
        .bind(new)
        .bind(first_key.as_str())
        .bind(old.as_str());
    if second.is_some() {
        statement = statement.bind(second_key.as_str());
    }
    if target.blind_index.is_some() {
        statement = statement.bind(index);
    }
    Ok(statement.execute(conn).await? == 1)
}
