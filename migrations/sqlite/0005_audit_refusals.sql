-- PostgreSQL adds a function here through which roles without INSERT on the audit
-- table record their refused actions. SQLite has no roles: whoever can open the
-- file can write the audit table, so there is nothing to add.
SELECT 1;
