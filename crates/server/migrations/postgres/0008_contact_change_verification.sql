-- A change of where a victim's sign-in codes go waits for a code sent to the new place
-- (preferences/contact_change): one row per confirmation code sent. Rows stay after they
-- are confirmed, cancelled or expired, so the hourly limit on codes can count them.
CREATE TABLE contact_changes (
    id TEXT PRIMARY KEY,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    -- JSON of the contact choices waiting: preferred_method, second_method, phone, email.
    requested TEXT NOT NULL,
    -- Where the code went ('sms' or 'email', and the number or address), so the same
    -- request within a minute reuses the code instead of sending another.
    code_channel TEXT NOT NULL,
    code_recipient TEXT NOT NULL,
    -- Hex of 16 random bytes; code_hash = hex(SHA-256(salt bytes || code digits)), as for
    -- sign-in codes.
    salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- Tries so far; at 5 the code is dead.
    attempts BIGINT NOT NULL DEFAULT 0,
    confirmed_at BIGINT,
    -- Set when a later save or a newer code replaces the change.
    cancelled_at BIGINT
);
CREATE INDEX contact_changes_victim_id_created_at ON contact_changes (victim_id, created_at);
