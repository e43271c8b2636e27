-- The audit trail (issue 13): every read and write of a victim's data, by anyone, one row
-- each, written in the same transaction as the write it records. Append-only: triggers
-- refuse every UPDATE, DELETE and TRUNCATE, so no application path (nor a mistaken one)
-- can change what was recorded.
CREATE TABLE audit_events (
    -- UUID v7, so ids sort in the order events were recorded.
    id TEXT PRIMARY KEY,
    -- Unix seconds.
    at BIGINT NOT NULL,
    -- `audit::AuditActorKind`'s serde name: 'victim', 'supporter', 'officer',
    -- 'supervisor', 'delivery_worker' or 'import_client'.
    actor_kind TEXT NOT NULL,
    -- The victim's, supporter's or staff account's id; NULL for the delivery worker.
    actor_id TEXT,
    -- `audit::AuditAction`'s serde name, e.g. 'read_case', 'post_update'.
    action TEXT NOT NULL,
    -- The case looked at or changed (no foreign key: the trail outlives what it records).
    case_id TEXT NOT NULL,
    victim_id TEXT NOT NULL
);
CREATE INDEX audit_events_case_id_at ON audit_events (case_id, at);

CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
