#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QList>
#include <QSqlDatabase>

#include <chrono>

namespace lockscope {

// A session that waits on a heavyweight lock (any lock type), and who is in its way.
struct WaitingSession {
    int pid = 0;
    QList<int> blockedBy; // pg_blocking_pids, parallel workers folded into their leader
    double waitSeconds = 0;
    bool waitEstimated = false; // before PostgreSQL 14: since the waiting statement started
    bool operator==(const WaitingSession &) const = default;
};

// Only the sessions that wait, for the refresh that runs every few seconds: one
// statement over pg_stat_activity (pg_blocking_pids called for waiters only) that
// reads no lock rows of holders, so its cost does not grow with the locks held.
// The Locks tab's ServerLockInspector reads the whole picture; this reads the
// part the history and the alerts need.
namespace ServerWaits {

Result<QList<WaitingSession>>
read(QSqlDatabase db, const ConnectionParams &params,
     std::chrono::milliseconds statementTimeout = std::chrono::milliseconds(5000));

} // namespace ServerWaits

} // namespace lockscope
