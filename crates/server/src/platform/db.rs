//! The SQLite pool: connection settings and the schema migrations in
//! `crates/server/migrations/`.

use std::borrow::Cow;
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::migrate::{Migration, MigrationType, Migrator};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Sqlite, SqlitePool, Transaction};

/// The migrations, embedded in the binary, in the order they run. Each entry is
/// (version, description, SQL); version and description follow the file name
/// `<version>_<description>.sql`, as sqlx-cli names them, so `sqlx migrate` and this list
/// agree. A unit test checks the list against the folder.
///
/// Listed by hand rather than with `sqlx::migrate!()` because that macro needs sqlx's
/// `macros` feature, which compiles SQLite a second time for the build host.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (
        1,
        "initial",
        include_str!("../../migrations/0001_initial.sql"),
    ),
    (
        2,
        "vcop_preferences_callbacks",
        include_str!("../../migrations/0002_vcop_preferences_callbacks.sql"),
    ),
    (
        3,
        "hot_path_indexes",
        include_str!("../../migrations/0003_hot_path_indexes.sql"),
    ),
    (
        4,
        "enums_stored_by_serde_name",
        include_str!("../../migrations/0004_enums_stored_by_serde_name.sql"),
    ),
    (
        5,
        "access_model",
        include_str!("../../migrations/0005_access_model.sql"),
    ),
];

/// The forms of `--database-url` the server accepts, for error messages.
const ACCEPTED_URLS: &str =
    "sqlite://PATH (e.g. sqlite://data/portal.db, created if missing) or sqlite::memory:";

/// Refuses a URL that is not a SQLite URL. sqlx reads anything without a `sqlite:` prefix
/// as a file name, so `postgres://user@host/portal` would otherwise quietly become a
/// SQLite file at `./postgres:/user@host/portal`, and data would go where nobody expects.
fn check_engine(database_url: &str) -> anyhow::Result<()> {
    if database_url.starts_with("sqlite:") {
        return Ok(());
    }
    let scheme = database_url
        .split_once("://")
        .map_or("(none)", |(scheme, _)| scheme);
    if matches!(scheme, "postgres" | "postgresql") {
        anyhow::bail!(
            "--database-url: PostgreSQL is not supported by this build yet; use {ACCEPTED_URLS}"
        );
    }
    anyhow::bail!("--database-url: unknown kind of database {scheme:?}; use {ACCEPTED_URLS}")
}

/// Opens (creating if needed) the database and brings its schema up to date.
pub async fn connect(database_url: &str) -> anyhow::Result<SqlitePool> {
    check_engine(database_url)?;
    let options = SqliteConnectOptions::from_str(database_url)
        .with_context(|| "DATABASE_URL is not a valid SQLite URL (e.g. sqlite://data/portal.db)")?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        // FULL: a commit is on disk before anyone is told it happened, so a power cut
        // cannot lose an acknowledged write (NORMAL can lose the last commits). The fsync
        // per commit this costs is shared by many requests in `write_batcher`. `server
        // seed` turns it off on its own connection while it bulk-loads.
        .synchronous(SqliteSynchronous::Full)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true);
    let file = options.get_filename().to_owned();
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        tokio::fs::create_dir_all(parent).await.with_context(|| {
            format!("could not create the database folder {}", parent.display())
        })?;
    }
    let pool = SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .with_context(|| format!("could not open the database {}", file.display()))?;
    migrator()
        .run(&pool)
        .await
        .context("could not migrate the database")?;
    Ok(pool)
}

/// Starts a transaction that will write. `BEGIN IMMEDIATE` takes SQLite's write lock up
/// front, so a transaction that reads and then writes waits for other writers (up to the
/// busy timeout) instead of failing part-way. On PostgreSQL this would be a plain `BEGIN`.
pub async fn begin_write(db: &SqlitePool) -> sqlx::Result<Transaction<'static, Sqlite>> {
    db.begin_with("BEGIN IMMEDIATE").await
}

fn migrator() -> Migrator {
    let migrations = MIGRATIONS
        .iter()
        .map(|&(version, description, sql)| {
            Migration::new(
                version,
                Cow::Borrowed(description),
                MigrationType::Simple,
                Cow::Borrowed(sql),
                false,
            )
        })
        .collect::<Vec<_>>();
    Migrator {
        migrations: Cow::Owned(migrations),
        ..Migrator::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_migration_file_is_listed_in_order() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
        let mut files: Vec<String> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS
            .iter()
            .map(|(version, description, _)| format!("{version:04}_{description}.sql"))
            .collect();
        assert_eq!(files, listed);
        for (name, (_, _, sql)) in files.iter().zip(MIGRATIONS) {
            let on_disk = std::fs::read_to_string(format!("{folder}/{name}")).unwrap();
            assert_eq!(&on_disk, sql, "{name} differs from the embedded copy");
        }
    }

    #[test]
    fn only_sqlite_urls_are_accepted_and_the_error_names_the_accepted_forms() {
        assert!(check_engine("sqlite://data/portal.db").is_ok());
        assert!(check_engine("sqlite::memory:").is_ok());
        for url in [
            "postgres://user@host:5432/portal",
            "postgresql://host/portal",
            "mysql://host/portal",
            "data/portal.db",
        ] {
            let message = format!("{:#}", check_engine(url).unwrap_err());
            assert!(message.contains("sqlite://PATH"), "{url}: {message}");
        }
    }

    #[tokio::test]
    async fn a_postgres_url_creates_no_file() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("postgres://user@host:5432/{}/portal", dir.path().display());
        assert!(connect(&url).await.is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(!std::path::Path::new("postgres:").exists());
    }

    #[tokio::test]
    async fn migrates_a_new_database_twice_without_error() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/test.db", dir.path().display());
        let pool = connect(&url).await.unwrap();
        pool.close().await;
        let pool = connect(&url).await.unwrap();
        let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM cases")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(count, 0);
    }

    #[tokio::test]
    async fn commits_are_fully_durable() {
        let dir = tempfile::tempdir().unwrap();
        let pool = connect(&format!("sqlite://{}/test.db", dir.path().display()))
            .await
            .unwrap();
        let (synchronous,): (i64,) = sqlx::query_as("PRAGMA synchronous")
            .fetch_one(&pool)
            .await
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
    }
}
