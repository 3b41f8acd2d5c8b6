#include "advisory/advisoryinspector.h"

#include "db/database.h"
#include "db/localsettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace lockscope {

namespace {

AdvisoryLockRow rowFrom(const QSqlQuery &q, double *dbNow) {
    AdvisoryLockRow row;
    row.pid = q.value(0).toInt();
    row.database = q.value(1).toString();
    row.user = q.value(2).toString();
    row.application = q.value(3).toString();
    row.clientAddress = q.value(4).toString();
    row.mode = q.value(5).toString();
    row.granted = q.value(6).toBool();
    row.waitSeconds = q.value(7).toDouble();
    row.blockedBy = AdvisoryInspector::parseIntArray(q.value(8).toString());
    row.transactionAge = q.value(9).toDouble();
    row.state = q.value(10).toString();
    row.query = q.value(11).toString();
    const int subid = q.value(12).toInt();
    const auto classid = static_cast<quint32>(q.value(13).toLongLong());
    const auto objid = static_cast<quint32>(q.value(14).toLongLong());
    row.isPair = subid == 2;
    if (row.isPair) {
        row.keyFirst = static_cast<qint32>(classid);
        row.keySecond = static_cast<qint32>(objid);
    } else {
        row.key = static_cast<qint64>((static_cast<quint64>(classid) << 32) | objid);
    }
    *dbNow = q.value(15).toDouble();
    return row;
}

} // namespace

QString AdvisoryLockRow::keyDisplay() const {
    return isPair ? QStringLiteral("(%1, %2)").arg(keyFirst).arg(keySecond) : QString::number(key);
}

QList<int> AdvisoryInspector::parseIntArray(const QString &text) {
    QList<int> list;
    QString inner = text.trimmed();
    if (inner.startsWith(QLatin1Char('{')))
        inner = inner.mid(1);
    if (inner.endsWith(QLatin1Char('}')))
        inner.chop(1);
    const QStringList parts = inner.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        bool ok = false;
        const int v = part.trimmed().toInt(&ok);
        if (ok)
            list << v;
    }
    return list;
}

Result<AdvisorySnapshot> AdvisoryInspector::snapshot(QSqlDatabase db,
                                                     const ConnectionParams &params,
                                                     std::chrono::milliseconds statementTimeout) {
    if (!params.isPostgres()) {
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::AdvisoryInspector",
                                        "Advisory locks exist only on PostgreSQL; this is a SQLite "
                                        "database, so there are none to show.")};
    }
    const QString what =
        QCoreApplication::translate("lockscope::AdvisoryInspector", "list the advisory locks");
    AdvisorySnapshot snap;
    // The timeout is the inspector's own: it ends with its statement, and the
    // caller's connection keeps its own (or its role's and database's).
    const Status read = LocalSettings::run(
        db, params, what,
        {{QStringLiteral("statement_timeout"),
          QStringLiteral("%1ms").arg(statementTimeout.count())}},
        [&](const QSqlDatabase &conn) -> Status {
            QSqlQuery q(conn);
            q.setForwardOnly(true);
            // pg_blocking_pids only for waiters: it is the expensive part on a busy server.
            if (!q.exec(QStringLiteral(
                    "SELECT l.pid, d.datname, a.usename, a.application_name, "
                    "host(a.client_addr), l.mode, l.granted, "
                    "CASE WHEN l.granted THEN 0 ELSE "
                    "extract(epoch from clock_timestamp() - a.query_start)::float8 END, "
                    "CASE WHEN l.granted THEN NULL ELSE pg_blocking_pids(l.pid)::text END, "
                    "coalesce(extract(epoch from clock_timestamp() - a.xact_start)::float8, -1), "
                    "a.state, a.query, l.objsubid, l.classid::bigint, l.objid::bigint, "
                    "extract(epoch from clock_timestamp())::float8 "
                    "FROM pg_locks l "
                    "LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
                    "LEFT JOIN pg_database d ON d.oid = l.database "
                    "WHERE l.locktype = 'advisory' "
                    "ORDER BY l.granted DESC, l.pid, l.classid, l.objid")))
                return Database::classify(q.lastError(), params, what);
            while (q.next())
                snap.rows.append(rowFrom(q, &snap.dbNow));
            q.finish();
            return {};
        });
    if (!read.ok())
        return read.error();
    return snap;
}

namespace {

BlockingNode buildNode(int pid, const QHash<int, QList<int>> &rowsOfPid,
                       const QHash<int, QList<int>> &blockedByPid, QSet<int> &placed) {
    BlockingNode node;
    node.pid = pid;
    node.rows = rowsOfPid.value(pid);
    placed.insert(pid);
    QList<int> waiters = blockedByPid.value(pid);
    std::sort(waiters.begin(), waiters.end());
    for (int waiter : std::as_const(waiters)) {
        if (!placed.contains(waiter)) // a cycle (a deadlock the server will break) stops here
            node.blocked.append(buildNode(waiter, rowsOfPid, blockedByPid, placed));
    }
    return node;
}

int subtreeSize(const BlockingNode &node) {
    int n = 1;
    for (const BlockingNode &child : node.blocked)
        n += subtreeSize(child);
    return n;
}

} // namespace

QList<BlockingNode> AdvisoryInspector::blockingTree(const AdvisorySnapshot &snapshot) {
    QHash<int, QList<int>> rowsOfPid;
    QHash<int, QList<int>> blockedByPid; // blocker -> the pids it blocks
    QSet<int> waiting;                   // pids blocked by someone
    QList<int> pids;
    for (int i = 0; i < snapshot.rows.size(); ++i) {
        const AdvisoryLockRow &row = snapshot.rows.at(i);
        if (!rowsOfPid.contains(row.pid))
            pids << row.pid;
        rowsOfPid[row.pid] << i;
        for (int blocker : row.blockedBy) {
            if (!blockedByPid[blocker].contains(row.pid))
                blockedByPid[blocker] << row.pid;
            waiting.insert(row.pid);
        }
    }
    QSet<int> placed;
    QList<BlockingNode> roots;
    for (int pid : std::as_const(pids)) {
        if (!waiting.contains(pid))
            roots.append(buildNode(pid, rowsOfPid, blockedByPid, placed));
    }
    // Blockers that hold no advisory lock themselves (they wait on one that a
    // waiter of theirs holds, or hold another kind of lock) and cycles.
    for (auto it = blockedByPid.cbegin(); it != blockedByPid.cend(); ++it) {
        if (!placed.contains(it.key()) && !waiting.contains(it.key()))
            roots.append(buildNode(it.key(), rowsOfPid, blockedByPid, placed));
    }
    for (int pid : std::as_const(pids)) {
        if (!placed.contains(pid))
            roots.append(buildNode(pid, rowsOfPid, blockedByPid, placed));
    }
    // Root blockers first: the most sessions behind them first, then by pid.
    std::stable_sort(roots.begin(), roots.end(), [](const BlockingNode &a, const BlockingNode &b) {
        const int sa = subtreeSize(a);
        const int sb = subtreeSize(b);
        return sa != sb ? sa > sb : a.pid < b.pid;
    });
    return roots;
}

} // namespace lockscope
