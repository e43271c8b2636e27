-- One access model for every role (`access/`): who may do what on which case is answered
-- by the database. Staff accounts sign in with a password and a second factor; a
-- supporter acts for a victim only within a grant the victim gave.

-- A unit (e.g. a witness care unit) holds teams; a supervisor sees the whole unit.
CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE teams (
    id TEXT PRIMARY KEY,
    unit_id TEXT NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX teams_unit_id ON teams (unit_id);

-- Officers and supervisors. `officer_id` links an officer's account to the contact card
-- victims see (`officers`); cases allocated to that card are the officer's own.
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    -- Lower case; the sign-in name.
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- 'officer' or 'supervisor' (`access::ActorKind`'s serde name).
    role TEXT NOT NULL,
    officer_id TEXT REFERENCES officers (id),
    team_id TEXT REFERENCES teams (id),
    unit_id TEXT NOT NULL REFERENCES units (id),
    -- argon2id, PHC string format. Never logged.
    password_hash TEXT NOT NULL,
    -- RFC 6238 secret, base32, made when the account is created (the enrolment link is
    -- shown once, to whoever creates it). NULL: the account cannot sign in.
    totp_secret TEXT,
    -- The last 30-second step a code was accepted for: a code is never accepted twice.
    totp_last_step BIGINT,
    -- Failed sign-ins since the last success, and until when the account is locked.
    failed_sign_ins BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    disabled_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX staff_officer_id ON staff (officer_id);
CREATE INDEX staff_team_id ON staff (team_id);
CREATE INDEX staff_unit_id ON staff (unit_id);

-- The team a case belongs to (NULL: no team yet; only its own officer sees it).
ALTER TABLE cases ADD COLUMN team_id TEXT REFERENCES teams (id);
CREATE INDEX cases_team_id ON cases (team_id);

-- What each kind of actor may do at most: a capability not listed for a role is denied.
CREATE TABLE role_capabilities (
    role TEXT NOT NULL,
    capability TEXT NOT NULL,
    PRIMARY KEY (role, capability)
);
INSERT INTO role_capabilities (role, capability) VALUES
    ('victim', 'read_case'),
    ('victim', 'read_preferences'),
    ('victim', 'change_preferences'),
    ('victim', 'read_callbacks'),
    ('victim', 'request_callback'),
    ('victim', 'cancel_callback'),
    ('supporter', 'read_case'),
    ('supporter', 'read_preferences'),
    ('supporter', 'change_preferences'),
    ('supporter', 'read_callbacks'),
    ('supporter', 'request_callback'),
    ('supporter', 'cancel_callback'),
    ('officer', 'read_case'),
    ('officer', 'read_preferences'),
    ('officer', 'read_callbacks'),
    ('supervisor', 'read_case'),
    ('supervisor', 'read_preferences'),
    ('supervisor', 'read_callbacks');

-- A victim's consent for a supporter to act for them: which capabilities (comma
-- separated serde names) until when. Invitations come later; the table is here so the
-- access question covers supporters from the start.
CREATE TABLE supporter_grants (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    supporter_id TEXT NOT NULL,
    capabilities TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    revoked_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX supporter_grants_case_supporter ON supporter_grants (case_id, supporter_id);
