#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace lockscope {

// One row of aggregate_locks as the inspector shows it. Times are epoch seconds
// by the database clock; dbNow is the database's now when the row was read.
struct LeaseRow {
    QString key;
    QString token;
    QString owner; // the owner id part of a LockScope token, else empty
    double acquiredAt = 0;
    double expiresAt = 0;
    std::optional<qint64> fence; // empty: written without fencing ("unfenced")

    bool operator==(const LeaseRow &) const = default;
    double remainingAt(double now) const { return expiresAt - now; }
    bool isHeldAt(double now) const { return expiresAt > now; }
};

struct LeaseSnapshot {
    double dbNow = 0;         // database clock when the snapshot was taken
    qint64 localMsAtRead = 0; // local clock (ms since epoch) at the same moment
    QList<LeaseRow> rows;     // ordered by key
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::LeaseSnapshot)
