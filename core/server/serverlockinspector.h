#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "server/serverlock.h"

#include <QSqlDatabase>

#include <chrono>

namespace lockscope {

// Every lock on the PostgreSQL server (all of pg_locks, every lock type), the
// sessions that hold or await them (pg_stat_activity) and who blocks whom
// (pg_blocking_pids), for `lockctl locks`, `blocking`, `check` and the GUI's
// Locks tab. Runs on the caller's (worker) connection: three statements (the
// server's version and clock, the locks, the sessions) in one transaction of its
// own under `statementTimeout`, so a server whose lock manager is busy never
// freezes the caller.
namespace ServerLockInspector {

// Parallel workers are folded into their leader (pg_stat_activity.leader_pid,
// PostgreSQL 13+): their locks count as the leader's, and a worker's wait is the
// leader's. Transaction ids and virtual xids name the session whose transaction
// they are. On SQLite: Unsupported, with a sentence to show.
Result<ServerLockSnapshot>
snapshot(QSqlDatabase db, const ConnectionParams &params,
         std::chrono::milliseconds statementTimeout = std::chrono::milliseconds(10000));

// The kind of a relation, from pg_class.relkind and relispartition.
QString relationKind(const QString &relkind, bool isPartition);

} // namespace ServerLockInspector

} // namespace lockscope
