-- Issue 13: supervisors read a case's audit trail (`GET /api/staff/cases/{ref}/audit`).
-- Officers do not: the trail shows who in their team looked at what, which is for the
-- supervisor who checks the team's work.
INSERT INTO role_capabilities (role, capability) VALUES ('supervisor', 'read_audit_trail');
