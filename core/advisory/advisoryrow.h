#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace lockscope {

// One advisory lock held or awaited, from pg_locks joined with pg_stat_activity.
// Times are seconds by the database clock.
struct AdvisoryLockRow {
    int pid = 0;
    QString database;
    QString user;
    QString application;
    QString clientAddress; // empty for a local socket
    QString mode;          // "ExclusiveLock" or "ShareLock"
    bool granted = false;
    double waitSeconds = 0;     // waiters: since the waiting statement started
    QList<int> blockedBy;       // pg_blocking_pids(pid), for waiters
    double transactionAge = -1; // seconds since xact_start; -1 outside a transaction
    QString state;
    QString query;
    // The key, decoded: objsubid 1 is one signed 64-bit key (classid << 32 | objid),
    // objsubid 2 the pair (classid, objid) as signed 32-bit integers.
    bool isPair = false;
    qint64 key = 0;
    qint32 keyFirst = 0;
    qint32 keySecond = 0;

    QString keyDisplay() const;
    bool operator==(const AdvisoryLockRow &) const = default;
};

struct AdvisorySnapshot {
    double dbNow = 0;
    QList<AdvisoryLockRow> rows; // holders first, then waiters; by pid
};

// A holder (or an unblocked waiter) with the sessions it blocks beneath it.
struct BlockingNode {
    int pid = 0;
    QList<int> rows; // indexes into AdvisorySnapshot::rows for this pid
    QList<BlockingNode> blocked;
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::AdvisorySnapshot)
