-- Counting semaphores and reader-writer leases (issue 15), beside the shared
-- aggregate_locks table, which is not changed. See the PostgreSQL migration
-- for the meaning of each table. SQLite runs every acquire in one
-- BEGIN IMMEDIATE transaction (writers one at a time), so the reader-writer
-- rules are applied by LockScope's statements inside it.
CREATE TABLE IF NOT EXISTS lockscope_lock_kinds (
    lock_key   TEXT PRIMARY KEY CHECK (lock_key <> ''),
    kind       TEXT NOT NULL CHECK (kind IN ('semaphore', 'rw')),
    permits    INTEGER NOT NULL CHECK (permits >= 0 AND permits <= 1000),
    created_at REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS lockscope_semaphore_slots (
    lock_key    TEXT NOT NULL,
    slot        INTEGER NOT NULL CHECK (slot >= 0),
    owner_token TEXT NOT NULL CHECK (owner_token <> ''),
    acquired_at REAL NOT NULL,
    expires_at  REAL NOT NULL,
    fence       INTEGER,
    PRIMARY KEY (lock_key, slot)
);

CREATE TABLE IF NOT EXISTS lockscope_rw_holders (
    lock_key    TEXT NOT NULL,
    owner_token TEXT NOT NULL CHECK (owner_token <> ''),
    mode        TEXT NOT NULL CHECK (mode IN ('read', 'write', 'read-wait', 'write-wait')),
    acquired_at REAL NOT NULL,
    expires_at  REAL NOT NULL,
    fence       INTEGER,
    PRIMARY KEY (lock_key, owner_token)
);
CREATE UNIQUE INDEX IF NOT EXISTS lockscope_rw_one_writer ON lockscope_rw_holders (lock_key)
    WHERE mode = 'write';

-- The load generator's probe for semaphores and reader-writer leases: per run
-- and key, how many holders are inside the critical section now and at most,
-- readers and writers inside now, and how often a holder entered while a
-- writer (or, for a writer, anyone) was inside.
CREATE TABLE IF NOT EXISTS lockscope_load_inside (
    run_id     text NOT NULL,
    lock_key   text NOT NULL,
    inside     integer NOT NULL DEFAULT 0,
    max_inside integer NOT NULL DEFAULT 0,
    readers    integer NOT NULL DEFAULT 0,
    writers    integer NOT NULL DEFAULT 0,
    overlapped   integer NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, lock_key)
);
