-- Counting semaphores and reader-writer leases (issue 15), beside the shared
-- aggregate_locks table, which is not changed.
--
-- A key belongs to one kind. Plain leases are rows of aggregate_locks; a key
-- used as a semaphore or a reader-writer lease is recorded here, with its
-- number of permits (N is stored with the key: an acquire with another N is
-- refused). The row is also the key's lock for reader-writer acquires.
CREATE TABLE IF NOT EXISTS lockscope_lock_kinds (
    lock_key   text PRIMARY KEY CHECK (lock_key <> ''),
    kind       text NOT NULL CHECK (kind IN ('semaphore', 'rw')),
    permits    integer NOT NULL CHECK (permits >= 0 AND permits <= 1000),
    created_at double precision NOT NULL
);

-- A semaphore is one row per permit: (key, slot) with slot in [0, N). An
-- acquire takes a free or expired slot with one INSERT ... ON CONFLICT DO
-- UPDATE WHERE expired: the primary key makes more than N live holders
-- impossible, whatever the interleaving. Times are epoch seconds, database clock.
CREATE TABLE IF NOT EXISTS lockscope_semaphore_slots (
    lock_key    text NOT NULL,
    slot        integer NOT NULL CHECK (slot >= 0),
    owner_token text NOT NULL CHECK (owner_token <> ''),
    acquired_at double precision NOT NULL,
    expires_at  double precision NOT NULL,
    fence       bigint,
    PRIMARY KEY (lock_key, slot)
);

-- Reader-writer leases: one row per holder ('read', 'write') and per waiter
-- ('read-wait', 'write-wait'). A waiter's row keeps its place in the queue
-- (acquired_at = when it began to wait) and expires on its own (renewed by
-- each attempt), so a waiter that died stops blocking others soon.
CREATE TABLE IF NOT EXISTS lockscope_rw_holders (
    lock_key    text NOT NULL,
    owner_token text NOT NULL CHECK (owner_token <> ''),
    mode        text NOT NULL CHECK (mode IN ('read', 'write', 'read-wait', 'write-wait')),
    acquired_at double precision NOT NULL,
    expires_at  double precision NOT NULL,
    fence       bigint,
    PRIMARY KEY (lock_key, owner_token)
);
-- At most one writer row per key, whatever the code above does.
CREATE UNIQUE INDEX IF NOT EXISTS lockscope_rw_one_writer ON lockscope_rw_holders (lock_key)
    WHERE mode = 'write';

