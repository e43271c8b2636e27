//! `Clock`: the one source of "now" for code and session expiry, so tests can move time on.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use time::{Date, OffsetDateTime};

/// The system clock plus an offset that only tests change.
///
/// Cloning shares the offset, so a test that keeps a clone of the server's clock can move
/// the server's time forward (`advance_minutes`) instead of sleeping.
#[derive(Clone, Debug)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
    /// Where a test stopped the clock (`stop_at`), or `RUNNING`. One atomic, so a reader
    /// never sees half of a change between running and stopped.
    stopped_at: Arc<AtomicI64>,
}

/// `stopped_at` when the clock runs.
const RUNNING: i64 = i64::MIN;

impl Default for Clock {
    fn default() -> Self {
        Self {
            offset_seconds: Arc::default(),
            stopped_at: Arc::new(AtomicI64::new(RUNNING)),
        }
    }
}

impl Clock {
    /// The real time. Production never moves it.
    pub fn system() -> Self {
        Self::default()
    }

    /// Now, in UTC.
    pub fn now(&self) -> OffsetDateTime {
        let stopped = self.stopped_at.load(Ordering::Relaxed);
        if stopped != RUNNING {
            if let Ok(at) = OffsetDateTime::from_unix_timestamp(stopped) {
                return at;
            }
        }
        let offset = self.offset_seconds.load(Ordering::Relaxed);
        OffsetDateTime::now_utc() + time::Duration::seconds(offset)
    }

    /// Now as Unix seconds: the form every timestamp column uses.
    pub fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    /// Today's date in UTC (used for demo dates and "reported on").
    pub fn today(&self) -> Date {
        self.now().date()
    }

    /// Sets this clock, and every clone of it, to `unix` seconds; it keeps running from
    /// there (or stays there, if a test stopped it). Tests use it to make "now" a known
    /// moment.
    pub fn set_unix(&self, unix: i64) {
        if self.stopped_at.load(Ordering::Relaxed) != RUNNING {
            self.stopped_at.store(unix, Ordering::Relaxed);
            return;
        }
        let real = OffsetDateTime::now_utc().unix_timestamp();
        self.offset_seconds.store(unix - real, Ordering::Relaxed);
    }

    /// Sets this clock, and every clone of it, to `unix` seconds and stops it there: only
    /// `set_unix` and `advance_minutes` move it from then on. For tests that compare exact
    /// seconds, which a running clock crossing a second boundary mid-test would break.
    pub fn stop_at(&self, unix: i64) {
        self.stopped_at.store(unix, Ordering::Relaxed);
    }

    /// Moves this clock, and every clone of it, forward.
    pub fn advance_minutes(&self, minutes: i64) {
        if self.stopped_at.load(Ordering::Relaxed) != RUNNING {
            self.stopped_at.fetch_add(minutes * 60, Ordering::Relaxed);
            return;
        }
        self.offset_seconds
            .fetch_add(minutes * 60, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advancing_moves_every_clone() {
        let clock = Clock::system();
        let copy = clock.clone();
        let before = copy.unix();
        clock.advance_minutes(11);
        let moved = copy.unix() - before;
        assert!((660..=662).contains(&moved), "moved {moved} s");
    }

    #[test]
    fn setting_moves_every_clone() {
        let clock = Clock::system();
        let copy = clock.clone();
        clock.set_unix(1_773_129_600);
        assert!((1_773_129_600..=1_773_129_602).contains(&copy.unix()));
    }

    #[test]
    fn a_stopped_clock_moves_only_when_told() {
        let clock = Clock::system();
        let copy = clock.clone();
        clock.stop_at(1_773_129_600);
        assert_eq!(copy.unix(), 1_773_129_600);
        clock.set_unix(1_773_129_630);
        assert_eq!(copy.unix(), 1_773_129_630);
        clock.advance_minutes(1);
        assert_eq!(copy.unix(), 1_773_129_690);
    }
}
