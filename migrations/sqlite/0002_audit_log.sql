-- Every administrative action (sweep, force release), from the GUI and from
-- lockctl, including refused ones.
CREATE TABLE IF NOT EXISTS lockscope_audit (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    at             REAL NOT NULL DEFAULT ((julianday('now') - 2440587.5) * 86400.0),
    db_user        TEXT NOT NULL DEFAULT '',
    os_user        TEXT NOT NULL,
    os_host        TEXT NOT NULL,
    tool           TEXT NOT NULL,
    action         TEXT NOT NULL,
    target         TEXT NOT NULL,
    previous_token TEXT,
    outcome        TEXT NOT NULL,
    detail         TEXT
);

CREATE INDEX IF NOT EXISTS lockscope_audit_at_idx ON lockscope_audit (at);
