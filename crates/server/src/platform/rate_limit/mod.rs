//! Rate limits every server shares: fixed-window counters in the database (`rate_limits`),
//! one row per (scope, key, window), so several API servers on one PostgreSQL database
//! count together. Keys are stored as SHA-256 hashes: the table never holds an address or
//! a reference as typed. `ClientIp` says who is asking.
//!
//! Why not a crate: `governor` and `tower_governor` keep their counters in process memory,
//! which each server would keep apart (an attacker spreading requests over N servers gets
//! N times the limit); the counters here must live in the database.

mod store;

use std::convert::Infallible;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::platform::db::Conn;
use crate::platform::i18n::Message;
use crate::platform::secrets;

pub use store::prune_expired;

/// A limit: at most `max` hits per key in each window of `window_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    /// What is counted (`"sign_in_start_ip"`); part of the row's key.
    pub scope: &'static str,
    pub max: i64,
    pub window_secs: i64,
}

/// A limit was reached: the caller may try again after this many seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exceeded {
    pub retry_after_secs: i64,
}

impl Limit {
    /// The start of the window holding `now`.
    pub fn window_start(&self, now: i64) -> i64 {
        now - now.rem_euclid(self.window_secs)
    }

    /// Seconds from `now` until the window holding it ends (at least 1).
    pub fn retry_after(&self, now: i64) -> i64 {
        (self.window_start(now) + self.window_secs - now).max(1)
    }

    /// `Err` when `hits` in the current window are over the limit.
    pub fn judge(&self, hits: i64, now: i64) -> Result<i64, Exceeded> {
        if hits > self.max {
            Err(Exceeded {
                retry_after_secs: self.retry_after(now),
            })
        } else {
            Ok(hits)
        }
    }
}

/// Counts one hit of `key` against `limit` and says whether it is within it. Hits over
/// the limit are counted too (they are attempts all the same). One upsert, atomic on
/// both engines, so racing requests on several servers cannot share a hit.
pub async fn hit(
    conn: &mut Conn<'_>,
    limit: &Limit,
    key: &str,
    now: i64,
) -> sqlx::Result<Result<i64, Exceeded>> {
    let start = limit.window_start(now);
    let hits = store::add_hit(
        conn,
        limit.scope,
        &secrets::token_hash(key),
        start,
        start + limit.window_secs,
    )
    .await?;
    Ok(limit.judge(hits, now))
}

/// Hits of `key` so far in the current window, without counting one.
pub async fn hits(conn: &mut Conn<'_>, limit: &Limit, key: &str, now: i64) -> sqlx::Result<i64> {
    store::hits(
        conn,
        limit.scope,
        &secrets::token_hash(key),
        limit.window_start(now),
    )
    .await
}

/// Counts one hit of `key` in an explicit window (e.g. one code's life, from its
/// creation to its expiry) rather than a clock-aligned one.
pub async fn hit_in(
    conn: &mut Conn<'_>,
    scope: &str,
    key: &str,
    window: (i64, i64),
) -> sqlx::Result<i64> {
    store::add_hit(conn, scope, &secrets::token_hash(key), window.0, window.1).await
}

/// Hits of `key` so far in the explicit window starting at `window_start`.
pub async fn hits_in(
    conn: &mut Conn<'_>,
    scope: &str,
    key: &str,
    window_start: i64,
) -> sqlx::Result<i64> {
    store::hits(conn, scope, &secrets::token_hash(key), window_start).await
}

/// Counts one hit against each of `limits` (each with its key), all of them whatever
/// the others say, and returns the longest wait among those exceeded.
pub async fn hit_all(
    conn: &mut Conn<'_>,
    limits: &[(Limit, &str)],
    now: i64,
) -> sqlx::Result<Result<(), Exceeded>> {
    let mut longest: Option<Exceeded> = None;
    for (limit, key) in limits {
        if let Err(exceeded) = hit(conn, limit, key, now).await? {
            longest = Some(longest.map_or(exceeded, |l| {
                if l.retry_after_secs >= exceeded.retry_after_secs {
                    l
                } else {
                    exceeded
                }
            }));
        }
    }
    Ok(longest.map_or(Ok(()), Err))
}

/// "Try again in …" as a `Message` from one family of keys made by `make`: `{base}`
/// (with `minutes`), `{base}_one_minute`, `{base}_hours` (with `hours`) and, for waits
/// longer than a day and a half, `{base}_call` (who to ask instead of waiting).
pub fn try_again_message(make: fn(&str) -> Message, base: &str, retry_after_secs: i64) -> Message {
    let minutes = (retry_after_secs + 59) / 60;
    if minutes <= 1 {
        make(&format!("{base}_one_minute"))
    } else if minutes <= 90 {
        make(base).with("minutes", minutes.to_string())
    } else if minutes <= 36 * 60 {
        make(&format!("{base}_hours")).with("hours", ((minutes + 59) / 60).to_string())
    } else {
        make(&format!("{base}_call"))
    }
}

/// Whether one more hit of `key` would still be within `limit` (`hits` < `max`): for caps
/// checked before an attempt and counted only when it fails.
pub async fn has_room(
    conn: &mut Conn<'_>,
    limit: &Limit,
    key: &str,
    now: i64,
) -> sqlx::Result<Result<(), Exceeded>> {
    let so_far = hits(conn, limit, key, now).await?;
    Ok(limit.judge(so_far + 1, now).map(|_| ()))
}

/// The address a request came from, as text, for per-address limits; `"unknown"` when
/// the server was not told (in-process tests, which all then share one bucket). Behind a
/// reverse proxy every request comes from the proxy: see the README.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |info| info.0.ip().to_string());
        Ok(Self(ip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEN_MINUTES: Limit = Limit {
        scope: "test",
        max: 3,
        window_secs: 600,
    };

    #[test]
    fn windows_are_fixed_and_retry_after_counts_to_their_end() {
        assert_eq!(TEN_MINUTES.window_start(1_200), 1_200);
        assert_eq!(TEN_MINUTES.window_start(1_799), 1_200);
        assert_eq!(TEN_MINUTES.retry_after(1_200), 600);
        assert_eq!(TEN_MINUTES.retry_after(1_799), 1);
    }

    #[test]
    fn the_wait_is_said_in_minutes_hours_or_who_to_call() {
        let words = |secs| try_again_message(Message::error, "too_many_tries", secs);
        let say = |secs| words(secs).render(shared::Lang::En);
        assert_eq!(
            say(30),
            "Too many tries. Try again in 1 minute, or call 101."
        );
        assert_eq!(
            say(61),
            "Too many tries. Try again in 2 minutes, or call 101."
        );
        assert_eq!(
            say(600),
            "Too many tries. Try again in 10 minutes, or call 101."
        );
        assert_eq!(
            say(5 * 3600),
            "Too many tries. Try again in 5 hours, or call 101."
        );
        assert!(say(40 * 86_400).starts_with("Too many wrong codes. Call 101"));
        assert_eq!(
            words(600).render(shared::Lang::Cy),
            "Gormod o ymdrechion. Rhowch gynnig arall arni mewn 10 munud, neu ffoniwch 101."
        );
    }

    #[test]
    fn the_hit_after_the_max_is_refused() {
        assert_eq!(TEN_MINUTES.judge(3, 1_500), Ok(3));
        assert_eq!(
            TEN_MINUTES.judge(4, 1_500),
            Err(Exceeded {
                retry_after_secs: 300
            })
        );
    }
}
