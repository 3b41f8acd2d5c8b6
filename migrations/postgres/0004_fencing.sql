-- Fencing tokens. Every LockScope acquisition of a key gets a fence strictly
-- greater than any fence issued for that key before, across releases, expiries,
-- takeovers, sweeps and keys deleted and re-created: the high-water mark lives
-- here, apart from the lease row, and owner_token says whose fence it is now.
-- aggregate_locks itself is not changed (other programs write it too); a row
-- whose token is not the one here is "unfenced".
CREATE TABLE IF NOT EXISTS lockscope_fences (
    lock_key    text PRIMARY KEY,
    last_fence  bigint NOT NULL,
    owner_token text NOT NULL
);

-- The protected resources' side: the highest fence each resource has accepted
-- (FencedWrite), so a holder that paused past its TTL cannot overwrite the work
-- of the holder that took over.
CREATE TABLE IF NOT EXISTS lockscope_resource_fences (
    resource      text PRIMARY KEY,
    highest_fence bigint NOT NULL
);
