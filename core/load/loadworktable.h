#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QHash>
#include <QString>

namespace lockscope {

// The load generator's counters (lockscope_load_counters, migration 0003) and its
// after-run checks. Statements run on the calling thread's own "load-work"
// connection -- never the lock's.
namespace LoadWorkTable {

// Creates the run's counters at 0 (before any worker starts).
Status prepare(const ConnectionParams &params, const QString &runId, const QStringList &keys);
// The deliberately non-atomic critical section: read, pause, write read + 1.
Status readValue(const ConnectionParams &params, const QString &runId, const QString &key,
                 qint64 *value);
Status writeValue(const ConnectionParams &params, const QString &runId, const QString &key,
                  qint64 value);
// The counters at the end of the run, by key.
Result<QHash<QString, qint64>> counters(const ConnectionParams &params, const QString &runId);
// Lease rows of this run still in aggregate_locks (must be 0 after a run).
Result<qint64> leftoverLeases(const ConnectionParams &params, const QString &runId);
// Forgets the run's counters.
Status drop(const ConnectionParams &params, const QString &runId);

} // namespace LoadWorkTable

} // namespace lockscope
