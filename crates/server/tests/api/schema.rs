//! The two engines' migrations (`migrations/sqlite/`, `migrations/postgres/`) end in the
//! same schema: the same tables, columns (name, type, whether NULL is allowed) and
//! indexes. Needs PostgreSQL, so it runs in the PostgreSQL pass of `./x test`.

use std::collections::BTreeSet;

use server::platform::db::{query, Db};

use crate::helpers::{fresh_database_url, postgres_server};

/// (table, column, type, NOT NULL) for every column, in a form both engines share.
type Column = (String, String, String, bool);

async fn sqlite_columns(db: &Db) -> BTreeSet<Column> {
    let rows: Vec<(String, String, String, bool, i64)> = query(
        "SELECT m.name, p.name, p.type, p.\"notnull\", p.pk
         FROM sqlite_master m JOIN pragma_table_info(m.name) p
         WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut db.conn())
    .await
    .expect("SQLite columns");
    rows.into_iter()
        .map(|(table, column, kind, not_null, pk)| {
            // SQLite's INTEGER is a 64-bit integer; PostgreSQL's is 32, hence BIGINT there.
            let kind = match kind.to_lowercase().as_str() {
                "integer" => "bigint".to_owned(),
                other => other.to_owned(),
            };
            // A primary key never holds NULL on PostgreSQL; SQLite (for historical
            // reasons) reports a TEXT primary key as nullable.
            (table, column, kind, not_null || pk > 0)
        })
        .collect()
}

async fn postgres_columns(db: &Db) -> BTreeSet<Column> {
    let rows: Vec<(String, String, String, String)> = query(
        "SELECT table_name::text, column_name::text, data_type::text, is_nullable::text
         FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&mut db.conn())
    .await
    .expect("PostgreSQL columns");
    rows.into_iter()
        .map(|(table, column, kind, nullable)| (table, column, kind, nullable == "NO"))
        .collect()
}

/// Index names made by the migrations (not the ones each engine makes for keys itself).
async fn index_names(db: &Db, sql: &str) -> BTreeSet<String> {
    let rows: Vec<(String,)> = query(sql).fetch_all(&mut db.conn()).await.expect("indexes");
    rows.into_iter().map(|(name,)| name).collect()
}

#[tokio::test]
async fn both_engines_migrate_to_the_same_tables_columns_and_indexes() {
    if postgres_server().is_none() {
        eprintln!("skipped on SQLite: the PostgreSQL pass of ./x test runs it");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let sqlite = server::platform::db::connect(&format!("sqlite://{}/s.db", dir.path().display()))
        .await
        .expect("SQLite");
    let postgres = server::platform::db::connect(&fresh_database_url(&dir).await)
        .await
        .expect("PostgreSQL");

    let (on_sqlite, on_postgres) = (
        sqlite_columns(&sqlite).await,
        postgres_columns(&postgres).await,
    );
    assert!(on_sqlite.len() > 50, "{} columns", on_sqlite.len());
    let only_sqlite: Vec<_> = on_sqlite.difference(&on_postgres).collect();
    let only_postgres: Vec<_> = on_postgres.difference(&on_sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only on SQLite: {only_sqlite:#?}\nonly on PostgreSQL: {only_postgres:#?}"
    );

    let sqlite_indexes = index_names(
        &sqlite,
        "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL",
    )
    .await;
    let postgres_indexes = index_names(
        &postgres,
        "SELECT indexname::text FROM pg_indexes WHERE schemaname = 'public'
         AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'
         AND tablename <> '_sqlx_migrations'",
    )
    .await;
    assert!(sqlite_indexes.contains("case_updates_vcop_due"));
    assert_eq!(sqlite_indexes, postgres_indexes);
}
