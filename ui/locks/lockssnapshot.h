#pragma once

#include "common/rowdiff.h"
#include "db/connectionparams.h"
#include "server/blockingtree.h"
#include "server/serverlock.h"

#include <QHash>
#include <QList>
#include <QString>

namespace lockscope::ui {

// One lock under its session in the Locks tab.
struct LockItem {
    QString key; // identity within the session; the children are sorted by it
    ServerLock lock;
    // Held locks: when LockScope first saw it, by the database clock (-1 for a
    // wait). pg_locks has no grant time, so "held for" is a lower bound. Kept
    // as a time, not an age, so an unchanged lock stays an unchanged row.
    double firstSeen = -1;
    bool operator==(const LockItem &) const = default;
};

// A session row and its locks.
struct LockSessionEntry {
    ServerSession session;
    QList<LockItem> locks; // held first, then waits
    bool operator==(const LockSessionEntry &) const = default;
};

// What one refresh of the Locks tab brings back from the worker: plain values,
// with the diff against what the model showed already computed.
struct LocksResult {
    quint64 generation = 0;
    QString error;
    double dbNow = 0;
    bool hasWaitStart = true;
    int serverVersion = 0;
    int lockCount = 0;
    QList<LockSessionEntry> sessions; // by pid
    RowDiffPlan sessionPlan;
    QHash<int, RowDiffPlan> lockPlans; // pid -> how its children change (sessions in both)
    QList<BlockerNode> blockingTree;
    QHash<QString, double> firstSeen; // "pid|key" -> database time first seen
};

struct LocksInputs {
    quint64 generation = 0;
    ConnectionParams params;
    QList<LockSessionEntry> sessions; // what the model shows
    QHash<QString, double> firstSeen;
};

QString lockIdentity(const ServerLock &lock);

// Runs on a worker thread with a connection of its own (closed at the end).
LocksResult takeLocksSnapshot(const LocksInputs &inputs);

// The grouping and the diffs, without a database (for tests and the benchmark).
LocksResult diffLocks(const LocksInputs &inputs, const ServerLockSnapshot &snapshot);

} // namespace lockscope::ui
