#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/redislockrow.h"

#include <QList>

namespace lockscope {

class RedisConnection;

struct RedisLockSnapshot {
    double serverNow = 0; // the server's clock (TIME), epoch seconds
    QList<RedisLockRow> rows;
};

// Reads the locks of a Redis database without blocking it: SCAN with MATCH in
// batches (never KEYS), and per batch one pipeline of TYPE, PTTL, GET and the
// fence counter's GET for each key (a second pipeline of HSCAN … COUNT 4 for
// hashes, to show a Redisson-style holder). LockScope's own keys (lockscope:fence:…, …) are left
// out.
namespace RedisInspector {

// `redisGlob`: a Redis glob (* ? [..]) on the key without the prefix; empty: all.
Result<RedisLockSnapshot> snapshot(RedisConnection &connection, const QString &redisGlob,
                                   int batch = 1000);
// The glob with its special characters escaped, for a literal prefix.
QByteArray escapeGlob(const QByteArray &literal);

} // namespace RedisInspector

} // namespace lockscope
