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
    , m_config(std::move(config))
    , m_connection(m_params, connectionPurpose())
    , m_acquireSql(LeaseSql::acquire(m_params.driver))
    , m_releaseSql(LeaseSql::release(m_params.driver))
    , m_renewSql(LeaseSql::renew(m_params.driver))
    , m_pgAcquire("lockscope_acquire", m_acquireSql)
    , m_pgRelease("lockscope_release", m_releaseSql)
    , m_ttlText(QByteArray::number(seconds(m_config.ttl), 'g', 17)) {
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
        ThreadConnections::drop(m_connection);
    if (Database::isContention(error))
        return Error{ErrorKind::Busy, e.message};
    return e;
}

Result<PgRows> LeaseBackend::execPostgres(const PgStatement &statement,
                                          std::initializer_list<QByteArray> values,
                                          const QString &what) {
    std::optional<Result<PgRows>> rows;
    {
        auto db = ThreadConnections::get(m_params, m_connection);
        if (!db.ok())
            return db.error();
        m_statements.fetch_add(1, std::memory_order_relaxed);
        rows.emplace(statement.exec(db.value(), m_params, values, what));
    } // the connection handle is gone before a lost connection is dropped
    if (!rows->ok() && rows->error().kind == ErrorKind::Connection)
        ThreadConnections::drop(m_connection);
    if (!rows->ok() && rows->error().kind == ErrorKind::Busy)
        return Error{ErrorKind::Busy, rows->error().message};
    return std::move(*rows);
}

Result<std::optional<LeaseInfo>> LeaseBackend::acquireOnce(const QString &key,
                                                           const QString &token) {
    if (m_params.isPostgres()) {
        auto rows = execPostgres(m_pgAcquire, {key.toUtf8(), token.toUtf8(), m_ttlText},
                                 QStringLiteral("acquire the lease '%1'").arg(key));
        if (!rows.ok())
            return rows.error();
        if (rows->count() == 0)
            return std::optional<LeaseInfo>();
        return std::optional<LeaseInfo>(
            LeaseInfo{key, token, rows->toDouble(0, 0), rows->toDouble(0, 1), rows->toBool(0, 2)});
    }
    auto statement = ThreadConnections::prepared(m_params, m_connection, m_acquireSql);
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
        return failed<std::optional<LeaseInfo>>(error,
                                                QStringLiteral("acquire the lease '%1'").arg(key));
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
    if (m_params.isPostgres()) {
        auto rows = execPostgres(m_pgRelease, {key.toUtf8(), token.toUtf8()},
                                 QStringLiteral("release the lease '%1'").arg(key));
        if (!rows.ok())
            return rows.error();
        return rows->count() > 0; // the CTE returns the deleted row's notification
    }
    auto statement = ThreadConnections::prepared(m_params, m_connection, m_releaseSql);
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
    const bool released = q.numRowsAffected() > 0;
    q.finish();
    return released;
}

Result<std::optional<double>> LeaseBackend::renewOnce(const QString &key, const QString &token,
                                                      std::chrono::milliseconds ttl) {
    auto statement = ThreadConnections::prepared(m_params, m_connection, m_renewSql);
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
