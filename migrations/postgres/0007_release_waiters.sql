-- Release notifications only when someone waits (issue 12). A transaction that
-- sends NOTIFY takes a database-wide lock at commit and holds it through the WAL
-- flush, so a release that always notified made every release on a durable
-- server commit one at a time. Now a process that waits on the database for a
-- key registers here, and a release notifies only when it finds a registration
-- for its key; an uncontended release sends no notification at all.
--
-- A registration is a waiter's promise to be listening: `waiter` is the owner
-- token it will acquire with, `wait_until` (epoch seconds by the database clock)
-- when the promise lapses unless renewed, so a waiter that died leaves nothing
-- that matters for long. UNLOGGED: registrations are worth nothing after a
-- crash (waiters re-register), and their writes cost no WAL flush.
CREATE UNLOGGED TABLE IF NOT EXISTS lockscope_release_waiters (
    lock_key   text NOT NULL,
    waiter     text NOT NULL,
    wait_until double precision NOT NULL,
    PRIMARY KEY (lock_key, waiter)
);

-- The release: deletes the lease if `p_token` still holds it and, only then,
-- notifies when a live registration exists. The look-up is a statement of its
-- own inside this VOLATILE function, so it reads a snapshot taken after the
-- delete: a waiter registers (committed) before its next attempt, so either
-- this look-up sees the registration, or the delete came before that attempt
-- and the attempt finds the key free (or waits on the delete's row lock and then
-- finds it free). Either way no wake-up is lost. The search path is pinned to
-- the schema migrated, like the audit function's.
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_release_lease(p_key text, p_token text)
        RETURNS boolean LANGUAGE plpgsql VOLATILE
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        BEGIN
            DELETE FROM aggregate_locks WHERE lock_key = p_key AND owner_token = p_token;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            PERFORM pg_notify('lockscope_release', p_key)
               FROM lockscope_release_waiters
              WHERE lock_key = p_key
                AND wait_until > extract(epoch from clock_timestamp())::float8
              LIMIT 1;
            RETURN true;
        END
        $body$ $f$, current_schema());
END
$migration$;
