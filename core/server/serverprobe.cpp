#include "server/serverprobe.h"

#include "db/database.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace lockscope {

namespace {

// Held and expired as LeaseRow counts them: an expiry that is not a finite
// number (NaN, ±Infinity, NULL; text on SQLite) is neither. The rows that claim
// semaphore and reader-writer keys (migration 0009) are not leases.
QString leaseCountsSql(Driver driver) {
    const QString now = Database::nowSql(driver);
    const QString finite =
        driver == Driver::Postgres
            ? QStringLiteral("expires_at > '-Infinity' AND expires_at < 'Infinity' AND "
                             "expires_at <> 'NaN'")
            : QStringLiteral("typeof(expires_at) IN ('real', 'integer') AND "
                             "expires_at > -9e999 AND expires_at < 9e999");
    return QStringLiteral("SELECT count(*) FILTER (WHERE %1 AND expires_at > n.t AND owner_token "
                          "NOT IN ('lockscope:semaphore', 'lockscope:rw')), "
                          "count(*) FILTER (WHERE %1 AND expires_at <= n.t) "
                          "FROM aggregate_locks, (SELECT %2 AS t) n")
        .arg(finite, now);
}

void readWaits(QSqlQuery &q, const ConnectionParams &params, ServerStatus &status) {
    if (!q.exec(QStringLiteral("SELECT current_setting('server_version_num')::int")) || !q.next())
        return;
    const bool waitStart = q.value(0).toInt() >= 140000;
    status.waitEstimated = !waitStart;
    // Sessions, not locks: a session waits for one lock at a time. Before 14
    // (and in the moment before 14 fills waitstart in) the wait is counted from
    // the statement's start.
    const QString since = waitStart ? QStringLiteral("coalesce(l.waitstart, a.query_start)")
                                    : QStringLiteral("a.query_start");
    if (!q.exec(QStringLiteral("SELECT count(DISTINCT l.pid), "
                               "extract(epoch FROM clock_timestamp() - min(%1))::float8 "
                               "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                               "WHERE NOT l.granted AND l.pid <> pg_backend_pid()")
                    .arg(since)) ||
        !q.next()) {
        status.error = Database::classify(q.lastError(), params,
                                          QCoreApplication::translate("lockscope::ServerProbe",
                                                                      "read the waiting sessions"))
                           .message;
        return;
    }
    status.waiting = q.value(0).toInt();
    if (!q.isNull(1))
        status.longestWaitS = std::max(0.0, q.value(1).toDouble());
}

} // namespace

ServerStatus ServerProbe::probe(ConnectionParams params, int connectTimeoutS) {
    QElapsedTimer timer;
    timer.start();
    ServerStatus status;
    params.connectTimeoutS = std::clamp(params.connectTimeoutS, 1, std::max(1, connectTimeoutS));
    if (params.isRedis()) {
        status.error = QCoreApplication::translate(
            "lockscope::ServerProbe", "The Servers view shows PostgreSQL and SQLite profiles.");
        return status;
    }
    {
        // Read-only: a probe never creates a missing SQLite file nor switches
        // another program's file to WAL.
        ScopedConnection conn(params, QStringLiteral("probe"), Database::Access::ReadOnly);
        if (!conn.ok()) {
            status.error = conn.error().message;
            status.probeMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            return status;
        }
        status.reachable = true;
        QSqlDatabase db = conn.db();
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (params.isPostgres())
            (void)q.exec(QStringLiteral("SET statement_timeout = '5s'"));
        if (q.exec(leaseCountsSql(params.driver)) && q.next()) {
            status.leaseTable = true;
            status.held = q.value(0).toInt();
            status.expired = q.value(1).toInt();
        } else {
            const Error e = Database::classify(
                q.lastError(), params,
                QCoreApplication::translate("lockscope::ServerProbe", "count leases"));
            if (e.kind != ErrorKind::SchemaMissing)
                status.error = e.message;
        }
        q.finish();
        if (params.isPostgres())
            readWaits(q, params, status);
        q = QSqlQuery();
        db = QSqlDatabase();
    }
    status.probeMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return status;
}

} // namespace lockscope
