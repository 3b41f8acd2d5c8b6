#include "db/pooledconnection.h"

#include "db/connectionpool.h"
#include "db/poolslot.h"

#include <QCoreApplication>

namespace lockscope {

PooledConnection::PooledConnection(ConnectionPool *pool, int slot, PoolSlot *connection)
    : m_pool(pool)
    , m_slot(slot)
    , m_connection(connection) {}

PooledConnection::~PooledConnection() {
    release();
}

PooledConnection::PooledConnection(PooledConnection &&other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr))
    , m_slot(std::exchange(other.m_slot, -1))
    , m_connection(std::exchange(other.m_connection, nullptr)) {}

PooledConnection &PooledConnection::operator=(PooledConnection &&other) noexcept {
    if (this != &other) {
        release();
        m_pool = std::exchange(other.m_pool, nullptr);
        m_slot = std::exchange(other.m_slot, -1);
        m_connection = std::exchange(other.m_connection, nullptr);
    }
    return *this;
}

Status PooledConnection::run(const std::function<Status(QSqlDatabase)> &work) const {
    if (!m_connection)
        return Error{ErrorKind::InvalidArgument,
                     QCoreApplication::translate("lockscope::PooledConnection",
                                                 "This pooled connection was already given back.")};
    return m_connection->run(work);
}

void PooledConnection::release() {
    if (m_pool)
        m_pool->giveBack(m_slot);
    m_pool = nullptr;
    m_slot = -1;
    m_connection = nullptr;
}

} // namespace lockscope
