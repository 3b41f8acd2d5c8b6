#pragma once

#include "base/result.h"
#include "db/connectionparams.h"

#include <QSqlDatabase>
#include <QString>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace lockscope {

// One connection of a ConnectionPool and the thread that owns it. Qt binds a
// QSqlDatabase to the thread that opened it, so the connection never moves: work
// is handed to the slot's thread and the caller waits for the answer. The
// connection is opened on first use and reopened after the server cut it.
class PoolSlot final {
public:
    PoolSlot(ConnectionParams params, QString connectionName);
    ~PoolSlot();
    PoolSlot(const PoolSlot &) = delete;
    PoolSlot &operator=(const PoolSlot &) = delete;

    // Runs `work` on the slot's thread with its open connection and returns what
    // it returned (or why the connection could not be opened).
    Status run(const std::function<Status(QSqlDatabase)> &work);

private:
    void loop();
    Status runHere(const std::function<Status(QSqlDatabase)> &work);

    ConnectionParams m_params;
    QString m_name;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace lockscope
