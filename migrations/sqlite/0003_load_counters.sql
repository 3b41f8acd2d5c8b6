-- The load generator's work table: one counter per run and key. Each critical
-- section reads a counter, pauses, and writes it back plus one, on a connection
-- separate from the lock's; lost updates show up as counter < sections.
CREATE TABLE IF NOT EXISTS lockscope_load_counters (
    run_id   TEXT NOT NULL,
    lock_key TEXT NOT NULL,
    value    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, lock_key)
);
