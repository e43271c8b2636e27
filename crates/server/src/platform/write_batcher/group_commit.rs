//! Group commit for SQLite: concurrent write transactions share one `COMMIT`, so one
//! fsync makes many requests durable at once.
//!
//! Why: SQLite has one writer at a time, and with `synchronous = FULL` every commit waits
//! for the disk (an fsync of the WAL). One transaction per request therefore caps writes
//! at roughly one request per fsync, however many requests are waiting. Here one writer
//! (on a thread of its own, see `GroupCommit::start`) owns one connection; a handler
//! hands it a job and waits for the answer. The writer takes the first job and
//! whatever else is already queued (at most `MAX_BATCH`), runs them one after another
//! inside a single `BEGIN IMMEDIATE` … `COMMIT`, each job inside its own `SAVEPOINT` so a
//! job that fails (a 409, a 404, a 422, a database error, even a panic) is rolled back on
//! its own and never touches the others, and only once `COMMIT` has succeeded tells each
//! job's handler how it went. Nobody hears "done" before their data is on disk; if the
//! commit fails, every job in the batch fails (their business errors are still theirs).
//!
//! Jobs run one at a time on the same connection, so a job sees the writes of the jobs
//! before it in the batch, exactly as if they had committed first: checks such as "at
//! most 3 open callback requests" stay race-safe without any extra locking.
//! A job runs to the end even if its handler has gone (the client hung up), as a
//! committed write would have.
//!
//! The queue lives in this process, but it only ever holds requests still in flight:
//! nothing in it has been acknowledged, so losing it (a crash) loses only answers nobody
//! has had, which a retry repeats. That is why it does not break the rule that queues
//! live in the database; several API servers can each run one, and SQLite's write lock
//! (with the busy timeout) serialises their batches.

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection, SqlitePool};
use tokio::sync::{mpsc, oneshot};

use super::Job;
use crate::platform::db::Conn;
use crate::platform::error::AppError;

/// Most jobs in one transaction. Bounds how long the first job of a batch waits for the
/// last (each job is a few small statements) and how much one failed commit can take with it.
pub const MAX_BATCH: usize = 128;
/// Jobs that may wait for the writer before `run` itself waits (back-pressure).
const QUEUE_CAPACITY: usize = 4 * MAX_BATCH;
/// The savepoint around each job. Jobs run one at a time, so one name is enough.
const SAVEPOINT: &str = "SAVEPOINT write_job";
const RELEASE: &str = "RELEASE write_job";
const ROLLBACK_TO: &str = "ROLLBACK TO write_job";

/// What the writer runs for one job: the job itself, then a way to answer it once the
/// batch's fate is known.
type ErasedJob = Box<
    dyn for<'c> FnOnce(&'c mut Conn<'c>) -> Pin<Box<dyn Future<Output = Ran> + Send + 'c>> + Send,
>;

/// A job that has run: whether to keep its writes, and its answer, sent by `answer`
/// with `true` once committed or `false` if the batch was not.
struct Ran {
    keep: bool,
    answer: Box<dyn FnOnce(bool) + Send>,
}

/// The handle to the writer; cheap to clone (all clones feed the same writer).
#[derive(Clone)]
pub struct GroupCommit {
    queue: mpsc::Sender<ErasedJob>,
}

/// An answer still to come: the job is queued.
pub struct Pending<T>(oneshot::Receiver<Result<T, AppError>>);

impl GroupCommit {
    /// Starts the writer on its own connection, opened with `db`'s settings (WAL,
    /// `synchronous`, busy timeout, foreign keys). It stops when every handle is dropped.
    ///
    /// The writer gets a thread (and a one-thread runtime) of its own. Each statement is a
    /// round trip to sqlx's SQLite thread, and all of a batch's statements run one after
    /// another; on the shared runtime the writer would queue behind request handling
    /// after every one of them, and that wait, not SQLite, would cap the writes a second.
    ///
    /// Fails, rather than panicking, when the operating system cannot start the thread or
    /// its runtime: the server then stops at start-up with that message.
    pub fn start(db: &SqlitePool) -> std::io::Result<Self> {
        let (queue, jobs) = mpsc::channel(QUEUE_CAPACITY);
        let options = db.connect_options();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("sqlite-writer".into())
            .spawn(move || runtime.block_on(write_batches(options, jobs)))?;
        Ok(Self { queue })
    }

