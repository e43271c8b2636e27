-- Safe Updates: indexes so the hot paths stay index lookups at a million cases, and the
-- stored Victims' Code deadline an officer's due list sorts by. Portable to PostgreSQL
-- like 0001 (both have partial indexes). src/query_plans.rs checks every hot query's plan.

-- The case timeline reads a case's updates newest first. With every ORDER BY column in
-- the index it is one backward index range and no sort.
DROP INDEX case_updates_case_id_date;
CREATE INDEX case_updates_case_timeline ON case_updates (case_id, update_date, created_at, id);

-- ISO date by which the victim must be told about vcop_event: event_date plus the working
-- days the Victims' Code allows (src/vcop.rs, src/due_list.rs). Stored because working days skip bank
-- holidays, which SQL cannot count. Set together with vcop_event from this migration on;
-- older rows keep NULL (they were all told already).
ALTER TABLE case_updates ADD COLUMN vcop_deadline TEXT;
-- ISO date the victim was told about vcop_event. NULL means an officer has recorded the
-- event but the victim has not been told yet: what the officer's due list shows.
ALTER TABLE case_updates ADD COLUMN vcop_told_on TEXT;
UPDATE case_updates SET vcop_told_on = update_date WHERE vcop_event IS NOT NULL;

-- An officer's due list: for each of their cases (cases_officer_id), its untold events by
-- deadline. Partial, so it holds only the few untold events, not the millions told.
CREATE INDEX case_updates_vcop_due ON case_updates (case_id, vcop_deadline)
    WHERE vcop_event IS NOT NULL AND vcop_told_on IS NULL;
