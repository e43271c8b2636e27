//! The batcher's promises, on a real SQLite file: jobs held back behind a "gate" job are
//! queued together, so they run in one batch without any timing.

use sqlx::SqlitePool;
use tokio::sync::oneshot;

use super::{GroupCommit, Pending};
use crate::platform::db::{query, Conn, Db};
use crate::platform::error::AppError;
use crate::platform::write_batcher::JobFuture;

struct Fixture {
    db: SqlitePool,
    writes: GroupCommit,
    _dir: tempfile::TempDir,
}

async fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let Db::Sqlite(db) =
        crate::platform::db::connect(&format!("sqlite://{}/test.db", dir.path().display()))
            .await
            .unwrap()
    else {
        unreachable!("a sqlite:// URL opens SQLite")
    };
    // Children may point at a missing parent until COMMIT: a way to make COMMIT fail.
    for sql in [
        "CREATE TABLE notes (text TEXT NOT NULL)",
        "CREATE TABLE parents (id INTEGER PRIMARY KEY)",
        "CREATE TABLE children (parent_id INTEGER REFERENCES parents (id)
             DEFERRABLE INITIALLY DEFERRED)",
    ] {
        sqlx::query(sql).execute(&db).await.unwrap();
    }
    Fixture {
        writes: GroupCommit::start(&db).unwrap(),
        db,
        _dir: dir,
    }
}

impl Fixture {
    /// Occupies the writer with a job that waits until the returned sender is used (or
    /// dropped), so that the jobs submitted meanwhile all go into the next batch.
    async fn hold_writer(&self) -> (Pending<()>, oneshot::Sender<()>) {
        let (started, has_started) = oneshot::channel();
        let (open, gate) = oneshot::channel::<()>();
        let held = self
            .writes
            .submit(move |_conn| {
                Box::pin(async move {
                    let _ = started.send(());
                    let _ = gate.await;
                    Ok(())
                })
            })
            .await
            .unwrap();
        has_started.await.unwrap();
        (held, open)
    }

    /// The notes another connection can see, sorted.
    async fn committed_notes(&self) -> Vec<String> {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT text FROM notes ORDER BY text")
            .fetch_all(&self.db)
            .await
            .unwrap();
        rows.into_iter().map(|(text,)| text).collect()
    }
}

async fn add_note(conn: &mut Conn<'_>, text: &str) -> Result<(), AppError> {
    query("INSERT INTO notes (text) VALUES ($1)")
        .bind(text)
        .execute(conn)
        .await?;
    Ok(())
}

fn note(text: &'static str) -> impl for<'c> FnOnce(&'c mut Conn<'c>) -> JobFuture<'c, ()> + Send {
    move |conn| Box::pin(add_note(conn, text))
}

/// A note, then a 409: its note must not survive.
fn note_then_conflict(
    text: &'static str,
) -> impl for<'c> FnOnce(&'c mut Conn<'c>) -> JobFuture<'c, ()> + Send {
    move |conn| {
        Box::pin(async move {
            add_note(conn, text).await?;
            Err(AppError::Conflict {
                field: "test",
                message: "test_conflict",
            })
        })
    }
}

fn is_conflict(result: &Result<impl Sized, AppError>) -> bool {
    matches!(result, Err(AppError::Conflict { .. }))
}

fn is_internal(result: &Result<impl Sized, AppError>) -> bool {
    matches!(result, Err(AppError::Internal(_)))
}

#[tokio::test]
async fn a_failing_job_does_not_undo_the_others_in_its_batch() {
    let app = fixture().await;
    let (held, open) = app.hold_writer().await;
    let first = app.writes.submit(note("first")).await.unwrap();
    let failing = app
        .writes
        .submit(note_then_conflict("failing"))
        .await
        .unwrap();
    let db = app.db.clone();
    // Runs after `first` in the same transaction: another connection cannot see it yet.
    let last = app
        .writes
        .submit(move |conn| {
            Box::pin(async move {
                add_note(conn, "last").await?;
                Ok(sqlx::query_as::<_, (String,)>("SELECT text FROM notes")
                    .fetch_all(&db)
                    .await?)
            })
        })
        .await
        .unwrap();
    drop(open);
    held.answer().await.unwrap();

    first.answer().await.unwrap();
    assert!(is_conflict(&failing.answer().await));
    let seen_from_outside = last.answer().await.unwrap();
    assert!(
        seen_from_outside.is_empty(),
        "first and last share one commit"
    );
    assert_eq!(app.committed_notes().await, ["first", "last"]);
}

#[tokio::test]
async fn the_answer_comes_after_the_commit() {
    let app = fixture().await;
    let db = app.db.clone();
    let seen_before_answer = app
        .writes
        .run(move |conn| {
            Box::pin(async move {
                add_note(conn, "durable").await?;
                let rows: Vec<(String,)> = sqlx::query_as("SELECT text FROM notes")
                    .fetch_all(&db)
                    .await?;
                Ok(rows.len())
            })
        })
        .await
        .unwrap();
    assert_eq!(seen_before_answer, 0, "not committed while the job ran");
    assert_eq!(app.committed_notes().await, ["durable"]);
}

#[tokio::test]
async fn a_panicking_job_fails_alone_and_the_writer_carries_on() {
    let app = fixture().await;
    let (held, open) = app.hold_writer().await;
    let before = app.writes.submit(note("before")).await.unwrap();
    let panicking = app
        .writes
        .submit(|conn| -> JobFuture<'_, ()> {
            Box::pin(async move {
                add_note(conn, "panicked").await?;
                panic!("a bug in a job");
            })
        })
        .await
        .unwrap();
    let after = app.writes.submit(note("after")).await.unwrap();
    drop(open);
    held.answer().await.unwrap();

    before.answer().await.unwrap();
    assert!(is_internal(&panicking.answer().await));
    after.answer().await.unwrap();
    app.writes.run(note("later")).await.unwrap();
    assert_eq!(app.committed_notes().await, ["after", "before", "later"]);
}

#[tokio::test]
async fn when_the_commit_fails_no_job_in_the_batch_is_told_done() {
    let app = fixture().await;
    let (held, open) = app.hold_writer().await;
    let fine = app.writes.submit(note("lost")).await.unwrap();
    // Passes its own statement; breaks the deferred foreign key at COMMIT.
    let orphan = app
        .writes
        .submit(|conn| {
            Box::pin(async move {
                query("INSERT INTO children (parent_id) VALUES (42)")
                    .execute(conn)
                    .await?;
                Ok(())
            })
        })
        .await
        .unwrap();
    let refused = app
        .writes
        .submit(note_then_conflict("refused"))
        .await
        .unwrap();
    drop(open);
    held.answer().await.unwrap();

    assert!(is_internal(&fine.answer().await));
    assert!(is_internal(&orphan.answer().await));
    assert!(is_conflict(&refused.answer().await), "its own error still");
    assert!(app.committed_notes().await.is_empty());
    // The next batch starts clean.
    app.writes.run(note("next")).await.unwrap();
    assert_eq!(app.committed_notes().await, ["next"]);
}
