#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/redislockrow.h"
#include "lease/sharedlockrow.h"

#include <QList>

namespace lockscope {

class RedisConnection;

struct RedisLockSnapshot {
    double serverNow = 0; // the server's clock (TIME), epoch seconds
    QList<RedisLockRow> rows;
    // Semaphores and reader-writer leases (RedisSharedScripts): hashes whose
    // `kind` field says so, listed here and not among the rows.
    QList<SharedKeyRow> shared;
};

// Reads the locks of a Redis database without blocking it: SCAN with MATCH in
// batches (never KEYS), and per batch one pipeline of an MGET of the values, an
// MGET of the fence counters and each key's PTTL; the TYPE of the keys without
// a string value, and HSCAN … COUNT 4 of hashes (a Redisson-style holder), in
// two more; a hash that is a semaphore or reader-writer lease is read whole
// (its kind record and its holders set) in one last pipeline. LockScope's own
// keys (lockscope:fence:…, lockscope:holders:…, …) are left out.
namespace RedisInspector {

// The keys of RedisScope::of(params, redisGlob): `redisGlob` is a Redis glob
// (* ? [..]) on the key without the prefix; empty: the connection's match, and
// with neither a prefix nor a match only LockScope's own locks (RedisScope).
Result<RedisLockSnapshot> snapshot(RedisConnection &connection, const QString &redisGlob,
                                   int batch = 1000);
// The glob with its special characters escaped, for a literal prefix.
QByteArray escapeGlob(const QByteArray &literal);

} // namespace RedisInspector

} // namespace lockscope
