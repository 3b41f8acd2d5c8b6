-- Fencing tokens. Every LockScope acquisition of a key gets a fence strictly
-- greater than any fence issued for that key before, across releases, expiries,
-- takeovers, sweeps and keys deleted and re-created: the high-water mark lives
-- here, apart from the lease row, and owner_token says whose fence it is now.
-- aggregate_locks itself is not changed: other programs insert into it by
-- position, and SQLite refuses four values for five columns.
CREATE TABLE IF NOT EXISTS lockscope_fences (
    lock_key    TEXT PRIMARY KEY,
    last_fence  INTEGER NOT NULL,
    owner_token TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS lockscope_resource_fences (
    resource      TEXT PRIMARY KEY,
    highest_fence INTEGER NOT NULL
);
