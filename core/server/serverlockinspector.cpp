#include "server/serverlockinspector.h"

#include "advisory/advisoryinspector.h"
#include "db/database.h"
#include "db/localsettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace lockscope {

namespace {

// pg_class is per database: a relation's OID is looked up only when the lock is
// in the inspector's database or on a shared catalog (database 0).
QString locksSql(int version) {
    const QString partition =
        version >= 100000 ? QStringLiteral("c.relispartition") : QStringLiteral("false");
    const QString wait = version >= 140000
                             ? QStringLiteral("extract(epoch from clock_timestamp() - l.waitstart)")
                             : QStringLiteral("NULL");
    return QStringLiteral(
               "SELECT coalesce(l.pid, 0), l.locktype, l.mode, l.granted, l.fastpath, d.datname, "
               "l.relation::bigint, "
               "CASE WHEN c.oid IS NOT NULL THEN quote_ident(n.nspname) || '.' || "
               "quote_ident(c.relname) END, "
               "c.relkind::text, %1, l.page, l.tuple, l.virtualxid, l.transactionid::text, "
               "l.classid::bigint, l.objid::bigint, l.objsubid, "
               "CASE WHEN l.locktype = 'object' AND (l.database = 0 OR l.database = me.oid) "
               "THEN pg_describe_object(l.classid, l.objid, l.objsubid::int) END, "
               "CASE WHEN NOT l.granted THEN (%2)::float8 END "
               "FROM pg_locks l "
               "CROSS JOIN (SELECT oid FROM pg_database WHERE datname = current_database()) me "
               "LEFT JOIN pg_database d ON d.oid = l.database "
               "LEFT JOIN pg_class c ON c.oid = l.relation "
               "AND (l.database = 0 OR l.database = me.oid) "
               "LEFT JOIN pg_namespace n ON n.oid = c.relnamespace "
               "WHERE l.pid IS DISTINCT FROM pg_backend_pid()")
        .arg(partition, wait);
}

// pg_blocking_pids only for sessions that wait on a heavyweight lock: it takes
// the lock manager's partitions, so it is the expensive part on a busy server.
// The inspector's own session (its locks on the catalogs it reads) is left out.
QString sessionsSql(int version) {
    const QString leader =
        version >= 130000 ? QStringLiteral("a.leader_pid") : QStringLiteral("NULL::int");
    const QString backendType =
        version >= 100000 ? QStringLiteral("a.backend_type") : QStringLiteral("''");
    return QStringLiteral(
               "SELECT a.pid, %1, a.datname, a.usename, a.application_name, host(a.client_addr), "
               "%2, a.state, "
               "coalesce(extract(epoch from t.now - a.xact_start)::float8, -1), "
               "coalesce(extract(epoch from t.now - a.state_change)::float8, -1), "
               "coalesce(extract(epoch from t.now - a.query_start)::float8, -1), "
               "a.wait_event_type, a.wait_event, a.query, "
               "CASE WHEN a.wait_event_type = 'Lock' THEN pg_blocking_pids(a.pid)::text END "
               "FROM pg_stat_activity a CROSS JOIN (SELECT clock_timestamp() AS now) t "
               "WHERE a.pid <> pg_backend_pid()")
        .arg(leader, backendType);
}

ServerLock lockFrom(const QSqlQuery &q) {
    ServerLock lock;
    lock.pid = q.value(0).toInt();
    lock.locktype = q.value(1).toString();
    lock.mode = q.value(2).toString();
    lock.granted = q.value(3).toBool();
    lock.fastpath = q.value(4).toBool();
    lock.database = q.value(5).toString();
    if (!q.isNull(6)) {
        lock.relation = q.isNull(7) ? QStringLiteral("relation %1").arg(q.value(6).toLongLong())
                                    : q.value(7).toString();
        if (!q.isNull(8))
            lock.relationKind =
                ServerLockInspector::relationKind(q.value(8).toString(), q.value(9).toBool());
    }
    if (!q.isNull(10))
        lock.page = q.value(10).toLongLong();
    if (!q.isNull(11))
        lock.tuple = q.value(11).toInt();
    lock.virtualXid = q.value(12).toString();
    lock.transactionId = q.value(13).toString();
    const auto classid = static_cast<quint32>(q.value(14).toLongLong());
    const auto objid = static_cast<quint32>(q.value(15).toLongLong());
    const int objsubid = q.value(16).toInt();
    if (lock.locktype == QLatin1String("advisory")) {
        // objsubid 1: one signed 64-bit key (classid << 32 | objid); 2: the pair.
        lock.isAdvisory = true;
        lock.keyIsPair = objsubid == 2;
        if (lock.keyIsPair) {
            lock.keyFirst = static_cast<qint32>(classid);
            lock.keySecond = static_cast<qint32>(objid);
        } else {
            lock.key = static_cast<qint64>((static_cast<quint64>(classid) << 32) | objid);
        }
    }
    lock.object = q.value(17).toString();
    if (!lock.granted) {
        if (q.isNull(18)) {
            lock.waitEstimated = true; // filled in from the session's statement start
        } else {
            lock.waitSeconds = q.value(18).toDouble();
        }
    }
    return lock;
}

ServerSession sessionFrom(const QSqlQuery &q) {
    ServerSession s;
    s.pid = q.value(0).toInt();
    s.database = q.value(2).toString();
    s.user = q.value(3).toString();
    s.application = q.value(4).toString();
    s.clientAddress = q.value(5).toString();
    s.backendType = q.value(6).toString();
    s.state = q.value(7).toString();
    s.transactionAge = q.value(8).toDouble();
    s.stateAge = q.value(9).toDouble();
    s.statementAge = q.value(10).toDouble();
    s.waitEventType = q.value(11).toString();
    s.waitEvent = q.value(12).toString();
    s.query = q.value(13).toString();
    if (!q.isNull(14))
        s.blockedBy = AdvisoryInspector::parseIntArray(q.value(14).toString());
    return s;
}

void appendUnique(QList<int> &list, const QList<int> &more, int self) {
    for (int pid : more) {
        if (pid != self && !list.contains(pid))
            list << pid;
    }
}

// Folds workers into leaders, names the owners of transaction ids, fills in
// waits and counts, and keeps the sessions that take part in locking.
void assemble(ServerLockSnapshot &snap, QList<ServerSession> &all,
              const QHash<int, int> &leaderOf) {
    const auto leader = [&](int pid) {
        return leaderOf.value(pid, pid);
    };
    QHash<int, ServerSession> byPid;
    for (ServerSession &s : all) {
        for (int &b : s.blockedBy)
            b = leader(b);
        byPid.insert(s.pid, s);
    }
    // A worker's wait is its leader's; the worker's row goes.
    for (auto it = leaderOf.cbegin(); it != leaderOf.cend(); ++it) {
        const ServerSession worker = byPid.take(it.key());
        ServerSession &lead = byPid[it.value()];
        lead.pid = it.value();
        lead.workers << it.key();
        appendUnique(lead.blockedBy, worker.blockedBy, it.value());
    }
    QHash<QString, int> xidOwner;
    QHash<QString, int> vxidOwner;
    for (ServerLock &lock : snap.locks) {
        const int lead = leader(lock.pid);
        if (lead != lock.pid) {
            lock.workerPid = lock.pid;
            lock.pid = lead;
        }
        if (lock.granted && lock.mode == QLatin1String("ExclusiveLock")) {
            if (lock.locktype == QLatin1String("transactionid"))
                xidOwner.insert(lock.transactionId, lock.pid);
            else if (lock.locktype == QLatin1String("virtualxid"))
                vxidOwner.insert(lock.virtualXid, lock.pid);
        }
    }
    QHash<int, int> indexOf;
    QList<ServerSession> kept;
    const auto keep = [&](int pid) -> ServerSession & {
        auto found = indexOf.constFind(pid);
        if (found != indexOf.cend())
            return kept[*found];
        ServerSession s = byPid.value(pid);
        if (!byPid.contains(pid)) {
            s.pid = pid;
            s.known = false;
        }
        indexOf.insert(pid, static_cast<int>(kept.size()));
        kept.append(s);
        return kept.last();
    };
    for (ServerLock &lock : snap.locks) {
        if (lock.locktype == QLatin1String("transactionid") ||
            lock.locktype == QLatin1String("spectoken"))
            lock.ownerPid = xidOwner.value(lock.transactionId);
        else if (lock.locktype == QLatin1String("virtualxid"))
            lock.ownerPid = vxidOwner.value(lock.virtualXid);
        ServerSession &s = keep(lock.pid);
        ++s.lockCount;
        if (!lock.granted) {
            if (lock.waitEstimated)
                lock.waitSeconds = std::max(0.0, s.statementAge);
            lock.blockedBy = s.blockedBy;
            ++s.waitingCount;
            s.longestWait = std::max(s.longestWait, lock.waitSeconds);
        }
    }
    // Blockers and waiters that hold no lock row of their own (a waiter whose row
    // was granted between the two reads still shows who was in its way).
    for (const ServerSession &s : std::as_const(byPid)) {
        if (s.blockedBy.isEmpty())
            continue;
        keep(s.pid);
        for (int b : s.blockedBy)
            keep(b);
    }
    std::sort(kept.begin(), kept.end(),
              [](const ServerSession &a, const ServerSession &b) { return a.pid < b.pid; });
    snap.sessions = kept;
    // By session; each session's held locks before its waits.
    std::stable_sort(snap.locks.begin(), snap.locks.end(),
                     [](const ServerLock &a, const ServerLock &b) {
                         if (a.pid != b.pid)
                             return a.pid < b.pid;
                         return a.granted > b.granted;
                     });
}

} // namespace

