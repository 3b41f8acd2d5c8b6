-- A semaphore waiter is never left asleep by a release (issue 15 review).
--
-- The one-statement acquire of a permit (SharedLockSql::acquireSlotPostgres)
-- reads the key's slots in the snapshot its statement starts with. A release
-- (lockscope_release_holder) deletes the holder's slot and then looks for a
-- registered waiter; when it finds none it sends no notification. Between
-- that look-up and the release's commit, a waiter could register, try again,
-- still see the slot held (the delete was not committed yet), and go to sleep
-- until its next poll: the release came after its attempt but woke nobody.
-- The reader-writer acquire never had this: it locks the key's holder rows
-- first, so it waits for a release in flight and then sees it.
--
-- Now a permit is acquired by this function. It tries the one statement; when
-- that finds no free slot, it locks the key's slot rows FOR KEY SHARE (which
-- waits for every release of a slot still in flight: a DELETE conflicts with
-- it) and tries once more, in a snapshot taken after those locks. So a failed
-- attempt either saw a release's delete, or that release's look-up came after
-- the waiter's registration and notifies. The uncontended path is the same one
-- statement as before; FOR KEY SHARE does not conflict with another acquirer's
-- takeover of a slot (an update of non-key columns) nor with a renewal, so
-- acquirers still do not wait for each other here. Lock order is the kind row,
-- then the slots, as in lockscope_drop_idle_kind.
--
-- The columns are those of the one statement: candidates (free slots seen),
-- the slot taken (NULL: none), its times and fence, and kind_ok (0: the key is
-- no longer a semaphore with this many permits).
DO $migration$
BEGIN
    EXECUTE format($f$
        CREATE OR REPLACE FUNCTION lockscope_semaphore_acquire(p_key text, p_token text,
                                                               p_ttl float8, p_permits integer)
        RETURNS TABLE (candidates bigint, t_slot integer, t_acquired float8,
                       t_expires float8, t_fence bigint, kind_ok bigint)
        LANGUAGE plpgsql VOLATILE
        SET search_path = pg_catalog, %I, pg_temp
        AS $body$
        DECLARE
            r record;
        BEGIN
            FOR attempt IN 1..2 LOOP
                IF attempt = 2 THEN
                    PERFORM 1 FROM lockscope_semaphore_slots s
                      WHERE s.lock_key = p_key FOR KEY SHARE;
                END IF;
                WITH c AS (SELECT extract(epoch from clock_timestamp())::float8 AS t),
                kk AS (SELECT x.lock_key FROM lockscope_lock_kinds x
                        WHERE x.lock_key = p_key AND x.kind = 'semaphore'
                          AND x.permits = p_permits FOR KEY SHARE OF x),
                cand AS (SELECT g.slot FROM c, kk
                         CROSS JOIN LATERAL generate_series(0, p_permits - 1) AS g(slot)
                         LEFT JOIN lockscope_semaphore_slots s
                                ON s.lock_key = p_key AND s.slot = g.slot
                         WHERE s.slot IS NULL
                            OR (s.expires_at <= c.t AND s.expires_at > '-Infinity'::float8)
                            OR s.owner_token = p_token
                         ORDER BY (s.owner_token IS NOT DISTINCT FROM p_token) DESC, random()
                         LIMIT 1),
                f AS (INSERT INTO lockscope_fences AS fc (lock_key, last_fence, owner_token)
                      SELECT p_key, 1, p_token FROM cand
                      ON CONFLICT (lock_key) DO UPDATE
                         SET last_fence = fc.last_fence + 1, owner_token = EXCLUDED.owner_token
                      RETURNING fc.last_fence),
                a AS (INSERT INTO lockscope_semaphore_slots AS s
                             (lock_key, slot, owner_token, acquired_at, expires_at, fence)
                      SELECT p_key, cand.slot, p_token, c.t, c.t + p_ttl, f.last_fence
                        FROM c, cand, f
                      ON CONFLICT (lock_key, slot) DO UPDATE
                         SET owner_token = EXCLUDED.owner_token,
                             acquired_at = EXCLUDED.acquired_at,
                             expires_at = EXCLUDED.expires_at, fence = EXCLUDED.fence
                       WHERE (s.expires_at <= EXCLUDED.acquired_at
                              AND s.expires_at > '-Infinity'::float8)
                          OR s.owner_token = EXCLUDED.owner_token
                      RETURNING s.slot, s.acquired_at, s.expires_at, s.fence)
                SELECT (SELECT count(*) FROM cand) AS n_cand, a.slot AS a_slot,
                       a.acquired_at AS a_acquired, a.expires_at AS a_expires,
                       a.fence AS a_fence, (SELECT count(*) FROM kk) AS n_kind
                  INTO r
                  FROM (SELECT 1) AS one LEFT JOIN a ON true;
                EXIT WHEN attempt = 2 OR r.a_slot IS NOT NULL OR r.n_cand > 0 OR r.n_kind = 0;
            END LOOP;
            candidates := r.n_cand;
            t_slot := r.a_slot;
            t_acquired := r.a_acquired;
            t_expires := r.a_expires;
            t_fence := r.a_fence;
            kind_ok := r.n_kind;
            RETURN NEXT;
        END
        $body$ $f$, current_schema());
END
$migration$;
