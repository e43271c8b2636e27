-- Delivery (issue 12): the outbox becomes a queue a worker sends from. Each message says
-- what it is (`kind`), whose it is (victim, case, case update), where it stands (`status`,
-- a DeliveryStatus serde name) and what the provider made of it. Recipients and bodies
-- stay sealed; a `case_update` message stores neither: the worker resolves the victim's
-- current safe method and renders the wording when it sends.
ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'contact_change_notice';
UPDATE outbox SET kind = 'sign_in_code' WHERE sign_in_code_id IS NOT NULL;
ALTER TABLE outbox ADD COLUMN victim_id TEXT REFERENCES victims (id);
ALTER TABLE outbox ADD COLUMN case_id TEXT REFERENCES cases (id);
ALTER TABLE outbox ADD COLUMN case_update_id TEXT REFERENCES case_updates (id);
-- The contact change whose confirmation code a `contact_change_code` message carries.
ALTER TABLE outbox ADD COLUMN contact_change_id TEXT REFERENCES contact_changes (id);
ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'queued';
-- Not before this moment: its safe window, or its next try after a temporary failure.
ALTER TABLE outbox ADD COLUMN due_at BIGINT NOT NULL DEFAULT 0;
UPDATE outbox SET due_at = created_at;
ALTER TABLE outbox ADD COLUMN attempts BIGINT NOT NULL DEFAULT 0;
-- While `sending`: until when the claiming worker holds it (due_at is set to the same, so
-- one (status, due_at) index finds expired leases too), and its claim's random token (an
-- outcome is recorded only under the token that claimed it).
ALTER TABLE outbox ADD COLUMN lease_until BIGINT;
ALTER TABLE outbox ADD COLUMN claim_token TEXT;
-- 'notify' or 'smtp', and the provider's own id for the message (receipts name it).
ALTER TABLE outbox ADD COLUMN provider TEXT;
ALTER TABLE outbox ADD COLUMN provider_id TEXT;
ALTER TABLE outbox ADD COLUMN delivered_at BIGINT;
-- When `status` last changed.
ALTER TABLE outbox ADD COLUMN status_at BIGINT;
-- A short fixed phrase ("no safe written method", the provider's reason): never personal data.
ALTER TABLE outbox ADD COLUMN failure_reason TEXT;
-- Set by a claim that takes a message over from a worker whose lease ran out mid-send:
-- the provider is asked first whether it already has it.
ALTER TABLE outbox ADD COLUMN lease_expired BOOLEAN NOT NULL DEFAULT FALSE;
-- A case update's channel, recipient and body stay '' until the worker resolves them.

-- Messages queued before delivery existed name no victim, so no safe window can be found
-- for them, and any sign-in code in them has long expired: they are not sent.
UPDATE outbox SET status = 'cancelled', status_at = created_at,
                  failure_reason = 'queued before delivery existed';

-- The claim: due rows (queued, temporary_failure, or sending with an expired lease), an
-- index range scan per status.
CREATE INDEX outbox_status_due_at ON outbox (status, due_at);
-- The officer's list of a case's messages, and its count of undelivered ones.
CREATE INDEX outbox_case_id_created_at ON outbox (case_id, created_at) WHERE case_id IS NOT NULL;
-- Receipts name the provider's id.
CREATE INDEX outbox_provider_id ON outbox (provider, provider_id) WHERE provider_id IS NOT NULL;
