-- PostgreSQL replaces 0005's audit function here with one that records only
-- refusals, with the identities of the session. SQLite has neither roles nor
-- functions: whoever can open the file can write the audit table, so there is
-- nothing to change. The file keeps both dialects' versions in step.
SELECT 1;
