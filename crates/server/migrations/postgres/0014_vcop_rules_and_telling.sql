-- Posting updates against the Victims' Code (issue 13): the Code's deadlines as data, the
-- language an officer wrote an update in, and how the victim was told of it.

-- The Victims' Code's deadlines, one row per event per version of the Code. A deadline is
-- worked out by the row in force on the event's date (the latest `effective_from` on or
-- before it), so a new Code is new rows, not new code (`cases::rules`). An event with no
-- row (e.g. 'other') carries no deadline.
CREATE TABLE vcop_rules (
    -- e.g. 'vcop-2020'.
    code_version TEXT NOT NULL,
    -- ISO date the version applies from.
    effective_from TEXT NOT NULL,
    -- A `cases::vcop::VcopEvent` serde name, e.g. 'charged'.
    event TEXT NOT NULL,
    -- Working days allowed to tell the victim, without and with enhanced rights.
    standard_working_days BIGINT NOT NULL,
    enhanced_working_days BIGINT NOT NULL,
    PRIMARY KEY (event, effective_from)
);
-- The 2020 Code, in force since 1 April 2021 (docs/domain.md).
INSERT INTO vcop_rules (code_version, effective_from, event, standard_working_days, enhanced_working_days) VALUES
    ('vcop-2020', '2021-04-01', 'suspect_arrested', 5, 1),
    ('vcop-2020', '2021-04-01', 'suspect_interviewed', 5, 1),
    ('vcop-2020', '2021-04-01', 'released_without_charge', 5, 1),
    ('vcop-2020', '2021-04-01', 'released_under_investigation', 5, 1),
    ('vcop-2020', '2021-04-01', 'bail', 5, 1),
    ('vcop-2020', '2021-04-01', 'charged', 5, 1),
    ('vcop-2020', '2021-04-01', 'out_of_court_disposal', 5, 1),
    ('vcop-2020', '2021-04-01', 'decision_not_to_charge', 5, 1),
    ('vcop-2020', '2021-04-01', 'charges_dropped_or_changed', 5, 1),
    ('vcop-2020', '2021-04-01', 'hearing_date', 1, 1),
    ('vcop-2020', '2021-04-01', 'must_give_evidence', 1, 1),
    ('vcop-2020', '2021-04-01', 'hearing_outcome', 5, 1),
    ('vcop-2020', '2021-04-01', 'support_referral', 2, 2);

-- The language the officer wrote the update in: 'en' or 'cy' (`shared::Lang`). The
-- victim's pages mark it with `lang` where it differs from the page's.
ALTER TABLE case_updates ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
-- How the victim was told (`shared::api::updates::TellingMethod`'s serde name): 'portal'
-- (they opened their case), 'message' (a text or email was delivered), 'call' or 'visit'
-- (an officer recorded it). Set together with vcop_told_on; NULL on rows told before this
-- migration, whose method was not recorded.
ALTER TABLE case_updates ADD COLUMN told_by TEXT;

-- A unit's due list walks untold events in deadline order and stops at a page, rather
-- than visiting every case of the unit (`updates::due`). Partial like
-- case_updates_vcop_due: only the few untold events.
CREATE INDEX case_updates_vcop_due_by_deadline ON case_updates (vcop_deadline, id)
    WHERE vcop_event IS NOT NULL AND vcop_told_on IS NULL;

-- Officers and supervisors who work a case post its updates and record telling.
INSERT INTO role_capabilities (role, capability) VALUES
    ('officer', 'post_update'),
    ('supervisor', 'post_update');
