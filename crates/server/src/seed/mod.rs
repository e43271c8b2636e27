//! `server seed`: fills a LOCAL database with synthetic cases, for benchmarking only.
//! Made-up victims (drama phone numbers, example.org emails), cases numbered after the
//! highest existing reference, 2–6 timeline updates each with Victims' Code timing,
//! version-1 contact preferences and a few callback requests; optionally real signed-in
//! sessions for a load generator. Deterministic: the same database and day give the same
//! rows. Never logs personal data: the summary holds counts and references only. Refuses
//! any database it did not create (`origin`), so it never adds made-up victims to real data.

mod bench_sessions;
mod content;
mod generate;
mod queued_codes;
pub mod references;
mod rng;
mod rows;
mod staff_sessions;
mod write;

use std::time::Instant;

use crate::origin;
use crate::platform::clock::Clock;
use crate::platform::config::{CodesBy, SeedArgs};
use crate::platform::data_key::DataKeys;
use crate::platform::db::{self, query, query_per_engine, Conn, Db, Engine, PerEngine, Pooled};
use anyhow::Context;
use generate::Run;
use rng::SeededRng;
use rows::Batch;
use shared::api::preferences::ContactMethod;

/// Every run starts from this seed, mixed with its first case number so a second run
/// makes different ids.
const SEED: u64 = 0x5AFE_0AD7_2026_0001;
/// Roughly an officer's caseload.
const CASES_PER_OFFICER: u64 = 250;
/// Cases generated and written per transaction: big enough to make commits rare, small
/// enough to keep the rows in memory and the WAL file modest.
const CASES_PER_TRANSACTION: u64 = 20_000;
/// 256 MiB of page cache for the seeding connection (negative = KiB), so the random-id
/// indexes stay in memory.
const SEED_CACHE_KIB: i64 = 256 * 1024;

/// What a run added.
#[derive(Debug, Clone, PartialEq)]
pub struct Seeded {
    pub cases: u64,
    pub first_reference: Option<String>,
    pub last_reference: Option<String>,
    pub officers: usize,
    pub updates: u64,
    pub callbacks: u64,
    pub sessions: usize,
    /// Sign-in code messages queued (`--queue-codes`).
    pub queued_codes: u64,
    pub seconds: f64,
}

impl std::fmt::Display for Seeded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let range = match (&self.first_reference, &self.last_reference) {
            (Some(first), Some(last)) => format!(" ({first} to {last})"),
            _ => String::new(),
        };
        write!(
            f,
            "seeded {} cases{range}, {} victims, {} officers, {} updates, {} callback requests, \
             {} sessions, {} queued codes in {:.1} s",
            self.cases,
            self.cases,
            self.officers,
            self.updates,
            self.callbacks,
            self.sessions,
            self.queued_codes,
            self.seconds
        )
    }
}

/// Opens (creating and migrating if needed) `args.database_url` and seeds it.
pub async fn run(args: &SeedArgs) -> anyhow::Result<Seeded> {
    let started = Instant::now();
    let keys = DataKeys::load(&args.data_key_file)?;
    let db = db::connect(&args.database_url).await?;
    let clock = Clock::system();
    // Never into real data: only a database the seeder created itself (origin/).
    let result = match origin::claim(&db, origin::Opener::Seed, clock.unix()).await {
        Ok(_) => seed(&db, &keys, args, &clock).await,
        Err(error) => Err(error),
    };
    db.close().await;
    let mut seeded = result?;
    seeded.seconds = started.elapsed().as_secs_f64();
    Ok(seeded)
}

