#pragma once

#include "db/connectionparams.h"
#include "redis/redisscript.h"

#include <QByteArray>
#include <QString>

namespace lockscope {

// The Redis side of semaphores and reader-writer leases (issue 15): the key
// layout and the scripts, one atomic script per attempt, by the server's clock.
//
// A semaphore or reader-writer lease on KEY lives at two keys:
//  - <prefix>KEY, a hash: the claim and the kind record. Fields `kind`
//    ("semaphore" or "rw"), `permits` (a semaphore's N), and per holder or
//    waiting reader/writer `h:<token>` = "<role> <acquired_ms> <fence> <slot>"
//    (role slot, read, write, read-wait or write-wait; fence "-" for a wait).
//    Because the key exists, a plain lease's `SET key token NX PX ttl` -- ours
//    or another program's -- fails on it, and our lease scripts refuse it by
//    its type; the semaphore scripts refuse a string (a lease) the same way.
//  - lockscope:holders:<prefix>KEY, a sorted set of those tokens scored by
//    their expiry (ms, server clock). Each script first drops the members
//    whose score has passed (and their h: fields).
// Both keys carry a PEXPIRE to the furthest expiry among the holders, and at
// least one TTL (of the last caller) beyond now: a key whose holders all left
// or died keeps its kind for one TTL, then disappears by itself.
// Fences come from the plain lease's counter lockscope:fence:<prefix>KEY, so
// they increase across every holder the key ever had, of any kind.
namespace RedisSharedScripts {

QByteArray holdersKey(const ConnectionParams &params, const QString &key);

// KEYS hash, holders, fence[, waiters]; ARGV token, ttl_ms, permits ->
//   {1, fence, slot, acquired_ms, now_ms}  admitted (or re-taken with the token)
//   {0}                                    every permit is held
//   {-1, type, kind, permits}              the key is another kind or type
const RedisScript &acquireSemaphore();
// KEYS hash, holders, fence[, waiters]; ARGV token, ttl_ms, write (0/1), wait_life_ms ->
//   as acquireSemaphore (slot 0); {0} also records (or refreshes) the caller's
//   place in the key's queue (read-wait/write-wait, lasting wait_life_ms).
const RedisScript &acquireRw();
// KEYS hash, holders, waiters; ARGV token, channel, idle_ms (the key lives
// at least that long, and never shorter than it would have) -> the role the
// token had and was live ("slot", "read", "write", "read-wait",
// "write-wait"), or "" (nothing, or only an expired entry, which is dropped).
// Publishes the hash's name on the channel when someone waits for the key.
const RedisScript &release();
// KEYS hash, holders; ARGV token, ttl_ms -> {1, now_ms} renewed, {0} not held.
const RedisScript &renew();
// The control (LeaseConfig::semaphoreByCounting): the number of live holders,
// read in one script; the caller then inserts with insertCounted in another.
// KEYS hash, holders -> count.
const RedisScript &countHolders();
// KEYS hash, holders, fence; ARGV token, ttl_ms, permits, slot -> {fence, now_ms}.
const RedisScript &insertCounted();

} // namespace RedisSharedScripts

} // namespace lockscope
