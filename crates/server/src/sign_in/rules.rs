//! Every sign-in limit in one place, and the arithmetic that makes guessing a victim's
//! code hopeless (the README's "Sign-in protections" repeats it).
//!
//! A code is 6 random digits: one guess wins with probability 1 in 10^6. Whatever the
//! code, the reference or the address, every wrong code counts against the reference's
//! failure caps (known references and unknown ones alike, so the caps say nothing about
//! which exist):
//!
//! - at most `FAILS_PER_DAY` (10) wrong codes per reference per day: then sign-in by code
//!   stops for the rest of the day and the case's officer is alerted;
//! - at most `FAILS_PER_YEAR` (45) per reference per 365-day window: then it stops until
//!   the window ends, and the officer is alerted (they can help the victim another way).
//!
//! The windows are fixed, so the worst case for any 365 days is the end of one yearly
//! window plus the start of the next: 2 × 45 = 90 guesses, a chance of at most
//! 90 / 10^6 = 0.9 in 10,000 per reference per year, under the 1 in 10,000 asked for.
//! (The 5 tries per code and the start limits only lower it further.)

use crate::platform::config::Config;
use crate::platform::rate_limit::Limit;

/// How many different codes there are (6 digits).
pub const CODE_SPACE: i64 = 1_000_000;
/// Minutes a code stays valid.
pub const LIFETIME_MINUTES: u32 = 10;
/// Wrong tries after which a code is dead.
pub const MAX_WRONG_TRIES: i64 = 5;
/// Asking again within this many seconds of a live code's issue re-uses it: no new code,
/// no new message, and the live one keeps working (a double tap, or an attacker asking
/// over and over, cannot cancel the code the victim is typing).
pub const REUSE_WITHIN_SECS: i64 = 60;
/// Codes sent to one case in a day at most; requests beyond it send nothing (and say so
/// only in the log: the answer is the same 202).
pub const MAX_CODES_PER_DAY: i64 = 8;

const DAY: i64 = 24 * 60 * 60;
const FIFTEEN_MINUTES: i64 = 15 * 60;

/// "Send me a code" for one reference (known or not): 5 an hour, then 429.
pub const START_PER_REFERENCE: Limit = Limit {
    scope: "sign_in_start_reference",
    max: 5,
    window_secs: 60 * 60,
};
/// Wrong codes for one reference in a day.
pub const FAILS_PER_DAY: Limit = Limit {
    scope: "sign_in_fail_reference_day",
    max: 10,
    window_secs: DAY,
};
/// Wrong codes for one reference in a 365-day window.
pub const FAILS_PER_YEAR: Limit = Limit {
    scope: "sign_in_fail_reference_year",
    max: 45,
    window_secs: 365 * DAY,
};
/// Where a code's tries are counted (its window is the code's life).
pub const CODE_TRIES_SCOPE: &str = "sign_in_code_tries";
/// Failed staff sign-ins for one email address (an account or not) in a day. (The
/// account also locks for 15 minutes after 5 failures in a row: `staff::sign_in`.)
pub const STAFF_FAILS_PER_DAY: Limit = Limit {
    scope: "staff_sign_in_fail_account_day",
    max: 20,
    window_secs: DAY,
};

/// Which sign-in endpoint a per-address or global limit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Endpoint {
    Start,
    Verify,
    Staff,
}

/// The per-address limit of `endpoint` (the number from `--sign-in-limit-per-ip`).
pub fn per_ip(config: &Config, endpoint: Endpoint) -> Limit {
    Limit {
        scope: match endpoint {
            Endpoint::Start => "sign_in_start_ip",
            Endpoint::Verify => "sign_in_verify_ip",
            Endpoint::Staff => "staff_sign_in_ip",
        },
        max: config.sign_in_limit_per_ip,
        window_secs: FIFTEEN_MINUTES,
    }
}

/// The limit for all clients together (`--sign-in-limit-global`), counted under one key.
pub fn global(config: &Config, endpoint: Endpoint) -> Limit {
    Limit {
        scope: match endpoint {
            Endpoint::Start => "sign_in_start_all",
            Endpoint::Verify => "sign_in_verify_all",
            Endpoint::Staff => "staff_sign_in_all",
        },
        max: config.sign_in_limit_global,
        window_secs: 60,
    }
}

/// The key every client shares under a global limit.
pub const EVERYONE: &str = "everyone";

/// The most guesses at one reference's codes in any 365 days: two fixed yearly windows
/// back to back.
pub const fn worst_guesses_per_year() -> i64 {
    2 * FAILS_PER_YEAR.max
}

// The arithmetic, checked as the crate compiles: a change to a limit that breaks it fails
// the build. Under 1 in 10,000 per reference per year:
const _: () = assert!(worst_guesses_per_year() * 10_000 < CODE_SPACE);
// The daily cap alone would not do it (10 a day is 3,650 a year): the yearly cap is needed.
const _: () = assert!(FAILS_PER_DAY.max * 365 * 10_000 > CODE_SPACE);
// A victim can still mistype now and then: two codes' worth of wrong tries a day.
const _: () = assert!(FAILS_PER_DAY.max >= 2 * MAX_WRONG_TRIES);
const _: () = assert!(FAILS_PER_YEAR.max > FAILS_PER_DAY.max);
const _: () = assert!(START_PER_REFERENCE.max <= MAX_CODES_PER_DAY);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attacker_gets_at_most_90_guesses_per_reference_per_year() {
        let guesses = worst_guesses_per_year();
        assert_eq!(guesses, 90);
        // 90 / 10^6 = 0.9 in 10,000.
        assert_eq!(guesses as f64 / CODE_SPACE as f64 * 10_000.0, 0.9);
    }
}