/// Adds `args.cases` cases after the highest existing reference, then the sessions asked
/// for.
pub async fn seed(
    db: &Db,
    keys: &DataKeys,
    args: &SeedArgs,
    clock: &Clock,
) -> anyhow::Result<Seeded> {
    let started = Instant::now();
    let now = clock.unix();
    let wanted_sessions = usize::try_from(args.sessions)?;
    let out = match (wanted_sessions, &args.sessions_out) {
        (0, _) => None,
        (_, Some(out)) => Some(out),
        (_, None) => anyhow::bail!("--sessions needs --sessions-out FILE"),
    };

    let mut conn = db.acquire().await?;
    let first_number = highest_number(&mut conn.conn()).await? + 1;
    let last_number = first_number + args.cases.saturating_sub(1);
    if args.cases > 0 && last_number > references::LAST_NUMBER {
        anyhow::bail!(
            "only {} more cases fit the seeded reference pattern",
            references::LAST_NUMBER.saturating_sub(first_number - 1)
        );
    }
    // Ids count up a millisecond at a time from a day ago (a million cases take about
    // 7.5 million ids, two hours' worth).
    let first_id_millis = u64::try_from(now - 86_400)? * 1000;
    let mut rng = SeededRng::new(SEED ^ first_number, first_id_millis);
    let officer_count = usize::try_from(args.cases.div_ceil(CASES_PER_OFFICER).max(1))?;
    let mut run = Run::new(&mut rng, now, officer_count);
    let mut sample = bench_sessions::Sample::new(wanted_sessions, SEED ^ !first_number);

    let durable = Durability::turn_off(&mut conn.conn()).await?;
    let written = write_cases(
        &mut conn,
        keys,
        &mut rng,
        &mut run,
        first_number,
        args.cases,
        &mut sample,
    )
    .await;
    let restored = durable.restore(&mut conn.conn()).await;
    let (updates, callbacks) = written?;
    restored?;
    drop(conn);

    if let Some(out) = out {
        if sample.picked.len() < wanted_sessions {
            anyhow::bail!(
                "asked for {wanted_sessions} sessions but only {} new cases have a phone on file",
                sample.picked.len()
            );
        }
        bench_sessions::write(db, &sample.picked, now, out).await?;
    }
    if let Some(out) = &args.staff_sessions_out {
        staff_sessions::write(db, keys, &run.officers, now, out).await?;
    }
    let only = args.queue_codes_by.map(|by| match by {
        CodesBy::Text => ContactMethod::TextMessage,
        CodesBy::Email => ContactMethod::Email,
    });
    let queued_codes = queued_codes::queue(
        db,
        keys,
        (first_number, last_number),
        args.queue_codes,
        only,
        now,
    )
    .await?;
    Ok(Seeded {
        cases: args.cases,
        first_reference: (args.cases > 0)
            .then(|| references::reference(first_number))
            .flatten(),
        last_reference: (args.cases > 0)
            .then(|| references::reference(last_number))
            .flatten(),
        officers: if args.cases > 0 { officer_count } else { 0 },
        updates,
        callbacks,
        sessions: wanted_sessions,
        queued_codes,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// The seeded references. On SQLite, GLOB on the prefix is a range of the unique
/// `crime_reference` index; PostgreSQL's LIKE is one only in the C locale, otherwise a
/// scan, which is acceptable once per seed run.
const SEEDED_REFERENCES_SQL: PerEngine = PerEngine {
    sqlite: "SELECT crime_reference FROM cases WHERE crime_reference GLOB 'CR/*'",
    postgres: "SELECT crime_reference FROM cases WHERE crime_reference LIKE 'CR/%'",
};

/// The number of the highest existing reference in the seeded pattern; 0 if none.
async fn highest_number(conn: &mut Conn<'_>) -> sqlx::Result<u64> {
    let references: Vec<(String,)> = query_per_engine(SEEDED_REFERENCES_SQL)
        .fetch_all(conn)
        .await?;
    Ok(references
        .iter()
        .filter_map(|(reference,)| references::number(reference))
        .max()
        .unwrap_or(0))
}

/// Benchmark data only: the seeding connection skips waiting for the disk, and puts back
/// what it found afterwards (`restore`), whatever happened in between.
enum Durability {
    /// SQLite's `synchronous` and `cache_size` as they were.
    Sqlite { synchronous: i64, cache_size: i64 },
    /// PostgreSQL: `synchronous_commit` is reset to the server's setting.
    Postgres,
}

impl Durability {
    async fn turn_off(conn: &mut Conn<'_>) -> sqlx::Result<Self> {
        if conn.engine() == Engine::Postgres {
            query("SET synchronous_commit = off").execute(conn).await?;
            return Ok(Self::Postgres);
        }
        let (synchronous,): (i64,) = query("PRAGMA synchronous").fetch_one(conn).await?;
        let (cache_size,): (i64,) = query("PRAGMA cache_size").fetch_one(conn).await?;
        set_pragmas(conn, 0, -SEED_CACHE_KIB).await?;
        Ok(Self::Sqlite {
            synchronous,
            cache_size,
        })
    }

    async fn restore(self, conn: &mut Conn<'_>) -> sqlx::Result<()> {
        match self {
            Self::Postgres => {
                query("RESET synchronous_commit").execute(conn).await?;
            }
            Self::Sqlite {
                synchronous,
                cache_size,
            } => {
                set_pragmas(conn, synchronous, cache_size).await?;
                // Fold the WAL back into the database so the file left behind is the
                // whole data set.
                query("PRAGMA wal_checkpoint(TRUNCATE)")
                    .execute(conn)
                    .await?;
            }
        }
        Ok(())
    }
}

async fn set_pragmas(conn: &mut Conn<'_>, synchronous: i64, cache_size: i64) -> sqlx::Result<()> {
    // PRAGMA takes no bound parameters; both values are integers.
    query(&format!("PRAGMA synchronous = {synchronous}"))
        .execute(conn)
        .await?;
    query(&format!("PRAGMA cache_size = {cache_size}"))
        .execute(conn)
        .await?;
    Ok(())
}

/// Writes the run's officers and `count` cases from `first_number` on, a transaction per
/// `CASES_PER_TRANSACTION`. Returns how many updates and callback requests it wrote.
async fn write_cases(
    conn: &mut Pooled,
    keys: &DataKeys,
    rng: &mut SeededRng,
    run: &mut Run,
    first_number: u64,
    count: u64,
    sample: &mut bench_sessions::Sample,
) -> anyhow::Result<(u64, u64)> {
    if count == 0 {
        return Ok((0, 0));
    }
    let (mut updates, mut callbacks) = (0, 0);
    let end = first_number + count;
    let mut next = first_number;
    while next < end {
        let until = end.min(next + CASES_PER_TRANSACTION);
        let mut batch = Batch::default();
        for number in next..until {
            if let Some(ready) = batch.add_case(rng, run, number)? {
                sample.offer(ready);
            }
        }
        let mut tx = conn.begin_write().await?;
        if next == first_number {
            write::officers(&mut tx.conn(), &run.officers, run.now).await?;
        }
        write::batch(&mut tx.conn(), keys, &batch)
            .await
            .with_context(|| format!("could not write cases {next} to {}", until - 1))?;
        tx.commit().await?;
        updates += batch.updates.len() as u64;
        callbacks += batch.callbacks.len() as u64;
        next = until;
    }
    Ok((updates, callbacks))
}
