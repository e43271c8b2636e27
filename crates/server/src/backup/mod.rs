//! `server backup` and `server restore` for SQLite. A backup is one moment's consistent
//! copy made while servers keep running (VACUUM INTO), owner-only, checked with
//! `PRAGMA integrity_check`; it holds the database exactly as stored, so whatever is
//! encrypted there stays encrypted. A restore checks the backup first and never
//! overwrites anything. PostgreSQL has its own tools for both: pg_dump and pg_restore.

mod store;

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::platform::config::{BackupArgs, RestoreArgs};
use crate::platform::db::{self, Db};
use crate::platform::owner_only;

/// What to use for PostgreSQL instead.
const POSTGRES_TOOLS: &str = "for PostgreSQL use its own tools: pg_dump --format=custom \
     --file=FILE DATABASE_URL to back up, pg_restore --dbname=DATABASE_URL FILE to restore";

/// Copies the database to `args.to` while it stays in use; returns a one-line summary.
pub async fn backup(args: &BackupArgs) -> anyhow::Result<String> {
    let source = sqlite_file_or_refuse(&args.database_url, "backup")?;
    if !source.is_file() {
        anyhow::bail!("there is no database at {}", source.display());
    }
    let target_text = path_text(&args.to)?;
    // Created empty and owner-only first (VACUUM INTO fills an empty file and keeps its
    // mode); refuses anything already there.
    owner_only::create_new_file(&args.to).with_context(|| {
        format!(
            "could not create {} (it must not exist yet)",
            args.to.display()
        )
    })?;
    let copied = copy_into(&source, target_text).await;
    if copied.is_err() {
        // Leave nothing half-written that could pass for a backup.
        let _ = std::fs::remove_file(&args.to);
    }
    let version = copied?;
    let bytes = std::fs::metadata(&args.to)?.len();
    Ok(format!(
        "backed up {} to {} ({bytes} bytes, schema version {version}, integrity ok)",
        source.display(),
        args.to.display()
    ))
}

/// Puts the backup `args.from` in place as a new database; returns a one-line summary.
pub async fn restore(args: &RestoreArgs) -> anyhow::Result<String> {
    let target = sqlite_file_or_refuse(&args.database_url, "restore")?;
    for existing in [
        target.clone(),
        sibling(&target, "-wal"),
        sibling(&target, "-shm"),
    ] {
        if existing.exists() {
            anyhow::bail!(
                "{} exists: restore never overwrites a database. Stop the servers that use \
                 it, move it (with its -wal and -shm files) aside, then restore again",
                existing.display()
            );
        }
    }
    let version = checked(&args.from).await.with_context(|| {
        format!(
            "{} is not a sound backup of this server's database",
            args.from.display()
        )
    })?;
    if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        owner_only::create_folder_all(parent)?;
    }
    place(&args.from, &target)?;
    // Brings an older backup's schema up to this version.
    let db = db::connect(&args.database_url).await?;
    db.close().await;
    Ok(format!(
        "restored {} to {} (schema version {version} when backed up, integrity ok)",
        args.from.display(),
        target.display()
    ))
}

fn sqlite_file_or_refuse(database_url: &str, subcommand: &str) -> anyhow::Result<PathBuf> {
    db::sqlite_file(database_url)?.ok_or_else(|| {
        anyhow::anyhow!("server {subcommand} works on SQLite only; {POSTGRES_TOOLS}")
    })
}

fn path_text(path: &Path) -> anyhow::Result<&str> {
    path.to_str()
        .ok_or_else(|| anyhow::anyhow!("{} is not valid UTF-8", path.display()))
}

fn sibling(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// VACUUM INTO the (empty) `target`, then checks the copy; its schema version.
async fn copy_into(source: &Path, target: &str) -> anyhow::Result<i64> {
    let db = db::open_sqlite_read_only(source).await?;
    let copied = store::vacuum_into(&mut db.conn(), target).await;
    db.close().await;
    copied.context("could not copy the database")?;
    checked(Path::new(target)).await
}

/// The backup's schema version, once SQLite finds it sound and it is this server's.
async fn checked(backup: &Path) -> anyhow::Result<i64> {
    if !backup.is_file() {
        anyhow::bail!("there is no file at {}", backup.display());
    }
    let db: Db = db::open_sqlite_read_only(backup).await?;
    let result = check_open(&db).await;
    db.close().await;
    result
}

async fn check_open(db: &Db) -> anyhow::Result<i64> {
    let problems = store::integrity_check(&mut db.conn()).await?;
    if problems != ["ok"] {
        anyhow::bail!("PRAGMA integrity_check found: {}", problems.join("; "));
    }
    store::schema_version(&mut db.conn())
        .await?
        .ok_or_else(|| anyhow::anyhow!("it has no schema version: not a Safe Updates database"))
}

/// Copies `backup` to `target` without ever overwriting: into an owner-only file beside
/// the target, flushed to disk, then linked in under the target's name (which fails if
/// something appeared there meanwhile).
fn place(backup: &Path, target: &Path) -> anyhow::Result<()> {
    let partial = sibling(
        target,
        &format!(".restoring-{}", uuid::Uuid::new_v4().simple()),
    );
    let written = write_copy(backup, &partial).and_then(|()| std::fs::hard_link(&partial, target));
    let _ = std::fs::remove_file(&partial);
    written.with_context(|| format!("could not write {}", target.display()))
}

fn write_copy(backup: &Path, partial: &Path) -> io::Result<()> {
    let mut out = owner_only::create_new_file(partial)?;
    io::copy(&mut File::open(backup)?, &mut out)?;
    out.sync_all()
}
