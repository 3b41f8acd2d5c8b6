#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace lockscope {

// LoadWorkTable on Redis: each of the run's counters is the string key
// lockscope:load:<prefix><run>:<lock key> (under LockScope's own prefix, so
// never listed as a lock). The critical section is the same deliberately
// non-atomic read-then-write: GET, pause, SET read + 1, on the calling
// thread's own "load-work" connection, never the lock's.
namespace RedisLoadWork {

Status prepare(const ConnectionParams &params, const QString &runId, const QStringList &keys);
Status readValue(const ConnectionParams &params, const QString &runId, const QString &key,
                 qint64 *value);
Status writeValue(const ConnectionParams &params, const QString &runId, const QString &key,
                  qint64 value);
Result<QHash<QString, qint64>> counters(const ConnectionParams &params, const QString &runId);
// Lease keys of this run still present (SCAN MATCH <prefix>load/<run>/*).
Result<qint64> leftoverLeases(const ConnectionParams &params, const QString &runId);
Status drop(const ConnectionParams &params, const QString &runId);

} // namespace RedisLoadWork

} // namespace lockscope
