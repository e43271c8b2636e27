-- Case management (issue 13): officers change a case's stage and set or clear enhanced
-- rights with a reason; supervisors reallocate a case within their unit.

-- What each kind of staff may now do (`access::Capability`).
INSERT INTO role_capabilities (role, capability) VALUES
    ('officer', 'change_case'),
    ('supervisor', 'change_case'),
    ('supervisor', 'reallocate_case');

-- Every change of a case's stage, enhanced rights or allocation: who, when, what, from,
-- to and (for enhanced rights) why. Written in the same transaction as the change.
-- Append-only, like `audit_events`: triggers refuse every UPDATE and DELETE.
CREATE TABLE case_changes (
    -- UUID v7, so ids sort in the order changes were made.
    id TEXT PRIMARY KEY,
    -- No foreign key: the record outlives what it records, like the audit trail.
    case_id TEXT NOT NULL,
    -- Unix seconds.
    at BIGINT NOT NULL,
    -- 'officer' or 'supervisor' (`access::ActorKind`'s serde name) and the staff id.
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    -- `case_management::Change`'s serde name: 'stage', 'enhanced_rights', 'officer', 'team'.
    what TEXT NOT NULL,
    -- Stage codes, 'true'/'false', officer card ids or team ids.
    from_value TEXT,
    to_value TEXT,
    -- Why (required for enhanced rights). Free text: never logged.
    reason TEXT
);
CREATE INDEX case_changes_case_id_at ON case_changes (case_id, at);

CREATE TRIGGER case_changes_no_update BEFORE UPDATE ON case_changes
BEGIN
    SELECT RAISE(ABORT, 'case_changes is append-only');
END;
CREATE TRIGGER case_changes_no_delete BEFORE DELETE ON case_changes
BEGIN
    SELECT RAISE(ABORT, 'case_changes is append-only');
END;
