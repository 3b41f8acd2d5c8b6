#pragma once

#include "advisory/advisorykey.h"
#include "base/result.h"

#include <QSqlDatabase>

#include <chrono>
#include <functional>

namespace lockscope {

class CancelToken;
class ConnectionPool;

// The safe shape of "take a PostgreSQL advisory lock, then do work on the
// database": the lock is taken and held on a connection from `locks`, the work
// runs on a connection from `work`, and the two pools must differ. With one
// shared pool, N holders can each keep a lock connection while waiting for a work
// connection that never frees up -- a deadlock that only bounded waits end.
// Every wait (lock connection, the lock, work connection) is bounded by
// `timeout`; the lock is released whatever the work returned.
namespace CriticalSection {

Status run(ConnectionPool &locks, ConnectionPool &work, const AdvisoryKey &key,
           std::chrono::milliseconds timeout, const std::function<Status(QSqlDatabase)> &body,
           const CancelToken *cancel = nullptr);

} // namespace CriticalSection

} // namespace lockscope
