//! Wrong codes per reference (or per supporter's contact): the daily and yearly caps
//! (`rules`), checked before a code is, counted after it fails, and the officer's alert
//! when a cap is reached. Counted for any well-formed key, known or not, so the caps say
//! nothing about which exist.

use super::rules::{FAILS_PER_DAY, FAILS_PER_YEAR};
use super::store;
use crate::platform::db::Conn;
use crate::platform::rate_limit::{self, Exceeded};

/// `Err` with the longer wait when either cap has been reached for `key`.
pub async fn allow(conn: &mut Conn<'_>, key: &str, now: i64) -> sqlx::Result<Result<(), Exceeded>> {
    let year = rate_limit::has_room(conn, &FAILS_PER_YEAR, key, now).await?;
    let day = rate_limit::has_room(conn, &FAILS_PER_DAY, key, now).await?;
    Ok(year.and(day))
}

/// Counts a wrong code against both caps. When this one reaches a cap and the key
/// is a case's reference, the case's officer is alerted: sign-in by code is blocked until the cap's
/// window ends, and the victim must not simply find themselves locked out.
pub async fn count(
    conn: &mut Conn<'_>,
    key: &str,
    case_id: Option<&str>,
    now: i64,
) -> sqlx::Result<()> {
    for (limit, kind) in [(FAILS_PER_DAY, "day"), (FAILS_PER_YEAR, "year")] {
        let hits = rate_limit::hit(conn, &limit, key, now).await?;
        if let (Ok(hits), Some(case_id)) = (hits, case_id) {
            if hits == limit.max {
                let until = limit.window_start(now) + limit.window_secs;
                store::raise_alert(conn, case_id, kind, now, until).await?;
                tracing::warn!(
                    case_id,
                    cap = kind,
                    "sign-in by code blocked: officer alerted"
                );
            }
        }
    }
    Ok(())
}
