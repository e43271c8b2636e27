//! `Clock`: the one source of "now" for code and session expiry, so tests can move time on.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use time::{Date, OffsetDateTime};

/// The system clock plus an offset that only tests change.
///
/// Cloning shares the offset, so a test that keeps a clone of the server's clock can move
/// the server's time forward (`advance_minutes`) instead of sleeping.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// The real time. Production never moves it.
    pub fn system() -> Self {
        Self::default()
    }

    /// Now, in UTC.
    pub fn now(&self) -> OffsetDateTime {
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
    /// there. Tests use it to make "now" a known moment.
    pub fn set_unix(&self, unix: i64) {
        let real = OffsetDateTime::now_utc().unix_timestamp();
        self.offset_seconds.store(unix - real, Ordering::Relaxed);
    }

    /// Moves this clock, and every clone of it, forward.
    pub fn advance_minutes(&self, minutes: i64) {
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
}