-- A reader-writer acquire, atomic per key: the key's kind row is locked first,
-- then the key's holder rows (so a renewal in flight is seen), and every later
-- statement reads a snapshot taken after those locks. Rules:
--  - a writer enters when no live reader or writer holds the key and no live
--    waiter (reader or writer) began waiting before it;
--  - a reader enters when no live writer holds it and no live waiting writer
--    began waiting before it (a waiting writer stops new readers; readers that
--    waited before a writer go first, so neither side starves).
-- Not entering records (or refreshes) the caller's waiter row. Entering drops
-- expired rows of the key, bumps the key's fence (lockscope_fences, shared
-- with leases: a key has one kind) and stores the holder.
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_rw_acquire(p_key text, p_token text,
                                                        p_write boolean, p_ttl float8,
                                                        p_wait_life float8)
        RETURNS TABLE (acquired boolean, t_acquired float8, t_expires float8, t_fence bigint)
        LANGUAGE plpgsql VOLATILE
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        DECLARE
            t float8;
            my_wait float8;
            blocked boolean;
            f bigint;
            own record;
        BEGIN
            PERFORM 1 FROM lockscope_lock_kinds k
              WHERE k.lock_key = p_key AND k.kind = 'rw' FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the key %% is not a reader-writer lease', p_key
                    USING ERRCODE = 'P0001';
            END IF;
            PERFORM 1 FROM lockscope_rw_holders h WHERE h.lock_key = p_key FOR UPDATE;
            t := extract(epoch from clock_timestamp())::float8;
            SELECT h.acquired_at, h.fence INTO own FROM lockscope_rw_holders h
             WHERE h.lock_key = p_key AND h.owner_token = p_token
               AND h.mode = CASE WHEN p_write THEN 'write' ELSE 'read' END
               AND h.expires_at > t;
            IF FOUND THEN -- a retried call whose reply was lost: ours already
                UPDATE lockscope_rw_holders h SET expires_at = t + p_ttl
                 WHERE h.lock_key = p_key AND h.owner_token = p_token;
                RETURN QUERY SELECT true, own.acquired_at, t + p_ttl, own.fence;
                RETURN;
            END IF;
            SELECT h.acquired_at INTO my_wait FROM lockscope_rw_holders h
             WHERE h.lock_key = p_key AND h.owner_token = p_token
               AND h.mode IN ('read-wait', 'write-wait') AND h.expires_at > t;
            IF NOT FOUND THEN
                my_wait := t;
            END IF;
            IF p_write THEN
                blocked := EXISTS (SELECT 1 FROM lockscope_rw_holders h
                    WHERE h.lock_key = p_key AND h.owner_token <> p_token AND h.expires_at > t
                      AND (h.mode IN ('read', 'write')
                           OR (h.mode IN ('read-wait', 'write-wait') AND h.acquired_at < my_wait)));
            ELSE
                blocked := EXISTS (SELECT 1 FROM lockscope_rw_holders h
                    WHERE h.lock_key = p_key AND h.owner_token <> p_token AND h.expires_at > t
                      AND (h.mode = 'write'
                           OR (h.mode = 'write-wait' AND h.acquired_at < my_wait)));
            END IF;
            IF blocked THEN
                INSERT INTO lockscope_rw_holders AS h
                       (lock_key, owner_token, mode, acquired_at, expires_at, fence)
                VALUES (p_key, p_token, CASE WHEN p_write THEN 'write-wait' ELSE 'read-wait' END,
                        my_wait, t + p_wait_life, NULL)
                ON CONFLICT (lock_key, owner_token) DO UPDATE
                   SET mode = EXCLUDED.mode, acquired_at = EXCLUDED.acquired_at,
                       expires_at = EXCLUDED.expires_at, fence = NULL;
                RETURN QUERY SELECT false, my_wait, t + p_wait_life, NULL::bigint;
                RETURN;
            END IF;
            DELETE FROM lockscope_rw_holders h
             WHERE h.lock_key = p_key AND (h.expires_at <= t OR h.owner_token = p_token);
            INSERT INTO lockscope_fences AS fc (lock_key, last_fence, owner_token)
            VALUES (p_key, 1, p_token)
            ON CONFLICT (lock_key) DO UPDATE
               SET last_fence = fc.last_fence + 1, owner_token = EXCLUDED.owner_token
            RETURNING fc.last_fence INTO f;
            INSERT INTO lockscope_rw_holders
                   (lock_key, owner_token, mode, acquired_at, expires_at, fence)
            VALUES (p_key, p_token, CASE WHEN p_write THEN 'write' ELSE 'read' END,
                    t, t + p_ttl, f);
            RETURN QUERY SELECT true, t, t + p_ttl, f;
        END
        $body$ $f$, current_schema());
END
$migration$;

-- Releases whatever row `p_token` has under `p_key` (a semaphore slot, a
-- reader or writer, or a waiter's row) and, when something went, notifies a
-- registered waiter of the key (as lockscope_release_lease does). Returns
-- what went: 'slot', 'read', 'write', 'read-wait', 'write-wait', or NULL.
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_release_holder(p_key text, p_token text)
        RETURNS text LANGUAGE plpgsql VOLATILE
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        DECLARE
            gone text;
        BEGIN
            DELETE FROM lockscope_semaphore_slots s
             WHERE s.lock_key = p_key AND s.owner_token = p_token;
            IF FOUND THEN
                gone := 'slot';
            ELSE
                DELETE FROM lockscope_rw_holders h
                 WHERE h.lock_key = p_key AND h.owner_token = p_token
                RETURNING h.mode INTO gone;
            END IF;
            IF gone IS NULL THEN
                RETURN NULL;
            END IF;
            PERFORM pg_notify('lockscope_release', p_key)
               FROM lockscope_release_waiters
              WHERE lock_key = p_key
                AND wait_until > extract(epoch from clock_timestamp())::float8
              LIMIT 1;
            RETURN gone;
        END
        $body$ $f$, current_schema());
END
$migration$;

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
