#pragma once

#include "db/connectionparams.h"
#include "redis/redisscript.h"

#include <QByteArray>
#include <QString>

namespace lockscope {

// The Redis lease protocol: the key names and the compare-and-act scripts.
//
// A lease on KEY is the string key <prefix>KEY holding the owner token, with
// the TTL as the key's expiry (SET NX PX semantics: the server's clock decides).
// Its fence counter is the key lockscope:fence:<prefix>KEY, incremented in the
// acquire script and never deleted (not by release, expiry, a forced release
// or a DEL of the lease key), so fences strictly increase per key for as long
// as the server keeps its data.
namespace RedisLeaseScripts {

QByteArray leaseKey(const ConnectionParams &params, const QString &key);
QByteArray fenceKey(const ConnectionParams &params, const QString &key);
// The same from the lease's key as leaseKey() gave it (no second conversion).
QByteArray fenceKeyOf(const QByteArray &leaseKey);
QByteArray waitersKeyOf(const QByteArray &leaseKey);
// Keys of LockScope's own bookkeeping, never listed as leases.
QByteArray internalPrefix(); // "lockscope:fence:", "lockscope:waiters:", … live under it
// The waiters of KEY: a sorted set lockscope:waiters:<prefix>KEY of waiting
// tokens scored by when their registration lapses (ms, the server's clock).
// The whole set expires one registration life after the last registration,
// and Redis deletes it when its last member is removed.
QByteArray waitersKey(const ConnectionParams &params, const QString &key);
// The channel the release script publishes the released Redis key on.
QByteArray releaseChannel();

// KEYS lease, fence[, waiters]; ARGV token, ttl_ms ->
//   {1, fence, time_s, time_us}  acquired (or re-taken with the same token);
//                                the token's waiter registration is removed
//                                when the waiters key is given
//   {0, pttl}                    held by another value (pttl -1: no expiry)
//   {-1, type, kind, permits}    the key is of another type: a semaphore or
//                                reader-writer lease (a hash, RedisSharedScripts)
//                                or another program's key
const RedisScript &acquire();
// KEYS lease, waiters; ARGV token, channel -> 1 released, 0 absent (expired,
// or never taken), -1 held by another value or another type. Publishes the
// released key only when someone waits for it (the waiters key exists), so an
// uncontended release wakes no process.
const RedisScript &release();
// KEYS waiters; ARGV token, life_ms -> 1. Adds (or renews) the token's
// registration, drops lapsed ones and extends the set's life.
const RedisScript &registerWaiter();
// KEYS lease; ARGV token, ttl_ms -> {1, time_s, time_us} renewed, {0} not ours.
const RedisScript &renew();

} // namespace RedisLeaseScripts

} // namespace lockscope
