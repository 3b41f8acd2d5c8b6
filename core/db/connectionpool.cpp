#include "db/connectionpool.h"

#include "base/canceltoken.h"
#include "base/duration.h"
#include "db/poolslot.h"

#include <QAtomicInteger>
#include <QCoreApplication>

namespace lockscope {

namespace {
QAtomicInteger<quint64> g_poolSerial;
}

ConnectionPool::ConnectionPool(ConnectionParams params, int size, QString name)
    : m_params(std::move(params))
    , m_name(std::move(name)) {
    const quint64 serial = ++g_poolSerial;
    for (int i = 0; i < std::max(size, 1); ++i) {
        m_slots.push_back(std::make_unique<PoolSlot>(
            m_params, QStringLiteral("lockscope-pool-%1-%2-%3").arg(m_name).arg(serial).arg(i)));
        m_free.push_back(i);
    }
}

ConnectionPool::~ConnectionPool() = default;

int ConnectionPool::inUse() const {
    std::lock_guard lock(m_mutex);
    return size() - static_cast<int>(m_free.size());
}

Result<PooledConnection> ConnectionPool::acquire(std::chrono::milliseconds timeout,
                                                 const CancelToken *cancel) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    int listener = 0;
    if (cancel)
        listener = cancel->addListener([this] {
            std::lock_guard lock(m_mutex); // no lost wake-up between check and wait
            m_freed.notify_all();
        });
    std::unique_lock lock(m_mutex);
    const bool got = m_freed.wait_until(
        lock, deadline, [&] { return !m_free.empty() || (cancel && cancel->isCancelled()); });
    const bool cancelled = cancel && cancel->isCancelled();
    int slot = -1;
    if (got && !cancelled) {
        slot = m_free.back();
        m_free.pop_back();
    }
    lock.unlock();
    if (cancel)
        cancel->removeListener(listener);
    if (slot >= 0)
        return PooledConnection(this, slot, m_slots[static_cast<std::size_t>(slot)].get());
    if (cancelled)
        return Error{
            ErrorKind::Cancelled,
            QCoreApplication::translate("lockscope::ConnectionPool",
                                        "The wait for a connection of the pool '%1' was cancelled.")
                .arg(m_name)};
    ++m_timeouts;
    return Error{ErrorKind::Timeout,
                 QCoreApplication::translate(
                     "lockscope::ConnectionPool",
                     "All %1 connections of the pool '%2' stayed in use for %3. If "
                     "their holders wait for another connection from this same pool, "
                     "that is a deadlock: give locks a pool of their own "
                     "(CriticalSection does), or make the pool larger.")
                     .arg(size())
                     .arg(m_name, Duration::format(timeout))};
}

void ConnectionPool::giveBack(int slot) {
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(slot);
    }
    m_freed.notify_one();
}

} // namespace lockscope
