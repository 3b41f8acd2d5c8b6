#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace lockscope {

// The protected resource's side of fencing. A holder that paused past its TTL
// (GC, SIGSTOP, a slow disk) may wake up still believing it holds the lease;
// fencing makes its late write harmless: each write carries the holder's fence,
// and a resource accepts it only if the fence is at least the highest it has
// accepted before (lockscope_resource_fences, migration 0004).
//
//   auto lease = locks.lock("invoice/42");
//   FencedWrite::apply(workDb, params, "invoice/42", *lease->fence(), [&](QSqlDatabase db) {
//       QSqlQuery q(db);  …  return Status{};   // the write itself, same transaction
//   });
namespace FencedWrite {

// In one transaction on `db` (the WORK connection, not the lock's): raises the
// resource's highest fence to `fence` if `fence` is at least that high and runs
// `write`; commits. Returns false, changing nothing, when a newer holder already
// wrote (the fence is stale). An error from `write` rolls everything back.
Result<bool> apply(QSqlDatabase db, const ConnectionParams &params, const QString &resource,
                   qint64 fence, const std::function<Status(QSqlDatabase)> &write);

// The highest fence the resource has accepted (0 when none).
Result<qint64> highest(QSqlDatabase db, const ConnectionParams &params, const QString &resource);

} // namespace FencedWrite

} // namespace lockscope