QString ServerLockInspector::relationKind(const QString &relkind, bool isPartition) {
    const QChar k = relkind.isEmpty() ? QChar() : relkind.at(0);
    switch (k.unicode()) {
    case 'r':
        return isPartition ? QStringLiteral("partition") : QStringLiteral("table");
    case 'p':
        return isPartition ? QStringLiteral("partitioned partition")
                           : QStringLiteral("partitioned table");
    case 'i':
        return QStringLiteral("index");
    case 'I':
        return QStringLiteral("partitioned index");
    case 'S':
        return QStringLiteral("sequence");
    case 'v':
        return QStringLiteral("view");
    case 'm':
        return QStringLiteral("materialized view");
    case 't':
        return QStringLiteral("TOAST table");
    case 'f':
        return QStringLiteral("foreign table");
    case 'c':
        return QStringLiteral("composite type");
    default:
        return relkind;
    }
}

Result<ServerLockSnapshot>
ServerLockInspector::snapshot(QSqlDatabase db, const ConnectionParams &params,
                              std::chrono::milliseconds statementTimeout) {
    if (!params.isPostgres()) {
        return Error{
            ErrorKind::Unsupported,
            QCoreApplication::translate("lockscope::ServerLockInspector",
                                        "Server locks exist only on PostgreSQL; this is a SQLite "
                                        "database. Use `lockctl list` for its leases.")};
    }
    const QString what =
        QCoreApplication::translate("lockscope::ServerLockInspector", "list the server's locks");
    ServerLockSnapshot snap;
    QList<ServerSession> all;
    QHash<int, int> leaderOf; // parallel worker -> its leader
    const Status read = LocalSettings::run(
        db, params, what,
        {{QStringLiteral("statement_timeout"),
          QStringLiteral("%1ms").arg(statementTimeout.count())},
         // An inspector should not take the server's cores: parallel workers
         // for the pg_locks join cost the server more CPU than they save.
         {QStringLiteral("max_parallel_workers_per_gather"), QStringLiteral("0")}},
        [&](const QSqlDatabase &conn) -> Status {
            QSqlQuery q(conn);
            q.setForwardOnly(true);
            if (!q.exec(QStringLiteral(
                    "SELECT current_setting('server_version_num')::int, "
                    "extract(epoch from clock_timestamp())::float8, current_database()")) ||
                !q.next())
                return Database::classify(q.lastError(), params, what);
            snap.serverVersion = q.value(0).toInt();
            snap.dbNow = q.value(1).toDouble();
            snap.inspectorDatabase = q.value(2).toString();
            snap.hasWaitStart = snap.serverVersion >= 140000;
            q.finish();
            if (!q.exec(locksSql(snap.serverVersion)))
                return Database::classify(q.lastError(), params, what);
            while (q.next())
                snap.locks.append(lockFrom(q));
            q.finish();
            if (!q.exec(sessionsSql(snap.serverVersion)))
                return Database::classify(q.lastError(), params, what);
            while (q.next()) {
                all.append(sessionFrom(q));
                if (!q.isNull(1) && q.value(1).toInt() != all.last().pid)
                    leaderOf.insert(all.last().pid, q.value(1).toInt());
            }
            q.finish();
            return {};
        });
    if (!read.ok())
        return read.error();
    assemble(snap, all, leaderOf);
    return snap;
}

} // namespace lockscope
