-- PostgreSQL adds its release-notification registry here (LISTEN/NOTIFY).
-- SQLite has no notifications: waiters poll, so there is nothing to create.
-- The file keeps both dialects' versions in step.
SELECT 1;
