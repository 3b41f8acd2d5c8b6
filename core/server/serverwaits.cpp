#include "server/serverwaits.h"

#include "advisory/advisoryinspector.h"
#include "db/database.h"
#include "db/localsettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

namespace lockscope {

namespace {

// The waiters, and every parallel worker's leader (to fold workers into it).
QString waitsSql(int version) {
    const QString leader =
        version >= 130000 ? QStringLiteral("a.leader_pid") : QStringLiteral("NULL::int");
    const QString wait =
        version >= 140000
            ? QStringLiteral("(SELECT extract(epoch from t.now - min(l.waitstart))::float8 "
                             "FROM pg_locks l WHERE l.pid = a.pid AND NOT l.granted)")
            : QStringLiteral("NULL::float8");
    return QStringLiteral("SELECT a.pid, %1, pg_blocking_pids(a.pid)::text, %2, "
                          "coalesce(extract(epoch from t.now - a.query_start)::float8, 0) "
                          "FROM pg_stat_activity a CROSS JOIN (SELECT clock_timestamp() AS now) t "
                          "WHERE a.wait_event_type = 'Lock' AND a.pid <> pg_backend_pid()")
        .arg(leader, wait);
}

} // namespace

Result<QList<WaitingSession>> ServerWaits::read(QSqlDatabase db, const ConnectionParams &params,
                                                std::chrono::milliseconds statementTimeout) {
    if (!params.isPostgres()) {
        return Error{ErrorKind::Unsupported,
                     QCoreApplication::translate("lockscope::ServerWaits",
                                                 "Server lock waits exist only on PostgreSQL.")};
    }
    const QString what = QCoreApplication::translate("lockscope::ServerWaits",
                                                     "read the sessions that wait for locks");
    QList<WaitingSession> waiting;
    QHash<int, int> leaderOf;
    const Status read = LocalSettings::run(
        db, params, what,
        {{QStringLiteral("statement_timeout"),
          QStringLiteral("%1ms").arg(statementTimeout.count())}},
        [&](const QSqlDatabase &conn) -> Status {
            QSqlQuery q(conn);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral("SELECT current_setting('server_version_num')::int")) ||
                !q.next())
                return Database::classify(q.lastError(), params, what);
            const int version = q.value(0).toInt();
            q.finish();
            if (!q.exec(waitsSql(version)))
                return Database::classify(q.lastError(), params, what);
            while (q.next()) {
                WaitingSession w;
                w.pid = q.value(0).toInt();
                if (!q.isNull(1) && q.value(1).toInt() != w.pid)
                    leaderOf.insert(w.pid, q.value(1).toInt());
                w.blockedBy = AdvisoryInspector::parseIntArray(q.value(2).toString());
                w.waitEstimated = q.isNull(3);
                w.waitSeconds = w.waitEstimated ? q.value(4).toDouble() : q.value(3).toDouble();
                waiting.append(w);
            }
            q.finish();
            return {};
        });
    if (!read.ok())
        return read.error();
    // A worker's wait is its leader's: one entry per leader, the longest wait.
    QList<WaitingSession> folded;
    QHash<int, int> indexOf;
    for (WaitingSession w : std::as_const(waiting)) {
        w.pid = leaderOf.value(w.pid, w.pid);
        for (int &b : w.blockedBy)
            b = leaderOf.value(b, b);
        w.blockedBy.removeAll(w.pid);
        const auto found = indexOf.constFind(w.pid);
        if (found == indexOf.cend()) {
            indexOf.insert(w.pid, static_cast<int>(folded.size()));
            folded.append(w);
            continue;
        }
        WaitingSession &into = folded[*found];
        into.waitSeconds = std::max(into.waitSeconds, w.waitSeconds);
        for (int b : std::as_const(w.blockedBy)) {
            if (!into.blockedBy.contains(b))
                into.blockedBy << b;
        }
    }
    return folded;
}

} // namespace lockscope
