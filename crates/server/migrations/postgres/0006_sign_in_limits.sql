-- Sign-in abuse limits (`platform::rate_limit`, `sign_in::rules`): counters every server
-- shares, the queue of code requests the sign-in worker answers, and the alerts an
-- officer sees when a reference gets too many wrong codes.

-- Fixed-window counters: hits of `scope` by `key` (a SHA-256, never an address or a
-- reference as typed) in the window starting at `window_start`. Rows are deleted once
-- `expires_at` (the window's end) has passed.
CREATE TABLE rate_limits (
    scope TEXT NOT NULL,
    key TEXT NOT NULL,
    window_start BIGINT NOT NULL,
    hits BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    PRIMARY KEY (scope, key, window_start)
);
CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at);

-- "Send me a code" requests, answered by the sign-in worker. The request itself only
-- writes this row (and its counters), whether or not the reference exists, so its time
-- says nothing about which references do. A row is deleted in the transaction that
-- answers it.
CREATE TABLE sign_in_requests (
    id TEXT PRIMARY KEY,
    crime_reference TEXT NOT NULL,
    requested_at BIGINT NOT NULL
);
CREATE INDEX sign_in_requests_requested_at ON sign_in_requests (requested_at);

-- A case's sign-in by code blocked after too many wrong codes, until `blocked_until`;
-- the case's officer sees it in the staff app and calls the victim.
CREATE TABLE sign_in_alerts (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- 'day' (the daily cap) or 'year' (the yearly cap).
    kind TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    blocked_until BIGINT NOT NULL
);
CREATE INDEX sign_in_alerts_case_id_blocked_until ON sign_in_alerts (case_id, blocked_until);

-- (sign_in_codes.attempts is no longer written: a code's tries are counted in
-- rate_limits, like every other sign-in counter, so a guess at an unknown reference
-- writes the same rows as a guess at a known one.)
