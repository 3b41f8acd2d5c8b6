#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "db/pooledconnection.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace lockscope {

class CancelToken;
class PoolSlot;

// A fixed number of connections to one database, handed out one holder at a
// time with a bounded wait. Connections open on first use and reopen after the
// server cut them. Lock connections and work connections belong in different
// pools: a holder that keeps a lock connection while waiting for a work
// connection from the same, exhausted pool waits forever (CriticalSection
// refuses that arrangement).
class ConnectionPool final {
public:
    ConnectionPool(ConnectionParams params, int size, QString name);
    ~ConnectionPool();
    ConnectionPool(const ConnectionPool &) = delete;
    ConnectionPool &operator=(const ConnectionPool &) = delete;

    // A free connection, waiting at most `timeout` (Timeout, which names the pool
    // and says what an exhausted pool usually means) or until `cancel`.
    Result<PooledConnection> acquire(std::chrono::milliseconds timeout,
                                     const CancelToken *cancel = nullptr);

    const QString &name() const { return m_name; }
    int size() const { return static_cast<int>(m_slots.size()); }
    int inUse() const;
    // Waits that ran out, since the pool was made.
    quint64 timeouts() const { return m_timeouts.load(); }
    const ConnectionParams &params() const { return m_params; }

private:
    friend class PooledConnection;
    void giveBack(int slot);

    ConnectionParams m_params;
    QString m_name;
    std::vector<std::unique_ptr<PoolSlot>> m_slots;
    mutable std::mutex m_mutex;
    std::condition_variable m_freed;
    std::vector<int> m_free;
    std::atomic<quint64> m_timeouts{0};
};

} // namespace lockscope
