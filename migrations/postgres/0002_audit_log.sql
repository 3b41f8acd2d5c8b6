-- Every administrative action (sweep, force release, cancel/terminate backend),
-- from the GUI and from lockctl, including refused ones.
CREATE TABLE IF NOT EXISTS lockscope_audit (
    id             bigserial PRIMARY KEY,
    at             double precision NOT NULL DEFAULT extract(epoch from clock_timestamp()),
    db_user        text NOT NULL DEFAULT current_user,
    os_user        text NOT NULL,
    os_host        text NOT NULL,
    tool           text NOT NULL,
    action         text NOT NULL,
    target         text NOT NULL,
    previous_token text,
    outcome        text NOT NULL,
    detail         text
);

CREATE INDEX IF NOT EXISTS lockscope_audit_at_idx ON lockscope_audit (at);
