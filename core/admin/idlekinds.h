#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>

namespace lockscope {

// Kinds expire (issue 15): a semaphore or reader-writer key none of whose
// slots, readers, writers or waiters is live loses its kind, its claim on the
// key in aggregate_locks (migration 0009) and its expired rows, so the key can
// be used as any kind, or with another N, again. Atomic against acquires on
// both stores (PostgreSQL: lockscope_drop_idle_kind locks the kind row first;
// SQLite: one BEGIN IMMEDIATE transaction). A database without migration 0009
// has nothing to drop (0 is answered).
namespace IdleKinds {

// How many kinds were dropped (or, `dryRun`, are idle now).
Result<qint64> drop(QSqlDatabase db, const ConnectionParams &params, bool dryRun);

} // namespace IdleKinds

} // namespace lockscope
