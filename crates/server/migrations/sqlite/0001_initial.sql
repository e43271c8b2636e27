-- Safe Updates: first schema.
-- Portable to PostgreSQL: TEXT ids (UUIDs), BIGINT Unix-epoch seconds for moments,
-- TEXT ISO dates (YYYY-MM-DD) for calendar dates, BOOLEAN flags.

-- A victim and how they have said it is safe to contact them.
CREATE TABLE victims (
    id TEXT PRIMARY KEY,
    full_name TEXT NOT NULL,
    -- 'text', 'email', 'phone_call', 'letter' or 'visit'. Sign-in codes go only by text
    -- or email.
    contact_method TEXT NOT NULL,
    -- E.164, e.g. +447700900000.
    phone TEXT,
    email TEXT,
    -- Contact preferences (the victim will be able to change these in the portal).
    voicemail_safe BOOLEAN NOT NULL DEFAULT FALSE,
    letter_to_home_safe BOOLEAN NOT NULL DEFAULT FALSE,
    caller_id_may_show_police BOOLEAN NOT NULL DEFAULT FALSE,
    -- IETF language tag, e.g. 'en', 'cy'.
    language TEXT NOT NULL DEFAULT 'en',
    interpreter_needed BOOLEAN NOT NULL DEFAULT FALSE,
    -- Free text such as 'BSL', 'large print', 'easy read'.
    communication_needs TEXT,
    -- 'every_update' or 'key_updates_only' (the Victims' Code lets victims opt for fewer).
    update_frequency TEXT NOT NULL DEFAULT 'every_update',
    preferences_updated_at BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE officers (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- e.g. 'Victim care officer'.
    role TEXT NOT NULL,
    -- Display form, e.g. '01632 960 123'.
    phone TEXT NOT NULL,
    -- E.164 for tel: links, e.g. '+441632960123'.
    phone_link TEXT NOT NULL,
    email TEXT NOT NULL,
    hours TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    -- Normalised as CrimeReference::parse returns it.
    crime_reference TEXT NOT NULL UNIQUE,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    officer_id TEXT NOT NULL REFERENCES officers (id),
    -- Plain words shown to the victim, e.g. 'Burglary at your home'.
    crime_type TEXT NOT NULL,
    -- A code from the stage catalogue (src/stages.rs), e.g. 'charged'.
    stage TEXT NOT NULL,
    enhanced_rights BOOLEAN NOT NULL,
    reported_on TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX cases_victim_id ON cases (victim_id);
CREATE INDEX cases_officer_id ON cases (officer_id);

CREATE TABLE case_updates (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    update_date TEXT NOT NULL,
    title TEXT NOT NULL,
    what_happened TEXT NOT NULL,
    what_happens_next TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX case_updates_case_id_date ON case_updates (case_id, update_date);

-- One-time sign-in codes. Only a salted SHA-256 hash of the code is kept.
CREATE TABLE sign_in_codes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- Hex of 16 random bytes; code_hash = hex(SHA-256(salt bytes || code digits)).
    salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    -- Wrong tries so far; at 5 the code is dead.
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at BIGINT,
    -- Set when a newer code replaces this one.
    invalidated_at BIGINT
);
CREATE INDEX sign_in_codes_case_id_created_at ON sign_in_codes (case_id, created_at);

-- Signed-in sessions. The cookie holds a random token; only its SHA-256 is kept.
CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    -- 'victim' now; 'officer', 'supervisor' and 'supporter' later.
    role TEXT NOT NULL,
    -- Who: a victims.id for 'victim' (later an officer or supporter id).
    subject_id TEXT NOT NULL,
    -- For a victim, the case they signed in with: the only case the session may read.
    case_id TEXT REFERENCES cases (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    ended_at BIGINT
);
CREATE INDEX sessions_subject_id ON sessions (role, subject_id);

-- Messages queued for sending by text or email. Until a provider is connected nothing is
-- sent; demo mode shows them at GET /api/dev/outbox.
CREATE TABLE outbox (
    -- UUID v7, so ids sort in the order messages were queued.
    id TEXT PRIMARY KEY,
    -- 'sms' or 'email'.
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX outbox_recipient_created_at ON outbox (recipient, created_at);
CREATE INDEX outbox_created_at ON outbox (created_at);
