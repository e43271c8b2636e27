//! Who created the database, and the rule that keeps demo mode and the seeder off real
//! data. Demo mode publishes every sign-in code (and the demo staff's codes) at
//! `/api/dev/outbox`, and the seeder adds made-up victims: each runs only on a database it
//! created itself. The first program to open an empty database records itself as its
//! creator (`database_origin`); a database that already held data when first read is
//! recorded as `unknown`, which counts as real data.

mod store;

use anyhow::Context;

use crate::platform::db::{self, Db};

/// Who created a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The server with `--demo`: only the demo data.
    Demo,
    /// `server seed`: only synthetic benchmark data.
    Seed,
    /// The server without `--demo`, or `create-supervisor`: real data.
    Server,
    /// It held data before anyone recorded an origin (a database from before this record
    /// existed, or one filled some other way): treated as real data.
    Unknown,
}

/// The program opening a database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    Server,
    Demo,
    Seed,
    CreateSupervisor,
}

impl Origin {
    fn stored(self) -> &'static str {
        match self {
            Origin::Demo => "demo",
            Origin::Seed => "seed",
            Origin::Server => "server",
            Origin::Unknown => "unknown",
        }
    }

    fn from_stored(text: &str) -> anyhow::Result<Self> {
        Ok(match text {
            "demo" => Origin::Demo,
            "seed" => Origin::Seed,
            "server" => Origin::Server,
            "unknown" => Origin::Unknown,
            other => {
                anyhow::bail!("database_origin says {other:?}, which this server does not know")
            }
        })
    }

    fn described(self) -> &'static str {
        match self {
            Origin::Demo => "by demo mode",
            Origin::Seed => "by `server seed`",
            Origin::Server => "by the server without --demo (real data)",
            Origin::Unknown => "before its origin was recorded, and it holds data",
        }
    }
}

impl Opener {
    /// What this program records on an empty database.
    fn creates(self) -> Origin {
        match self {
            Opener::Demo => Origin::Demo,
            Opener::Seed => Origin::Seed,
            Opener::Server | Opener::CreateSupervisor => Origin::Server,
        }
    }
}

/// The origin to record for a database without one: the opener's if it is empty.
pub fn origin_for_unrecorded(opener: Opener, holds_data: bool) -> Origin {
    if holds_data {
        Origin::Unknown
    } else {
        opener.creates()
    }
}

/// Whether `opener` may run on a database created as `origin`; the refusal says what to
/// do instead. The server and create-supervisor run on anything; demo mode and the seeder
/// only on their own databases.
pub fn permit(opener: Opener, origin: Origin) -> anyhow::Result<()> {
    match (opener, origin) {
        (Opener::Server | Opener::CreateSupervisor, _)
        | (Opener::Demo, Origin::Demo)
        | (Opener::Seed, Origin::Seed) => Ok(()),
        (Opener::Demo, _) => anyhow::bail!(
            "refusing to start in demo mode: demo mode shows every sign-in code at \
             /api/dev/outbox, so it runs only on a database that demo mode created, and this \
             one was created {}. Give demo mode a new database of its own, e.g. \
             --database-url sqlite://data/demo.db (a file that does not exist yet), or start \
             without --demo",
            origin.described()
        ),
        (Opener::Seed, _) => anyhow::bail!(
            "refusing to seed: `server seed` adds made-up victims, so it runs only on a \
             database it created, and this one was created {}. Give it a new database of its \
             own, e.g. --database-url sqlite:///tmp/bench.db (a file that does not exist yet)",
            origin.described()
        ),
    }
}

/// Reads (recording it first if nobody has) who created `db`, and refuses with a message
/// that says what to do when `opener` may not run on it. Servers starting together on one
/// database take turns, so exactly one records the origin.
pub async fn claim(db: &Db, opener: Opener, now: i64) -> anyhow::Result<Origin> {
    let mut tx = db.begin_write().await?;
    db::serialise(&mut tx.conn(), "database origin").await?;
    let origin = match store::recorded(&mut tx.conn()).await? {
        Some(origin) => origin,
        None => {
            let holds_data = store::holds_data(&mut tx.conn()).await?;
            let origin = origin_for_unrecorded(opener, holds_data);
            store::record(&mut tx.conn(), origin, now).await?;
            tracing::info!(created_by = origin.stored(), "database origin recorded");
            origin
        }
    };
    tx.commit()
        .await
        .context("could not record who created the database")?;
    permit(opener, origin)?;
    Ok(origin)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENERS: [Opener; 4] = [
        Opener::Server,
        Opener::Demo,
        Opener::Seed,
        Opener::CreateSupervisor,
    ];
    const ORIGINS: [Origin; 4] = [Origin::Demo, Origin::Seed, Origin::Server, Origin::Unknown];

    #[test]
    fn an_empty_database_belongs_to_whoever_opens_it_first_and_a_full_one_to_nobody() {
        assert_eq!(origin_for_unrecorded(Opener::Demo, false), Origin::Demo);
        assert_eq!(origin_for_unrecorded(Opener::Seed, false), Origin::Seed);
        assert_eq!(origin_for_unrecorded(Opener::Server, false), Origin::Server);
        assert_eq!(
            origin_for_unrecorded(Opener::CreateSupervisor, false),
            Origin::Server
        );
        for opener in OPENERS {
            assert_eq!(origin_for_unrecorded(opener, true), Origin::Unknown);
        }
    }

    #[test]
    fn demo_mode_and_the_seeder_run_only_on_their_own_databases() {
        for origin in ORIGINS {
            assert!(permit(Opener::Server, origin).is_ok());
            assert!(permit(Opener::CreateSupervisor, origin).is_ok());
            assert_eq!(
                permit(Opener::Demo, origin).is_ok(),
                origin == Origin::Demo,
                "{origin:?}"
            );
            assert_eq!(
                permit(Opener::Seed, origin).is_ok(),
                origin == Origin::Seed,
                "{origin:?}"
            );
        }
        let refusal = format!("{:#}", permit(Opener::Demo, Origin::Unknown).unwrap_err());
        assert!(
            refusal.contains("--database-url sqlite://data/demo.db"),
            "{refusal}"
        );
    }

    #[test]
    fn origins_round_trip_through_their_stored_names() {
        for origin in ORIGINS {
            assert_eq!(Origin::from_stored(origin.stored()).unwrap(), origin);
        }
        assert!(Origin::from_stored("production").is_err());
    }
}
