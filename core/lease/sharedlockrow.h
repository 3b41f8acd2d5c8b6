#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace lockscope {

// One holder (or waiter) of a semaphore or reader-writer key, as read by
// SharedLockQueries. Times are epoch seconds by the database clock.
struct SharedHolderRow {
    QString role; // "slot", "read", "write", "read-wait", "write-wait"
    int slot = -1;
    QString token;
    QString owner;         // the owner id part of a LockScope token
    double acquiredAt = 0; // for a waiter: when it began to wait
    double expiresAt = 0;
    std::optional<qint64> fence;

    bool isWaiter() const { return role.endsWith(QLatin1String("-wait")); }
    bool isLiveAt(double dbNow) const { return expiresAt > dbNow; }
    bool operator==(const SharedHolderRow &other) const = default;
};

// A key of kind "semaphore" (with its permits) or "rw", with its rows.
struct SharedKeyRow {
    QString key;
    QString kind;
    int permits = 0;
    QList<SharedHolderRow> holders;

    // Live holders (not waiters) at `dbNow`.
    int heldAt(double dbNow) const;
    int countAt(const QString &role, double dbNow) const;
    // "2/3 held", or "3 readers, no writer, 1 waiting writer".
    QString summaryAt(double dbNow) const;
    bool operator==(const SharedKeyRow &other) const = default;
};

struct SharedLockSnapshot {
    QList<SharedKeyRow> keys;
    double dbNow = 0;
    bool available = false; // the database has migration 0008
    // Set when the role cannot read the tables of semaphores and reader-writer
    // leases (a read-only role granted SELECT on aggregate_locks alone): why
    // `keys` is empty, naming the tables and the GRANT that would show them.
    QString unreadable;
};

} // namespace lockscope
