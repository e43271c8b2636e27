-- Every enum is stored as its serde name, the same spelling the API uses
-- (`platform::stored`). Two columns used older spellings of their own.
UPDATE victims SET contact_method = 'text_message' WHERE contact_method = 'text';
UPDATE victims SET update_frequency = 'key_decisions_only' WHERE update_frequency = 'key_updates_only';
