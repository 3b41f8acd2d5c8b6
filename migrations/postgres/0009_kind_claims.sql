-- A key's kind claims the key in aggregate_locks too (issue 15): the first
-- plain lease and the first semaphore or reader-writer acquire of a never-used
-- key, at the same instant, could both succeed when only lockscope_lock_kinds
-- said what a key is (under READ COMMITTED neither statement saw the other's
-- uncommitted row). Now recording a kind also inserts a marker row into
-- aggregate_locks in the same statement: owner_token 'lockscope:semaphore' or
-- 'lockscope:rw', expires_at 253402300799 (9999-12-31, a finite time: the sweep
-- never reaches it, a plain acquire never takes it over). Both sides insert the
-- same primary key, so the unique index orders them whatever the interleaving:
-- a plain acquire finds the key held (by the marker), and a kind that finds a
-- live plain lease is not recorded. Other programs that share aggregate_locks
-- see the key as held, which it is. The marker goes with the kind row
-- (lockscope_drop_idle_kind), never alone.
--
-- Kinds recorded before this migration get their marker now (a key an expired
-- lease row still names is taken over; a live plain lease keeps its row, and
-- the key's next semaphore or reader-writer use is refused until it goes).
INSERT INTO aggregate_locks AS l (lock_key, owner_token, acquired_at, expires_at)
SELECT k.lock_key, 'lockscope:' || k.kind, k.created_at, 253402300799
  FROM lockscope_lock_kinds k
ON CONFLICT (lock_key) DO UPDATE SET owner_token = EXCLUDED.owner_token,
       acquired_at = EXCLUDED.acquired_at, expires_at = EXCLUDED.expires_at
 WHERE l.expires_at <= extract(epoch from clock_timestamp())::float8
   AND l.expires_at > '-Infinity'::float8;

-- The reader-writer acquire of 0008, unchanged but for one thing: a key that
-- is no (longer a) reader-writer lease answers acquired = NULL instead of an
-- error, so the caller records the kind again. As in 0008: the key's kind row is locked first,
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
            IF NOT FOUND THEN -- the kind went (idle, swept) or is another: ask again
                RETURN QUERY SELECT NULL::boolean, NULL::float8, NULL::float8, NULL::bigint;
                RETURN;
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

-- Kinds expire: a key whose semaphore slots and reader-writer rows are all
-- expired (or absent) loses its kind, its marker and those rows, so it can be
-- used as another kind, or with another N. Atomic against acquires: the kind
-- row is locked first (a semaphore acquire holds it FOR KEY SHARE in its
-- statement, a reader-writer acquire FOR UPDATE), then the key's holder rows
-- (so a renewal in flight is committed before expiry is judged), and the check
-- is a statement of its own, with a snapshot taken after those locks. Returns
-- whether the kind went. The sweep calls it for every idle-looking kind.
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_drop_idle_kind(p_key text)
        RETURNS boolean LANGUAGE plpgsql VOLATILE
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        DECLARE
            t float8;
            k text;
        BEGIN
            SELECT x.kind INTO k FROM lockscope_lock_kinds x WHERE x.lock_key = p_key FOR UPDATE;
            IF NOT FOUND THEN
                RETURN false;
            END IF;
            PERFORM 1 FROM lockscope_semaphore_slots s WHERE s.lock_key = p_key FOR UPDATE;
            PERFORM 1 FROM lockscope_rw_holders h WHERE h.lock_key = p_key FOR UPDATE;
            t := extract(epoch from clock_timestamp())::float8;
            IF EXISTS (SELECT 1 FROM lockscope_semaphore_slots s WHERE s.lock_key = p_key
                         AND NOT (s.expires_at <= t AND s.expires_at > '-Infinity'::float8))
               OR EXISTS (SELECT 1 FROM lockscope_rw_holders h WHERE h.lock_key = p_key
                         AND NOT (h.expires_at <= t AND h.expires_at > '-Infinity'::float8)) THEN
                RETURN false;
            END IF;
            DELETE FROM lockscope_semaphore_slots s WHERE s.lock_key = p_key;
            DELETE FROM lockscope_rw_holders h WHERE h.lock_key = p_key;
            DELETE FROM aggregate_locks a WHERE a.lock_key = p_key AND a.owner_token = 'lockscope:' || k;
            DELETE FROM lockscope_lock_kinds x WHERE x.lock_key = p_key;
            RETURN true;
        END
        $body$ $f$, current_schema());
END
$migration$;
