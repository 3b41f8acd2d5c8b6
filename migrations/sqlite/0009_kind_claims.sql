-- A key's kind claims the key in aggregate_locks too (issue 15; see the
-- PostgreSQL migration): recording a kind also inserts a marker row, owner_token
-- 'lockscope:semaphore' or 'lockscope:rw', expires_at 253402300799 (9999-12-31),
-- in the same transaction. SQLite already ran the two first uses one at a time;
-- the marker makes the key held for every program that reads aggregate_locks.
-- Kinds recorded before this migration get their marker now (over an expired
-- lease row; a live plain lease keeps its row).
INSERT INTO aggregate_locks (lock_key, owner_token, acquired_at, expires_at)
SELECT k.lock_key, 'lockscope:' || k.kind, k.created_at, 253402300799
  FROM lockscope_lock_kinds k WHERE true
ON CONFLICT (lock_key) DO UPDATE SET owner_token = excluded.owner_token,
       acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
 WHERE aggregate_locks.expires_at <= ((julianday('now') - 2440587.5) * 86400.0)
   AND aggregate_locks.expires_at > -9e999;
