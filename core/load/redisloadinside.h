#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "load/loadinside.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace lockscope {

// LoadInside on Redis: each of the run's keys has the hash
// lockscope:load-inside:<prefix><run>:<lock key> (under LockScope's own
// prefix, never listed as a lock) with the fields inside, max_inside,
// readers, writers and overlapped, changed by one script per enter or leave
// on the calling thread's own "load-work" connection, never the lock's.
namespace RedisLoadInside {

Status prepare(const ConnectionParams &params, const QString &runId, const QStringList &keys);
Status enter(const ConnectionParams &params, const QString &runId, const QString &key,
             LoadInside::Role role);
Status leave(const ConnectionParams &params, const QString &runId, const QString &key,
             LoadInside::Role role);
Result<QHash<QString, LoadInside::Figures>> figures(const ConnectionParams &params,
                                                    const QString &runId);
Status drop(const ConnectionParams &params, const QString &runId);

} // namespace RedisLoadInside

} // namespace lockscope
