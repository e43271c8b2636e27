//! The database: SQLite (the embedded default) or PostgreSQL (several API servers on one
//! database), chosen at start-up by the URL. Pools, transactions, connection settings and
//! the migrations; `query` runs a statement on either engine.

mod migrations;
mod query;

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Connection, PgPool, Postgres, Sqlite, SqlitePool, Transaction};

use crate::platform::owner_only;

pub use query::{query, query_per_engine, Arg, Conn, DbRow, Engine, PerEngine, Query};

/// The forms of `--database-url` the server accepts, for error messages.
const ACCEPTED_URLS: &str = "sqlite://PATH (e.g. sqlite://data/portal.db, created if missing), \
     sqlite::memory:, or postgres://USER@HOST:PORT/DATABASE (an existing PostgreSQL database)";

/// Connections each server keeps to PostgreSQL. Several servers share one database, whose
/// default limit is 100 connections.
const POSTGRES_CONNECTIONS: u32 = 16;

/// The database of this server: a pool of either engine. Cheap to clone.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// A connection checked out of the pool, returned when dropped.
pub enum Pooled {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// A transaction (on a pooled connection it owns, or on one it borrows for `'c`); rolled
/// back when dropped without `commit`.
pub enum Tx<'c> {
    Sqlite(Transaction<'c, Sqlite>),
    Postgres(Transaction<'c, Postgres>),
}

/// The engine a URL names; anything else stops the server with the accepted forms. sqlx
/// reads anything without a `sqlite:` prefix as a SQLite file name, so
/// `mysql://host/portal` would otherwise quietly become a file at `./mysql:/host/portal`
/// and data would go where nobody expects.
fn engine_of(database_url: &str) -> anyhow::Result<Engine> {
    if database_url.starts_with("sqlite:") {
        return Ok(Engine::Sqlite);
    }
    let scheme = database_url
        .split_once("://")
        .map_or("(none)", |(scheme, _)| scheme);
    if matches!(scheme, "postgres" | "postgresql") {
        return Ok(Engine::Postgres);
    }
    anyhow::bail!("--database-url: unknown kind of database {scheme:?}; use {ACCEPTED_URLS}")
}

/// Opens (creating a SQLite file if needed) the database and brings its schema up to date.
pub async fn connect(database_url: &str) -> anyhow::Result<Db> {
    let db = match engine_of(database_url)? {
        Engine::Sqlite => Db::Sqlite(connect_sqlite(database_url).await?),
        Engine::Postgres => Db::Postgres(connect_postgres(database_url).await?),
    };
    db.migrate()
        .await
        .context("could not migrate the database")?;
    Ok(db)
}

async fn connect_sqlite(database_url: &str) -> anyhow::Result<SqlitePool> {
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
    if is_file_url(database_url) {
        create_owner_only(&file)?;
    }
    SqlitePoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await
        .with_context(|| format!("could not open the database {}", file.display()))
}

/// The file a SQLite URL names; `None` for a PostgreSQL URL. In-memory databases and
/// unknown kinds of URL are refused.
pub fn sqlite_file(database_url: &str) -> anyhow::Result<Option<PathBuf>> {
    if engine_of(database_url)? == Engine::Postgres {
        return Ok(None);
    }
    if !is_file_url(database_url) {
        anyhow::bail!("{database_url} is an in-memory database, not a file");
    }
    let options = SqliteConnectOptions::from_str(database_url)
        .context("not a valid SQLite URL (e.g. sqlite://data/portal.db)")?;
    Ok(Some(options.get_filename().to_owned()))
}

/// An existing SQLite file, read-only and not migrated (for backups and checks): one
/// connection, which never creates or changes the file.
pub async fn open_sqlite_read_only(file: &Path) -> anyhow::Result<Db> {
    let options = SqliteConnectOptions::new()
        .filename(file)
        .read_only(true)
        .busy_timeout(Duration::from_secs(5));
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .with_context(|| format!("could not open the database {}", file.display()))?;
    Ok(Db::Sqlite(pool))
}

/// Whether a SQLite URL names a file (not an in-memory database).
fn is_file_url(database_url: &str) -> bool {
    !(database_url.contains(":memory:") || database_url.contains("mode=memory"))
}

/// Creates a missing database owner-only: its folders (0700) and the file itself (0600),
/// empty, which SQLite takes as a new database. SQLite gives the -wal and -shm files the
/// database file's mode, so they are owner-only too. An existing file is left alone.
fn create_owner_only(file: &Path) -> anyhow::Result<()> {
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        owner_only::create_folder_all(parent).with_context(|| {
            format!("could not create the database folder {}", parent.display())
        })?;
    }
    match owner_only::create_new_file(file) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(error) => {
            Err(error).with_context(|| format!("could not create the database {}", file.display()))
        }
    }
}

async fn connect_postgres(database_url: &str) -> anyhow::Result<PgPool> {
    // The URL may hold a password: never quote it in an error.
    let options = PgConnectOptions::from_str(database_url).context(
        "--database-url is not a valid PostgreSQL URL (postgres://USER@HOST:PORT/DATABASE)",
    )?;
    let (host, port, database) = (
        options.get_host().to_owned(),
        options.get_port(),
        options.get_database().unwrap_or_default().to_owned(),
    );
    PgPoolOptions::new()
        .max_connections(POSTGRES_CONNECTIONS)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
        .with_context(|| {
            format!("could not connect to PostgreSQL database {database:?} at {host}:{port}")
        })
}

