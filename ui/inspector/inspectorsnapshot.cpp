#include "inspector/inspectorsnapshot.h"

#include "advisory/advisoryinspector.h"
#include "db/database.h"
#include "db/threadconnections.h"
#include "lease/leasequeries.h"
#include "lease/sharedlockqueries.h"

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

} // namespace

InspectorSnapshot takeInspectorSnapshot(const InspectorInputs &in) {
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
    if (auto shared = SharedLockQueries::snapshot(db, in.params); shared.ok()) {
        out.shared = shared->keys;
        out.sharedDbNow = shared->dbNow;
    }

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
