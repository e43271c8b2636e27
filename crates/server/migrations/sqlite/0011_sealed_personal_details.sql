-- Personal details sealed at rest. SQL cannot encrypt, so the values themselves are sealed
-- by the server at start-up (src/reseal/): victims.phone and .email, contact_preferences.body
-- (phone, email, address, postcode, safe times…), callback_requests.phone, outbox.recipient
-- and .body, callback_windows, contact_changes.requested and .code_recipient, and
-- staff.totp_secret then hold `v1.<key id>.<base64>` text. Sign-in code
-- hashes (and contact-change code hashes) become keyed (HMAC): codes issued before this
-- version no longer match, so a
-- victim asks for a new one (codes live 10 minutes anyway).

-- The recipient is sealed, so lookups by recipient go through its blind index (an HMAC of
-- the address), which the re-sealing pass fills for existing rows.
ALTER TABLE outbox ADD COLUMN recipient_index TEXT;
DROP INDEX outbox_recipient_created_at;
CREATE INDEX outbox_recipient_index_created_at ON outbox (recipient_index, created_at);
