-- Operational safety: who created the database (so demo mode and the seeder never run on
-- real data), retention bookkeeping, and the link that lets retention blank a sign-in
-- code's message once the code is used or expired.

-- One row: who created this database. 'demo' (the server with --demo, on an empty
-- database), 'seed' (`server seed`, on an empty one), 'server' (the server or
-- create-supervisor, on an empty one) or 'unknown' (it already held data when this table
-- was first read). Demo mode and the seeder refuse a database they did not create (origin/).
CREATE TABLE database_origin (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

-- The sign-in code a message carries, while the message still shows it in its body.
-- Retention (retention/) blanks the body and clears this once the code is used, replaced,
-- out of tries or expired. No foreign key: codes are purged before messages.
ALTER TABLE outbox ADD COLUMN sign_in_code_id TEXT;
CREATE INDEX outbox_sign_in_code_id ON outbox (sign_in_code_id) WHERE sign_in_code_id IS NOT NULL;

-- When each retention job last ran, so that of several servers on one database only one
-- runs it per interval.
CREATE TABLE retention_runs (
    job TEXT PRIMARY KEY,
    last_run_at INTEGER NOT NULL
);
INSERT INTO retention_runs (job, last_run_at) VALUES ('purge', 0);
