#include "lease/rowlocker.h"

#include "base/duration.h"

#include <QCoreApplication>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QVariant>

#include <chrono>

namespace lockscope {

std::optional<RowLocker::Session>
RowLocker::of(const QSqlDatabase &db, const ConnectionParams &params, const QString &key) {
    if (!params.isPostgres())
        return std::nullopt;
    // A row locked by several transactions (FOR SHARE) has a multixact in xmax,
    // which names no single transaction: nothing matches then.
    // A look-up for an error message must not become the next wait: its own
    // transaction, and no longer than 2 s on a server too busy to answer.
    QSqlDatabase conn = db;
    if (!conn.transaction())
        return std::nullopt;
    const auto end = qScopeGuard([&conn] { conn.rollback(); });
    QSqlQuery q(conn);
    if (!q.exec(QStringLiteral("SET LOCAL statement_timeout = '2s'")))
        return std::nullopt;
    q.prepare(QStringLiteral(
        "SELECT a.pid, a.application_name, a.state, "
        "extract(epoch from clock_timestamp() - a.xact_start)::float8 "
        "FROM aggregate_locks r JOIN pg_locks l ON l.locktype = 'transactionid' AND l.granted "
        "AND l.mode = 'ExclusiveLock' AND l.transactionid = r.xmax "
        "JOIN pg_stat_activity a ON a.pid = l.pid WHERE r.lock_key = ? AND r.xmax::text <> '0'"));
    q.addBindValue(key);
    if (!q.exec() || !q.next())
        return std::nullopt;
    Session s;
    s.pid = q.value(0).toLongLong();
    s.application = q.value(1).toString();
    s.state = q.value(2).toString();
    s.transactionS = q.value(3).toDouble();
    return s;
}

QString RowLocker::describe(const Session &session) {
    const auto open = std::chrono::milliseconds(static_cast<qint64>(session.transactionS * 1000));
    return QCoreApplication::translate("lockscope::RowLocker",
                                       "session %1 (%2, %3, its transaction open for %4)")
        .arg(session.pid)
        .arg(session.application.isEmpty() ? QStringLiteral("no application name")
                                           : session.application,
             session.state.isEmpty() ? QStringLiteral("state unknown") : session.state,
             Duration::format(open));
}

QString RowLocker::advice(const QSqlDatabase &db, const ConnectionParams &params,
                          const QString &key) {
    const auto locker = of(db, params, key);
    return locker ? adviceFor(*locker) : adviceWithoutSession();
}

QString RowLocker::adviceFor(const Session &session) {
    return QCoreApplication::translate("lockscope::RowLocker",
                                       "Its row is held locked by %1: end that transaction "
                                       "(`lockctl terminate-backend %2`) or wait for it.")
        .arg(describe(session), QString::number(session.pid));
}

QString RowLocker::adviceWithoutSession() {
    return QCoreApplication::translate(
        "lockscope::RowLocker",
        "`lockctl locks` lists the sessions and the transactions they hold open.");
}

} // namespace lockscope
