#include "locks/lockssnapshot.h"

#include "db/database.h"
#include "server/serverlockinspector.h"

namespace lockscope::ui {

namespace {

// Numbers compare as numbers ("advisory 100" before "advisory 1000"): each run
// of digits is prefixed with its length.
QString naturalOrder(const QString &text) {
    QString out;
    out.reserve(text.size() + 8);
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isDigit()) {
            out += text.at(i++);
            continue;
        }
        qsizetype end = i;
        while (end < text.size() && text.at(end).isDigit())
            ++end;
        out += QStringLiteral("%1:").arg(end - i, 2, 10, QLatin1Char('0'));
        out += QStringView(text).mid(i, end - i);
        i = end;
    }
    return out;
}

} // namespace

QString lockIdentity(const ServerLock &lock) {
    return QStringLiteral("%1|%2|%3|%4|%5|%6")
        .arg(lock.granted ? QLatin1Char('0') : QLatin1Char('1'))
        .arg(lock.locktype, naturalOrder(lock.target()), lock.mode, lock.database)
        .arg(lock.workerPid);
}

LocksResult diffLocks(const LocksInputs &in, const ServerLockSnapshot &snap) {
    LocksResult out;
    out.generation = in.generation;
    out.dbNow = snap.dbNow;
    out.hasWaitStart = snap.hasWaitStart;
    out.serverVersion = snap.serverVersion;
    out.lockCount = static_cast<int>(snap.locks.size());
    out.blockingTree = BlockingTree::build(snap);
    out.sessions.reserve(snap.sessions.size());
    qsizetype next = 0; // the locks are sorted by session, as the sessions are
    for (const ServerSession &s : snap.sessions) {
        LockSessionEntry entry;
        entry.session = s;
        while (next < snap.locks.size() && snap.locks.at(next).pid < s.pid)
            ++next;
        for (; next < snap.locks.size() && snap.locks.at(next).pid == s.pid; ++next) {
            LockItem item;
            item.lock = snap.locks.at(next);
            item.key = lockIdentity(item.lock);
            if (item.lock.granted) {
                const QString seenKey = QString::number(s.pid) + QLatin1Char('|') + item.key;
                item.firstSeen = in.firstSeen.value(seenKey, snap.dbNow);
                out.firstSeen.insert(seenKey, item.firstSeen);
            }
            entry.locks.append(std::move(item));
        }
        RowDiff::sort(entry.locks, [](const LockItem &i) { return i.key; });
        out.sessions.append(std::move(entry));
    }
    const auto pidOf = [](const LockSessionEntry &e) {
        return e.session.pid;
    };
    out.sessionPlan = RowDiff::compute(in.sessions, out.sessions, pidOf);
    // Children of sessions in both snapshots: their own diff.
    qsizetype i = 0;
    for (const LockSessionEntry &now : std::as_const(out.sessions)) {
        while (i < in.sessions.size() && in.sessions.at(i).session.pid < now.session.pid)
            ++i;
        if (i < in.sessions.size() && in.sessions.at(i).session.pid == now.session.pid &&
            in.sessions.at(i).locks != now.locks) {
            out.lockPlans.insert(now.session.pid,
                                 RowDiff::compute(in.sessions.at(i).locks, now.locks,
                                                  [](const LockItem &l) { return l.key; }));
        }
    }
    return out;
}

LocksResult takeLocksSnapshot(const LocksInputs &in) {
    LocksResult out;
    out.generation = in.generation;
    ScopedConnection conn(in.params, QStringLiteral("locks"));
    if (!conn.ok()) {
        out.error = conn.error().message;
        return out;
    }
    auto snap = ServerLockInspector::snapshot(conn.db(), in.params);
    if (!snap.ok()) {
        out.error = snap.error().message;
        return out;
    }
    return diffLocks(in, snap.value());
}

} // namespace lockscope::ui
