#include "inspector/inspectorsnapshot.h"

#include "admin/redisauditlog.h"
#include "advisory/advisoryinspector.h"
#include "db/database.h"
#include "db/threadconnections.h"
#include "lease/leasequeries.h"
#include "lease/redisinspector.h"
#include "redis/redisconnection.h"

#include <QDateTime>
#include <QHash>

#include <functional>

namespace lockscope::ui {

namespace {

const QString kPurpose = QStringLiteral("inspect");

QString leaseKey(const LeaseRow &row) {
    return row.key;
}

qint64 auditKey(const AuditEntry &e) {
    return -e.id; // newest first
}

} // namespace

QString advisoryIdentity(const AdvisoryLockRow &row) {
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(row.granted ? 0 : 1)
        .arg(row.pid, 10, 10, QLatin1Char('0'))
        .arg(row.keyDisplay(), row.mode, row.database);
}

namespace {

InspectorSnapshot take(const InspectorInputs &in, const ThreadConnections::Key &key);

// Redis: SCAN in batches with pipelined reads (RedisInspector) on a connection
// of this round's own, closed at its end like the SQL one; the audit from the
// namespace's stream.
InspectorSnapshot takeRedis(const InspectorInputs &in) {
    InspectorSnapshot out;
    out.generation = in.generation;
    RedisConnection connection(in.params);
    auto snap = RedisInspector::snapshot(connection, QString());
    const qint64 localMs = QDateTime::currentMSecsSinceEpoch();
    if (!snap.ok()) {
        out.error = snap.error().message;
        out.connectionLost = snap.error().kind == ErrorKind::Connection;
        return out;
    }
    out.leases.reserve(snap->rows.size());
    for (const RedisLockRow &row : std::as_const(snap->rows))
        out.leases.append(row.toLeaseRow(snap->serverNow));
    RowDiff::sort(out.leases, leaseKey);
    out.leasePlan = RowDiff::compute(in.leases, out.leases, leaseKey);
    out.clockOffsetS = snap->serverNow - static_cast<double>(localMs) / 1000.0;
    out.advisorySupported = false;
    out.audit = in.audit;
    if (in.withAudit) {
        auto audit = RedisAuditLog::recent(connection, 500);
        if (audit.ok()) {
            out.audit = audit.value();
            RowDiff::sort(out.audit, auditKey);
            out.auditPlan = RowDiff::compute(in.audit, out.audit, auditKey);
        } else {
            out.auditError = audit.error().message;
        }
    }
    return out;
}

} // namespace

InspectorSnapshot takeInspectorSnapshot(const InspectorInputs &in) {
    if (in.params.isRedis())
        return takeRedis(in);
    // Pool threads are waited for, not joined: QThread::wait() returns before a
    // thread's thread_local destructors have run, so a connection cached on a
    // pool thread could be closed while the process tears Qt down. Each refresh
    // therefore closes its connection when it is done.
    const ThreadConnections::Key key(in.params, kPurpose);
    InspectorSnapshot out = take(in, key);
    ThreadConnections::drop(key);
    return out;
}

namespace {

InspectorSnapshot take(const InspectorInputs &in, const ThreadConnections::Key &key) {
    InspectorSnapshot out;
    out.generation = in.generation;
    auto opened = ThreadConnections::get(in.params, key);
    if (!opened.ok()) {
        out.error = opened.error().message;
        out.connectionLost = true;
        return out;
    }
    QSqlDatabase db = opened.value();

    auto leases = LeaseQueries::snapshot(db, in.params);
    if (!leases.ok()) {
        out.error = leases.error().message;
        out.connectionLost = leases.error().kind == ErrorKind::Connection;
        db = QSqlDatabase();
        if (out.connectionLost)
            ThreadConnections::drop(key);
        return out;
    }
    out.leases = leases->rows;
    RowDiff::sort(out.leases, leaseKey);
    out.leasePlan = RowDiff::compute(in.leases, out.leases, leaseKey);
    out.clockOffsetS = leases->dbNow - static_cast<double>(leases->localMsAtRead) / 1000.0;

    out.advisorySupported = in.params.isPostgres();
    if (out.advisorySupported) {
        auto advisory = AdvisoryInspector::snapshot(db, in.params);
        if (advisory.ok()) {
            out.advisory = advisory->rows;
            out.blockingTree = AdvisoryInspector::blockingTree(advisory.value());
            // The tree refers to rows by index: sort after building it, and map.
            QList<AdvisoryLockRow> sorted = out.advisory;
            RowDiff::sort(sorted, advisoryIdentity);
            QHash<QString, int> position;
            for (int i = 0; i < sorted.size(); ++i)
                position.insert(advisoryIdentity(sorted.at(i)), i);
            std::function<void(BlockingNode &)> remap = [&](BlockingNode &node) {
                for (int &row : node.rows)
                    row = position.value(advisoryIdentity(out.advisory.at(row)));
                for (BlockingNode &child : node.blocked)
                    remap(child);
            };
            for (BlockingNode &node : out.blockingTree)
                remap(node);
            out.advisory = sorted;
            out.advisoryPlan = RowDiff::compute(in.advisory, out.advisory, advisoryIdentity);
        } else {
            out.advisoryError = advisory.error().message;
        }
    }
    if (in.withAudit) {
        auto audit = AuditLog::recent(db, in.params, 500);
        if (audit.ok()) {
            out.audit = audit.value();
            RowDiff::sort(out.audit, auditKey);
            out.auditPlan = RowDiff::compute(in.audit, out.audit, auditKey);
        } else {
            out.auditError = audit.error().message;
            out.audit = in.audit;
        }
    } else {
        out.audit = in.audit;
    }
    return out;
}

} // namespace

} // namespace lockscope::ui
