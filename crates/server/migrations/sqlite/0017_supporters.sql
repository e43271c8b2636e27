-- Supporters (issue 15): people a victim (or, for a child or a bereaved family, an
-- officer) chooses to help with the case, each with their own sign-in and only the
-- capabilities granted. The grant itself is `supporter_grants` (0005): one per supporter,
-- revoked (never deleted) when they are removed.

-- One person helping on one case. Name, contact details and the officer's reason are
-- sealed (`platform::sealed`); `contact_index` is the contact's blind index, which
-- sign-in looks up.
CREATE TABLE supporters (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    victim_id TEXT NOT NULL REFERENCES victims (id),
    name TEXT NOT NULL,
    -- `SupporterChannel`'s serde name: 'text_message' or 'email'.
    channel TEXT NOT NULL,
    contact TEXT NOT NULL,
    contact_index TEXT NOT NULL,
    -- `Relationship`'s serde name.
    relationship TEXT NOT NULL,
    -- IETF tag of the language their messages are written in.
    language TEXT NOT NULL,
    -- 'victim' or 'officer'/'supervisor' (`access::ActorKind`) and their id.
    added_by_kind TEXT NOT NULL,
    added_by_id TEXT NOT NULL,
    -- Why an officer added them (required then); sealed.
    reason TEXT,
    created_at BIGINT NOT NULL,
    accepted_at BIGINT,
    last_signed_in_at BIGINT,
    removed_at BIGINT,
    removed_by_kind TEXT,
    removed_by_id TEXT,
    -- Why an officer removed them; sealed.
    removal_reason TEXT
);
CREATE INDEX supporters_case_id ON supporters (case_id);
CREATE INDEX supporters_contact_index ON supporters (contact_index);
CREATE UNIQUE INDEX supporter_grants_supporter_id ON supporter_grants (supporter_id);

-- The link an invitation carries: single use, 7 days. Only its SHA-256 is kept.
CREATE TABLE supporter_invitations (
    id TEXT PRIMARY KEY,
    supporter_id TEXT NOT NULL REFERENCES supporters (id),
    token_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    -- Set when a newer invitation replaces it or the supporter is removed.
    invalidated_at BIGINT
);
CREATE INDEX supporter_invitations_supporter_id ON supporter_invitations (supporter_id);

-- A supporter's one-time sign-in codes: salted HMACs only, like `sign_in_codes`.
CREATE TABLE supporter_codes (
    id TEXT PRIMARY KEY,
    supporter_id TEXT NOT NULL REFERENCES supporters (id),
    salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    invalidated_at BIGINT
);
CREATE INDEX supporter_codes_supporter_id ON supporter_codes (supporter_id, created_at);

-- "Send me a code" from a supporter, answered by the sign-in worker out of the
-- requester's sight (as `sign_in_requests`): the contact's blind index, and the
-- invitation's token hash when they came by its link.
CREATE TABLE supporter_sign_in_requests (
    id TEXT PRIMARY KEY,
    contact_index TEXT NOT NULL,
    invitation_hash TEXT,
    requested_at BIGINT NOT NULL
);

-- The invitation or supporter's code a message carries, so the worker drops it unsent
-- once it is no use and retention blanks its body (like `sign_in_code_id`).
ALTER TABLE outbox ADD COLUMN supporter_invitation_id TEXT;
ALTER TABLE outbox ADD COLUMN supporter_code_id TEXT;
CREATE INDEX outbox_supporter_invitation_id ON outbox (supporter_invitation_id)
    WHERE supporter_invitation_id IS NOT NULL;
CREATE INDEX outbox_supporter_code_id ON outbox (supporter_code_id)
    WHERE supporter_code_id IS NOT NULL;
-- Why a session ended, when it was not the person's own doing: 'access_ended' for a
-- supporter who was removed or whose grant ran out, so their next request can say so.
ALTER TABLE sessions ADD COLUMN ended_because TEXT;

-- Who may manage supporters: the victim, and the staff who work the case. Who looked at a
-- case and confirming new sign-in contact details stay the victim's alone: a supporter
-- must not see who else helps, nor move where the victim's codes go.
INSERT INTO role_capabilities (role, capability) VALUES
    ('victim', 'manage_supporters'),
    ('victim', 'read_looks'),
    ('victim', 'confirm_contact_change'),
    ('officer', 'manage_supporters'),
    ('supervisor', 'manage_supporters');
