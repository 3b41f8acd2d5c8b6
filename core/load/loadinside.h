#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace lockscope {

// The load generator's critical section for semaphores and reader-writer
// leases (lockscope_load_inside, migration 0008; on Redis RedisLoadInside):
// every holder counts itself in
// and out with one atomic UPDATE on the "load-work" connection (never the
// lock's), which keeps the most holders ever inside at once and counts a
// reader that entered while a writer was inside, or a writer that entered
// while anyone was.
namespace LoadInside {

enum class Role { Holder, Reader, Writer };

struct Figures {
    qint64 maxInside = 0;
    qint64 overlaps = 0;
};

Status prepare(const ConnectionParams &params, const QString &runId, const QStringList &keys);
Status enter(const ConnectionParams &params, const QString &runId, const QString &key, Role role);
Status leave(const ConnectionParams &params, const QString &runId, const QString &key, Role role);
Result<QHash<QString, Figures>> figures(const ConnectionParams &params, const QString &runId);
Status drop(const ConnectionParams &params, const QString &runId);

} // namespace LoadInside

} // namespace lockscope
