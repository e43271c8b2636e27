-- The officer's side of callbacks and the contact log (issue 13).

-- A booked call: scheduled_for (already here) to scheduled_until, Unix seconds, inside a
-- window the victim chose and their safe times; who booked it; how the request ended.
ALTER TABLE callback_requests ADD COLUMN scheduled_until BIGINT;
ALTER TABLE callback_requests ADD COLUMN scheduled_by TEXT;
ALTER TABLE callback_requests ADD COLUMN done_at BIGINT;
-- `CallbackOutcome`'s serde name: 'spoke_to_victim', 'no_longer_needed', 'could_not_reach'.
ALTER TABLE callback_requests ADD COLUMN outcome TEXT;

-- Every contact attempt an officer records, whatever its outcome.
CREATE TABLE contact_attempts (
    -- UUID v7, so ids sort by age.
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    -- `ContactMethod`'s serde name: 'phone_call', 'text_message', 'email', 'letter', 'visit'.
    method TEXT NOT NULL,
    -- `ContactOutcome`'s serde name: 'spoke_to_victim', 'no_answer', 'voicemail_left',
    -- 'someone_else_answered'.
    outcome TEXT NOT NULL,
    callback_id TEXT REFERENCES callback_requests (id),
    case_update_id TEXT REFERENCES case_updates (id),
    -- As typed (the app escapes it on output), at most 500 characters.
    note TEXT,
    recorded_at BIGINT NOT NULL,
    -- The staff account.
    recorded_by TEXT NOT NULL REFERENCES staff (id)
);
CREATE INDEX contact_attempts_case_id_recorded_at ON contact_attempts (case_id, recorded_at);

-- A number someone else answered: no text goes to it, and the staff app offers no call to
-- it, until an officer records what the victim said ('confirmed_safe' lifts the stop;
-- 'changed' keeps it for good). The number is sealed; phone_index is its blind index
-- (`platform::sealed`, column flagged_numbers.phone), which the delivery worker looks up.
CREATE TABLE flagged_numbers (
    id TEXT PRIMARY KEY,
    victim_id TEXT NOT NULL REFERENCES victims (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    phone TEXT NOT NULL,
    phone_index TEXT NOT NULL,
    contact_id TEXT NOT NULL REFERENCES contact_attempts (id),
    flagged_at BIGINT NOT NULL,
    checked_at BIGINT,
    checked_by TEXT REFERENCES staff (id),
    -- `CheckOutcome`'s serde name: 'confirmed_safe' or 'changed'; NULL until checked.
    check_outcome TEXT
);
CREATE INDEX flagged_numbers_victim_id_phone_index ON flagged_numbers (victim_id, phone_index);

INSERT INTO role_capabilities (role, capability) VALUES
    ('officer', 'work_callbacks'),
    ('officer', 'record_contact'),
    ('supervisor', 'work_callbacks'),
    ('supervisor', 'record_contact');
