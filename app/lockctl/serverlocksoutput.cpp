#include "serverlocksoutput.h"

#include "base/visibletext.h"
#include "db/database.h"
#include "server/serverlockinspector.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace lockctl {

using namespace lockscope;

namespace {

QJsonValue seconds(double s) {
    return s < 0 ? QJsonValue() : QJsonValue(std::round(s * 1000.0) / 1000.0);
}

QJsonValue text(const QString &s) {
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonArray pids(const QList<int> &list) {
    QJsonArray array;
    for (int pid : list)
        array.append(pid);
    return array;
}

} // namespace

std::optional<ServerLockSnapshot> ServerLocksOutput::take(Context &ctx, QString *error, int *code) {
    auto resolved = ConnectionParams::resolve(ctx.dbUrl);
    if (!resolved.ok()) {
        *error = resolved.error().message;
        *code = ExitUsage;
        return std::nullopt;
    }
    ConnectionParams params = resolved.value();
    if (params.applicationName.isEmpty())
        params.applicationName = QStringLiteral("lockctl");
    if (!params.isPostgres()) {
        *error = QStringLiteral("server locks exist only on PostgreSQL; %1 is a SQLite database. "
                                "Use `lockctl list` for its leases.")
                     .arg(params.displayUrl());
        *code = ExitError;
        return std::nullopt;
    }
    ScopedConnection conn(params, QStringLiteral("locks"));
    if (!conn.ok()) {
        *error = conn.error().message;
        *code = exitCodeFor(conn.error().kind);
        return std::nullopt;
    }
    auto snap = ServerLockInspector::snapshot(conn.db(), params);
    if (!snap.ok()) {
        *error = snap.error().message;
        *code = exitCodeFor(snap.error().kind);
        return std::nullopt;
    }
    return snap.value();
}

ServerLockSnapshot ServerLocksOutput::onlyDatabase(const ServerLockSnapshot &snap,
                                                   const QString &database) {
    ServerLockSnapshot only = snap;
    only.sessions.clear();
    only.locks.clear();
    for (const ServerSession &s : snap.sessions) {
        if (s.database == database)
            only.sessions.append(s);
    }
    for (const ServerLock &lock : snap.locks) {
        if (only.session(lock.pid))
            only.locks.append(lock);
    }
    return only;
}

QJsonObject ServerLocksOutput::lockJson(const ServerLock &lock, const ServerLockSnapshot &snap) {
    const ServerSession *s = snap.session(lock.pid);
    QJsonObject o{
        {QStringLiteral("pid"), lock.pid},
        {QStringLiteral("worker_pid"), lock.workerPid ? QJsonValue(lock.workerPid) : QJsonValue()},
        {QStringLiteral("locktype"), lock.locktype},
        {QStringLiteral("mode"), lock.mode},
        {QStringLiteral("granted"), lock.granted},
        {QStringLiteral("fastpath"), lock.fastpath},
        {QStringLiteral("database"), text(lock.database)},
        {QStringLiteral("relation"), text(lock.relation)},
        {QStringLiteral("relation_kind"), text(lock.relationKind)},
        {QStringLiteral("page"), lock.page ? QJsonValue(*lock.page) : QJsonValue()},
        {QStringLiteral("tuple"), lock.tuple ? QJsonValue(*lock.tuple) : QJsonValue()},
        {QStringLiteral("transactionid"), text(lock.transactionId)},
        {QStringLiteral("virtualxid"), text(lock.virtualXid)},
        {QStringLiteral("owner_pid"), lock.ownerPid ? QJsonValue(lock.ownerPid) : QJsonValue()},
        {QStringLiteral("object"), text(lock.object)},
        {QStringLiteral("target"), lock.target()},
        {QStringLiteral("wait_s"), lock.granted ? QJsonValue() : seconds(lock.waitSeconds)},
        {QStringLiteral("wait_estimated"), lock.waitEstimated},
        {QStringLiteral("blocked_by"), pids(lock.blockedBy)},
        {QStringLiteral("application_name"), s ? text(s->application) : QJsonValue()},
        {QStringLiteral("user"), s ? text(s->user) : QJsonValue()},
        {QStringLiteral("state"), s ? text(s->state) : QJsonValue()}};
    if (lock.isAdvisory) {
        if (lock.keyIsPair) {
            o.insert(QStringLiteral("key"), QJsonValue());
            o.insert(QStringLiteral("key_pair"), QJsonArray{lock.keyFirst, lock.keySecond});
        } else {
            o.insert(QStringLiteral("key"), lock.key); // a JSON number (exact up to 2^53)
        }
        o.insert(QStringLiteral("key_text"), lock.keyDisplay());
    } else {
        o.insert(QStringLiteral("key"), QJsonValue());
    }
    return o;
}

QJsonObject ServerLocksOutput::nodeJson(const BlockerNode &node, const ServerLockSnapshot &snap) {
    QJsonArray blocks;
    for (const BlockerNode &child : node.blocks)
        blocks.append(nodeJson(child, snap));
    const ServerSession *s = snap.session(node.pid);
    QJsonObject waitingFor; // the lock this session waits for, if it does
    int held = 0;
    // The locks are sorted by session.
    auto it = std::lower_bound(snap.locks.cbegin(), snap.locks.cend(), node.pid,
                               [](const ServerLock &l, int pid) { return l.pid < pid; });
    for (; it != snap.locks.cend() && it->pid == node.pid; ++it) {
        const ServerLock &lock = *it;
        if (lock.granted) {
            ++held;
        } else if (waitingFor.isEmpty()) {
            waitingFor = QJsonObject{{QStringLiteral("locktype"), lock.locktype},
                                     {QStringLiteral("mode"), lock.mode},
                                     {QStringLiteral("target"), lock.target()},
                                     {QStringLiteral("wait_s"), seconds(lock.waitSeconds)},
                                     {QStringLiteral("wait_estimated"), lock.waitEstimated}};
        }
    }
    QJsonObject o{{QStringLiteral("pid"), node.pid},
                  {QStringLiteral("depth"), node.depth},
                  {QStringLiteral("blocked_total"), node.blockedTotal},
                  {QStringLiteral("in_cycle"), node.inCycle},
                  {QStringLiteral("locks_held"), held},
                  {QStringLiteral("waiting_for"),
                   waitingFor.isEmpty() ? QJsonValue() : QJsonValue(waitingFor)},
                  {QStringLiteral("blocks"), blocks}};
    if (s && s->known) {
        o.insert(QStringLiteral("blocked_by"), pids(s->blockedBy));
        o.insert(QStringLiteral("workers"), pids(s->workers));
        o.insert(QStringLiteral("state"), text(s->state));
        o.insert(QStringLiteral("idle_in_transaction"), s->idleInTransaction());
        o.insert(QStringLiteral("state_age_s"), seconds(s->stateAge));
        o.insert(QStringLiteral("xact_age_s"), seconds(s->transactionAge));
        o.insert(QStringLiteral("query"), s->query);
        o.insert(QStringLiteral("application_name"), s->application);
        o.insert(QStringLiteral("client_addr"), text(s->clientAddress));
        o.insert(QStringLiteral("user"), text(s->user));
        o.insert(QStringLiteral("database"), text(s->database));
        o.insert(QStringLiteral("backend_type"), text(s->backendType));
    } else {
        // pid 0 is a prepared transaction; another pid has ended since the locks were read.
        o.insert(QStringLiteral("state"),
                 node.pid == 0 ? QStringLiteral("prepared transaction") : QStringLiteral("gone"));
        o.insert(QStringLiteral("idle_in_transaction"), false);
    }
    return o;
}

QString ServerLocksOutput::shortDuration(double seconds) {
    if (seconds < 0)
        return QStringLiteral("-");
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds, 0, 'f', 1);
    const auto whole = static_cast<qint64>(seconds);
    if (whole < 3600)
        return QStringLiteral("%1m%2s").arg(whole / 60).arg(whole % 60, 2, 10, QLatin1Char('0'));
    if (whole < 86400)
        return QStringLiteral("%1h%2m")
            .arg(whole / 3600)
            .arg((whole % 3600) / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1d%2h").arg(whole / 86400).arg((whole % 86400) / 3600);
}

QString ServerLocksOutput::oneLine(const QString &text, int width) {
    QString simplified = text.simplified();
    QString shown = VisibleText::forTerminal(simplified);
    if (shown.size() > width)
        shown = shown.left(width - 1) + QChar(0x2026);
    return shown;
}

} // namespace lockctl
