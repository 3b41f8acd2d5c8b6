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
// Keys of LockScope's own bookkeeping, never listed as leases.
QByteArray internalPrefix(); // "lockscope:fence:" and "lockscope:resource:" live under it
// The channel the release script publishes the released Redis key on.
QByteArray releaseChannel();

// KEYS lease, fence; ARGV token, ttl_ms ->
//   {1, fence, time_s, time_us}  acquired (or re-taken with the same token)
//   {0, pttl}                    held by another value (pttl -1: no expiry)
const RedisScript &acquire();
// KEYS lease; ARGV token, channel -> 1 released (and published), 0 absent
// (expired, or never taken), -1 held by another value or another type.
const RedisScript &release();
// KEYS lease; ARGV token, ttl_ms -> {1, time_s, time_us} renewed, {0} not ours.
const RedisScript &renew();

} // namespace RedisLeaseScripts

} // namespace lockscope
