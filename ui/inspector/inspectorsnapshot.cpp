#include "inspector/inspectorsnapshot.h"

#include "admin/redisauditlog.h"
#include "advisory/advisoryinspector.h"
#include "db/database.h"
#include "db/threadconnections.h"
#include "lease/leasequeries.h"
#include "lease/ownersessions.h"
#include "lease/redisinspector.h"
#include "lease/sharedlockqueries.h"
#include "monitor/samplebuilder.h"
#include "redis/redisconnection.h"
#include "server/serverwaits.h"

#include <QDateTime>
#include <QHash>

#include <functional>

namespace lockscope::ui {

namespace {

const QString kPurpose = QStringLiteral("inspect");

// A table with more rows than this shows its first rows while the rest is read.
constexpr int kFirstRows = 2000;

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

// Diffs the view just built against the one shown; when every row of the
// snapshot is the same (hidden ones included), the rows already in memory stay.
// A view whose filter hides every row compares as unchanged while the rows
// behind it (and so the counts) changed: that one is handed on.
void keepShownIfSame(const InspectorInputs &in, InspectorSnapshot &out) {
    out.leaseBasis = in.leases;
    out.leaseChange = LeaseViewChange::between(*in.leases, *out.leases);
    if (out.leaseChange.kind == LeaseViewChange::Kind::None && out.leaseChange.sameRows)
        out.leases = in.leases;
}

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
    QList<LeaseRow> rows;
    rows.reserve(snap->rows.size());
    for (const RedisLockRow &row : std::as_const(snap->rows))
        rows.append(row.toLeaseRow(snap->serverNow));
    sortLeaseRowsByKey(rows);
    const LeaseRows allRows = shareLeaseRows(std::move(rows));
    out.leases = LeaseView::build(allRows, snap->serverNow, in.leaseSpec);
    keepShownIfSame(in, out);
    out.clockOffsetS = snap->serverNow - static_cast<double>(localMs) / 1000.0;
    out.shared = snap->shared; // semaphores and reader-writer leases
    out.sharedDbNow = snap->serverNow;
    // For the history and the alerts (keys without TTL among them): every row
    // read, whatever the table's filter shows.
    out.sample = SampleBuilder::build(static_cast<double>(localMs) / 1000.0, *allRows,
                                      snap->serverNow, std::nullopt, std::nullopt);
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

    auto offsetOf = [](const LeaseSnapshot &snap) {
        return snap.dbNow - static_cast<double>(snap.localMsAtRead) / 1000.0;
    };
    std::function<void(const LeaseSnapshot &)> firstRows;
    if (in.firstRows && in.leases->rows->isEmpty()) {
        firstRows = [&](const LeaseSnapshot &first) {
            QList<LeaseRow> rows = first.rows;
            sortLeaseRowsByKey(rows);
            in.firstRows(
                LeaseView::build(shareLeaseRows(std::move(rows)), first.dbNow, in.leaseSpec, true),
                offsetOf(first));
        };
    }
    auto leases = LeaseQueries::snapshot(db, in.params, kFirstRows, firstRows);
    if (!leases.ok()) {
        out.error = leases.error().message;
        out.connectionLost = leases.error().kind == ErrorKind::Connection;
        db = QSqlDatabase();
        if (out.connectionLost)
            ThreadConnections::drop(key);
        return out;
    }
    // Whether each owner is still connected (PostgreSQL). A failed read leaves
    // the owners unknown; the leases are still shown.
    (void)OwnerSessions::annotate(db, in.params, in.ownerRule, leases->rows);
    sortLeaseRowsByKey(leases->rows);
    const LeaseRows allRows = shareLeaseRows(std::move(leases->rows));
    out.leases = LeaseView::build(allRows, leases->dbNow, in.leaseSpec);
    keepShownIfSame(in, out);
    out.clockOffsetS = offsetOf(leases.value());
    out.leasesUnreadable = leases->unreadable;
    if (auto shared = SharedLockQueries::snapshot(db, in.params); shared.ok()) {
        out.shared = shared->keys;
        out.sharedDbNow = shared->dbNow;
        out.sharedUnavailable = shared->unreadable;
    } else {
        out.sharedUnavailable = shared.error().message; // the leases are still shown
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
    std::optional<QList<WaitingSession>> waits;
    if (in.params.isPostgres()) {
        auto read = ServerWaits::read(db, in.params);
        if (read.ok())
            waits = read.value();
        else
            out.waitsError = read.error().message;
    }
    std::optional<QList<AdvisoryLockRow>> advisory;
    if (out.advisorySupported && out.advisoryError.isEmpty())
        advisory = out.advisory;
    out.sample =
        SampleBuilder::build(static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0,
                             *allRows, leases->dbNow, advisory, waits);
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
