//! Signed-in sessions for a load generator: made exactly as sign-in makes them
//! (`sessions::create`) and written, with the `Cookie:` header value that
//! carries each, to a file only the current user can read.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::rng::SeededRng;
use super::rows::CallbackReady;
use crate::access::{Actor, ActorKind};
use crate::platform::db::Db;
use crate::sessions::{cookies, store as sessions};

/// Keeps a uniform sample of `wanted` cases out of all those offered (reservoir sampling),
/// so sessions spread over the whole seeded range without holding every case in memory.
pub struct Sample {
    wanted: usize,
    seen: u64,
    rng: SeededRng,
    pub picked: Vec<CallbackReady>,
}

impl Sample {
    pub fn new(wanted: usize, seed: u64) -> Self {
        Self {
            wanted,
            seen: 0,
            rng: SeededRng::new(seed, 0),
            picked: Vec::with_capacity(wanted),
        }
    }

    pub fn offer(&mut self, case: CallbackReady) {
        self.seen += 1;
        if self.picked.len() < self.wanted {
            self.picked.push(case);
        } else if let Ok(slot) = usize::try_from(self.rng.below(self.seen)) {
            if let Some(kept) = self.picked.get_mut(slot) {
                *kept = case;
            }
        }
    }
}

/// Signs in one victim per case in `cases` and writes `crime_reference<TAB>cookie` lines
/// to `out` (mode 0600). The file is opened first so a bad path creates no sessions.
pub async fn write(db: &Db, cases: &[CallbackReady], now: i64, out: &Path) -> anyhow::Result<()> {
    let mut file = create_private(out)
        .with_context(|| format!("could not create the sessions file {}", out.display()))?;
    let mut lines = String::with_capacity(cases.len() * 80);
    let mut tx = db.begin_write().await?;
    for case in cases {
        let token = sessions::create(
            &mut tx.conn(),
            &victim(&case.victim_id),
            Some(&case.case_id),
            now,
        )
        .await?;
        lines.push_str(&case.crime_reference);
        lines.push('\t');
        lines.push_str(&cookies::request_cookie(&token));
        lines.push('\n');
    }
    tx.commit().await?;
    file.write_all(lines.as_bytes())
        .and_then(|()| file.sync_all())
        .with_context(|| format!("could not write the sessions file {}", out.display()))
}

/// Creates or empties `path`, readable and writable by its owner only: it holds live
/// session tokens.
pub(super) fn create_private(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(0o600);
        let file = options.open(path)?;
        // `mode` applies only when the file is new; tighten an existing one too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
        Ok(file)
    }
    #[cfg(not(unix))]
    options.open(path)
}

fn victim(id: &str) -> Actor {
    Actor {
        kind: ActorKind::Victim,
        id: id.to_owned(),
        signed_in_case: None,
    }
}
