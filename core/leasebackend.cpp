#include "leasebackend.h"

#include "database.h"
#include "leasesql.h"
#include "releaselistener.h"
#include "threadconnections.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

double seconds(std::chrono::milliseconds ms) {
    return static_cast<double>(ms.count()) / 1000.0;
}

} // namespace

LeaseBackend::LeaseBackend(ConnectionParams params, LeaseConfig config)
    : m_params(std::move(params))
    , m_config(std::move(config)) {
    if (m_config.ownerId.isEmpty())
        m_config.ownerId = LeaseConfig::defaultOwnerId();
}

LeaseBackend::~LeaseBackend() = default;

bool LeaseBackend::listenForReleases() {
    if (!m_params.isPostgres() || !m_config.releaseNotifications)
        return false;
    {
        std::lock_guard lock(m_listenerMutex);
        if (!m_listener) {
            m_listener = std::make_unique<ReleaseListener>(
                m_params, [this](const QString &key) { m_wakeups.wake(key); });
        }
    }
    return m_listener->ensureListening();
}

template <typename T> Result<T> LeaseBackend::failed(const QSqlError &error, const QString &what) {
    const Error e = Database::classify(error, m_params, what);
    if (Database::isConnectionLost(error))
        ThreadConnections::drop(m_params, connectionPurpose());
    if (Database::isContention(error))
        return Error{ErrorKind::Busy, e.message};
    return e;
}

Result<std::optional<LeaseInfo>> LeaseBackend::acquireOnce(const QString &key,
                                                           const QString &token) {
    const QString what = QStringLiteral("acquire the lease '%1'").arg(key);
    auto statement = ThreadConnections::prepared(m_params, connectionPurpose(),
                                                 LeaseSql::acquire(m_params.driver));
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, key);
    q.bindValue(1, token);
    q.bindValue(2, seconds(m_config.ttl));
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return failed<std::optional<LeaseInfo>>(error, what);
    }
    std::optional<LeaseInfo> info;
    if (q.next()) {
        info = LeaseInfo{key, token, q.value(0).toDouble(), q.value(1).toDouble(),
                         q.value(2).toBool()};
    }
    q.finish(); // SQLite commits the statement's write only when it is reset
    return info;
}

Result<bool> LeaseBackend::releaseOnce(const QString &key, const QString &token) {
    auto statement = ThreadConnections::prepared(m_params, connectionPurpose(),
                                                 LeaseSql::release(m_params.driver));
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, key);
    q.bindValue(1, token);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return failed<bool>(error, QStringLiteral("release the lease '%1'").arg(key));
    }
    const bool released = m_params.isPostgres() ? q.next() : q.numRowsAffected() > 0;
    q.finish();
    return released;
}

Result<std::optional<double>> LeaseBackend::renewOnce(const QString &key, const QString &token,
                                                      std::chrono::milliseconds ttl) {
    auto statement = ThreadConnections::prepared(m_params, connectionPurpose(),
                                                 LeaseSql::renew(m_params.driver));
    if (!statement.ok())
        return statement.error();
    QSqlQuery &q = *statement.value();
    q.bindValue(0, seconds(ttl));
    q.bindValue(1, key);
    q.bindValue(2, token);
    m_statements.fetch_add(1, std::memory_order_relaxed);
    if (!q.exec()) {
        const QSqlError error = q.lastError();
        q.finish();
        return failed<std::optional<double>>(error,
                                             QStringLiteral("renew the lease '%1'").arg(key));
    }
    std::optional<double> expires;
    if (q.next())
        expires = q.value(0).toDouble();
    q.finish();
    return expires;
}

} // namespace lockscope