impl Db {
    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Statements on the pool: each takes any free connection.
    pub fn conn(&self) -> Conn<'_> {
        match self {
            Db::Sqlite(pool) => Conn::SqlitePool(pool),
            Db::Postgres(pool) => Conn::PostgresPool(pool),
        }
    }

    /// One connection, for several statements in a row.
    pub async fn acquire(&self) -> sqlx::Result<Pooled> {
        Ok(match self {
            Db::Sqlite(pool) => Pooled::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => Pooled::Postgres(pool.acquire().await?),
        })
    }

    /// Starts a transaction that will write. On SQLite, `BEGIN IMMEDIATE` takes the write
    /// lock up front, so a transaction that reads and then writes waits for other writers
    /// (up to the busy timeout) instead of failing part-way. PostgreSQL locks rows as it
    /// goes; a transaction that checks before it writes calls `serialise` first.
    pub async fn begin_write(&self) -> sqlx::Result<Tx<'static>> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }

    async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        let migrator = migrations::migrator(self.engine());
        match self {
            Db::Sqlite(pool) => migrator.run(pool).await,
            // sqlx takes an advisory lock, so servers starting together migrate once.
            Db::Postgres(pool) => migrator.run(pool).await,
        }
    }
}

impl Pooled {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Pooled::Sqlite(conn) => Conn::Sqlite(conn),
            Pooled::Postgres(conn) => Conn::Postgres(conn),
        }
    }

    /// A write transaction on this connection, as `Db::begin_write` starts one.
    pub async fn begin_write(&mut self) -> sqlx::Result<Tx<'_>> {
        Ok(match self {
            Pooled::Sqlite(conn) => Tx::Sqlite(conn.begin_with("BEGIN IMMEDIATE").await?),
            Pooled::Postgres(conn) => Tx::Postgres(conn.begin().await?),
        })
    }
}

impl Tx<'_> {
    pub fn conn(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(tx) => Conn::Sqlite(tx),
            Tx::Postgres(tx) => Conn::Postgres(tx),
        }
    }

    pub async fn commit(self) -> sqlx::Result<()> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }
}

/// Makes the rest of this transaction wait for any other transaction serialised on the
/// same `key` (e.g. a case id) until that one ends. Use it where a transaction checks and
/// then writes ("at most 3 open callbacks", "5 tries per code"). On SQLite every write
/// transaction already holds the one write lock, so there is nothing to do; on PostgreSQL
/// it is a transaction-scoped advisory lock on a hash of the key.
pub async fn serialise(conn: &mut Conn<'_>, key: &str) -> sqlx::Result<()> {
    if conn.engine() == Engine::Postgres {
        query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(conn)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sqlite_and_postgres_urls_are_accepted_and_the_error_names_the_accepted_forms() {
        assert_eq!(
            engine_of("sqlite://data/portal.db").unwrap(),
            Engine::Sqlite
        );
        assert_eq!(engine_of("sqlite::memory:").unwrap(), Engine::Sqlite);
        assert_eq!(
            engine_of("postgres://user@host:5432/portal").unwrap(),
            Engine::Postgres
        );
        assert_eq!(
            engine_of("postgresql://host/portal").unwrap(),
            Engine::Postgres
        );
        for url in ["mysql://host/portal", "data/portal.db", "portal.db"] {
            let message = format!("{:#}", engine_of(url).unwrap_err());
            assert!(message.contains("sqlite://PATH"), "{url}: {message}");
            assert!(message.contains("postgres://USER@HOST"), "{url}: {message}");
        }
    }

    #[tokio::test]
    async fn an_unreachable_postgres_url_fails_and_creates_no_file() {
        let dir = tempfile::tempdir().unwrap();
        // Port 1 on loopback: nothing listens there, so the refusal is immediate.
        let url = format!(
            "postgres://user:secret@127.0.0.1:1/{}",
            dir.path().display()
        );
        let message = format!("{:#}", connect(&url).await.unwrap_err());
        assert!(
            message.contains("could not connect to PostgreSQL"),
            "{message}"
        );
        assert!(
            !message.contains("secret"),
            "the password must not be quoted: {message}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        assert!(!std::path::Path::new("postgres:").exists());
    }

    #[tokio::test]
    async fn migrates_a_new_database_twice_without_error() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/test.db", dir.path().display());
        let db = connect(&url).await.unwrap();
        db.close().await;
        let db = connect(&url).await.unwrap();
        let (count,): (i64,) = query("SELECT COUNT(*) FROM cases")
            .fetch_one(&mut db.conn())
            .await
            .unwrap();
        assert_eq!(count, 0);
    }

    #[tokio::test]
    async fn a_new_database_its_folder_and_its_wal_files_are_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        let db = connect(&format!("sqlite://{}/portal.db", folder.display()))
            .await
            .unwrap();
        query("INSERT INTO units (id, name, created_at) VALUES ('u', 'North', 0)")
            .execute(&mut db.conn())
            .await
            .unwrap();
        assert_eq!(mode(&folder), 0o700);
        for name in ["portal.db", "portal.db-wal", "portal.db-shm"] {
            assert_eq!(mode(&folder.join(name)), 0o600, "{name}");
        }
    }

    #[tokio::test]
    async fn sqlite_commits_are_fully_durable() {
        let dir = tempfile::tempdir().unwrap();
        let db = connect(&format!("sqlite://{}/test.db", dir.path().display()))
            .await
            .unwrap();
        let (synchronous,): (i64,) = query("PRAGMA synchronous")
            .fetch_one(&mut db.conn())
            .await
            .unwrap();
        assert_eq!(synchronous, 2, "FULL");
    }
}
