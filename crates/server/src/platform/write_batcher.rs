//! The write path handlers share: a job (a closure over one connection) runs inside a
//! transaction and its answer comes back only once that transaction has committed.
//!
//! On SQLite, jobs from many requests share one transaction and one fsync
//! (`group_commit`): SQLite has one writer at a time, so a commit per request would cap
//! writes at one request per fsync. On PostgreSQL each job keeps its own transaction on a
//! pooled connection: concurrent commits there already share WAL flushes, and several API
//! servers write at once. A job that checks before it writes ("at most 3 open requests")
//! calls `db::serialise` first, which on PostgreSQL makes concurrent jobs on the same key
//! take turns, as SQLite's single writer does for every job.

mod group_commit;

use std::future::Future;
use std::pin::Pin;

use anyhow::Context;
use sqlx::PgPool;

use crate::platform::db::{Conn, Db};
use crate::platform::error::AppError;

/// A boxed future that may borrow for `'a`; what a job returns.
pub type JobFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, AppError>> + Send + 'a>>;

/// A write job: given the transaction's connection, it writes and returns its answer.
/// Return `Err` to undo everything it wrote (nothing else is affected). It must not commit
/// or roll back the transaction itself.
pub trait Job<T>: for<'c> FnOnce(&'c mut Conn<'c>) -> JobFuture<'c, T> + Send + 'static {}
impl<T, F> Job<T> for F where
    F: for<'c> FnOnce(&'c mut Conn<'c>) -> JobFuture<'c, T> + Send + 'static
{
}

/// The handle handlers use; cheap to clone.
#[derive(Clone)]
pub enum WriteBatcher {
    /// SQLite: one writer thread batching jobs into shared commits.
    GroupCommit(group_commit::GroupCommit),
    /// PostgreSQL: a transaction per job.
    OwnTransaction(PgPool),
}

impl WriteBatcher {
    /// Starts the writer for `db`. On SQLite that is a thread with a connection of its
    /// own; it fails, rather than panicking, when the operating system cannot start it.
    pub fn start(db: &Db) -> anyhow::Result<Self> {
        Ok(match db {
            Db::Sqlite(pool) => Self::GroupCommit(
                group_commit::GroupCommit::start(pool)
                    .context("could not start the database writer thread")?,
            ),
            Db::Postgres(pool) => Self::OwnTransaction(pool.clone()),
        })
    }

    /// Runs `job` in a write transaction and returns its result once committed.
    pub async fn run<T, F>(&self, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: Job<T>,
    {
        match self {
            Self::GroupCommit(writer) => writer.run(job).await,
            Self::OwnTransaction(pool) => {
                let mut tx = pool.begin().await?;
                let answer = {
                    let mut conn = Conn::Postgres(&mut tx);
                    job(&mut conn).await
                };
                // An `Err` drops `tx`, which rolls it back.
                let answer = answer?;
                tx.commit().await?;
                Ok(answer)
            }
        }
    }
}
