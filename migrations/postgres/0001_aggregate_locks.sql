-- The lease table exactly as the other programs that share it create it.
-- IF NOT EXISTS: a table created beforehand by another program is adopted as is.
CREATE TABLE IF NOT EXISTS aggregate_locks (
    lock_key    text PRIMARY KEY CHECK (lock_key <> ''),
    owner_token text NOT NULL CHECK (owner_token <> ''),
    acquired_at double precision NOT NULL,
    expires_at  double precision NOT NULL
);

CREATE INDEX IF NOT EXISTS aggregate_locks_expires_at_idx ON aggregate_locks (expires_at);
