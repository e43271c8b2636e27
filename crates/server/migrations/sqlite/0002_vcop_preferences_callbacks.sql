-- Safe Updates: crime categories, Victims' Code timing on updates, versioned contact
-- preferences and callback requests. Portable to PostgreSQL like 0001.

-- Machine category for filtering support services, e.g. 'burglary', 'domestic_abuse'.
ALTER TABLE cases ADD COLUMN crime_category TEXT NOT NULL DEFAULT 'other';

-- Set when the Victims' Code says the victim must be told about this event: one of
-- 'suspect_arrested', 'suspect_interviewed', 'released_without_charge',
-- 'released_under_investigation', 'bail', 'charged', 'out_of_court_disposal',
-- 'decision_not_to_charge', 'charges_dropped_or_changed', 'hearing_date',
-- 'must_give_evidence', 'hearing_outcome', 'support_referral' (src/vcop.rs).
ALTER TABLE case_updates ADD COLUMN vcop_event TEXT;
-- ISO date (YYYY-MM-DD) the event happened; set together with vcop_event.
ALTER TABLE case_updates ADD COLUMN event_date TEXT;

-- Contact preferences, one row per saved version (append-only). The current preferences
-- are the highest version. `victims.contact_method/phone/email` are kept in step with the
-- latest version because sign-in codes follow them.
CREATE TABLE contact_preferences (
    id TEXT PRIMARY KEY,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    version INTEGER NOT NULL,
    -- JSON of shared::api::preferences::ContactPreferences, already normalised.
    body TEXT NOT NULL,
    changed_at BIGINT NOT NULL,
    -- 'victim', 'supporter' or 'officer'.
    changed_by TEXT NOT NULL,
    -- The victims.id (later officer or supporter id); NULL for data loaded by the system.
    changed_by_id TEXT,
    UNIQUE (victim_id, version)
);

-- A victim's request for their officer to call them back.
CREATE TABLE callback_requests (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- 'case_question', 'feel_unsafe', 'change_details', 'support_needs', 'something_else'.
    reason TEXT NOT NULL,
    -- Exactly as typed (the app escapes it on output).
    details TEXT,
    -- 'urgent', 'soon' or 'routine'.
    urgency TEXT NOT NULL,
    -- E.164 number to call: a one-off number, or the one on file when requested.
    phone TEXT NOT NULL,
    phone_is_one_off BOOLEAN NOT NULL,
    -- 'requested', 'scheduled', 'done' or 'cancelled'; the first two are open.
    status TEXT NOT NULL,
    scheduled_for BIGINT,
    requested_at BIGINT NOT NULL,
    -- 'victim' now; 'supporter' or 'officer' later.
    requested_by TEXT NOT NULL,
    requested_by_id TEXT NOT NULL,
    cancelled_at BIGINT
);
CREATE INDEX callback_requests_case_id_status ON callback_requests (case_id, status);

-- The windows (UK local time) a callback may happen in, in the order the victim gave them.
CREATE TABLE callback_windows (
    callback_id TEXT NOT NULL REFERENCES callback_requests (id),
    position INTEGER NOT NULL,
    window_date TEXT NOT NULL,
    -- HH:MM, 24-hour.
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    PRIMARY KEY (callback_id, position)
);
