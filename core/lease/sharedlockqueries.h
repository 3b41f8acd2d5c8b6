#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/sharedlockrow.h"

#include <QSqlDatabase>

namespace lockscope {

// Read-only: every semaphore and reader-writer key with its holders and
// waiters, on the caller's (worker) connection. A database without migration
// 0008 answers an empty snapshot with `available` false; a role that may not
// read those tables (PostgreSQL) an empty one with `unreadable` saying which
// and what to grant -- not an error, so the leases can still be shown.
namespace SharedLockQueries {

Result<SharedLockSnapshot> snapshot(QSqlDatabase db, const ConnectionParams &params);

} // namespace SharedLockQueries

} // namespace lockscope