    /// Runs `job` in the next batch and returns its result once the batch has committed.
    /// Return `Err` from the job to undo everything it wrote (nothing else is affected).
    ///
    /// The job must not commit or roll back the connection's transaction; nested
    /// `Connection::begin` (a savepoint) is fine.
    pub async fn run<T, F>(&self, job: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: Job<T>,
    {
        self.submit(job).await?.answer().await
    }

    /// Queues `job`; returns once it is in the queue.
    pub(crate) async fn submit<T, F>(&self, job: F) -> Result<Pending<T>, AppError>
    where
        T: Send + 'static,
        F: Job<T>,
    {
        let (reply, answer) = oneshot::channel();
        let erased: ErasedJob = Box::new(move |conn| {
            Box::pin(async move {
                let result = job(conn).await;
                Ran {
                    keep: result.is_ok(),
                    answer: Box::new(move |committed| {
                        let result = match result {
                            Ok(_) if !committed => Err(not_committed()),
                            other => other,
                        };
                        // The handler may have gone (client hung up); the write stands.
                        let _ = reply.send(result);
                    }),
                }
            })
        });
        self.queue
            .send(erased)
            .await
            .map_err(|_| AppError::internal(anyhow::anyhow!("the database writer has stopped")))?;
        Ok(Pending(answer))
    }
}

impl<T> Pending<T> {
    /// Waits for the batch holding the job to commit (or fail).
    pub(crate) async fn answer(self) -> Result<T, AppError> {
        // A dropped reply means the job panicked or its batch never started; the writer
        // has logged why.
        self.0.await.unwrap_or_else(|_| Err(not_committed()))
    }
}

fn not_committed() -> AppError {
    AppError::internal(anyhow::anyhow!("the write batch did not commit"))
}

/// The writer: one batch at a time until every `GroupCommit` is dropped. Opens its
/// connection on first use, and again after any batch that failed as a whole.
async fn write_batches(options: Arc<SqliteConnectOptions>, mut jobs: mpsc::Receiver<ErasedJob>) {
    let mut connection: Option<SqliteConnection> = None;
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let conn = match connection.as_mut() {
            Some(conn) => conn,
            None => match options.connect().await {
                Ok(conn) => connection.insert(conn),
                Err(error) => {
                    // Dropping the jobs answers each with a 500.
                    tracing::error!(%error, jobs = batch.len(), "could not open the writer's connection");
                    batch.clear();
                    continue;
                }
            },
        };
        if let Err(error) = run_batch(conn, batch.drain(..)).await {
            tracing::error!(%error, "a write batch failed; reopening the connection");
            // Closing rolls back whatever the failed batch left open.
            connection = None;
        }
    }
}

/// One transaction: every job in its savepoint, then `COMMIT`, then the answers.
async fn run_batch(
    conn: &mut SqliteConnection,
    jobs: impl Iterator<Item = ErasedJob>,
) -> sqlx::Result<()> {
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    let mut answers = Vec::with_capacity(MAX_BATCH);
    for job in jobs {
        sqlx::query(SAVEPOINT).execute(&mut *tx).await?;
        let mut conn = Conn::Sqlite(&mut tx);
        let ran = CatchUnwind(job(&mut conn)).await;
        let keep = matches!(&ran, Some(ran) if ran.keep);
        if !keep {
            sqlx::query(ROLLBACK_TO).execute(&mut *tx).await?;
        }
        sqlx::query(RELEASE).execute(&mut *tx).await?;
        // A panicked job has no answer; its handler hears "not committed".
        answers.extend(ran.map(|ran| ran.answer));
    }
    let committed = tx.commit().await;
    let ok = committed.is_ok();
    tracing::debug!(jobs = answers.len(), ok, "write batch finished");
    for answer in answers {
        answer(ok);
    }
    committed
}

/// Turns a panic while polling the inner future into `None`, so one broken job cannot
/// stop the writer that every other write depends on.
struct CatchUnwind<F>(F);

impl<F: Future + Unpin> Future for CatchUnwind<F> {
    type Output = Option<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = &mut self.0;
        match std::panic::catch_unwind(AssertUnwindSafe(|| Pin::new(inner).poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(output)) => Poll::Ready(Some(output)),
            Err(_) => {
                tracing::error!("a write job panicked; its savepoint is rolled back");
                Poll::Ready(None)
            }
        }
    }
}

#[cfg(test)]
mod tests;
