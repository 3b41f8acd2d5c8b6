#pragma once

#include "base/result.h"

#include <QSqlDatabase>

#include <functional>

namespace lockscope {

class ConnectionPool;
class PoolSlot;

// A connection taken from a ConnectionPool: exclusively the holder's until it is
// destroyed (or moved from), when it goes back to the pool. Session state -- an
// advisory lock, a transaction -- stays with it while it is held.
class PooledConnection final {
public:
    PooledConnection() = default;
    PooledConnection(ConnectionPool *pool, int slot, PoolSlot *connection);
    ~PooledConnection();
    PooledConnection(PooledConnection &&other) noexcept;
    PooledConnection &operator=(PooledConnection &&other) noexcept;
    PooledConnection(const PooledConnection &) = delete;
    PooledConnection &operator=(const PooledConnection &) = delete;

    bool isValid() const { return m_pool != nullptr; }
    // Runs `work` with the connection (on the connection's own thread) and waits.
    Status run(const std::function<Status(QSqlDatabase)> &work) const;
    // Gives the connection back now.
    void release();

private:
    ConnectionPool *m_pool = nullptr;
    int m_slot = -1;
    PoolSlot *m_connection = nullptr;
};

} // namespace lockscope
