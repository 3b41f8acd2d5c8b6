#pragma once

#include "lease/ownersession.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <cmath>
#include <optional>

namespace lockscope {

// One row of aggregate_locks as the inspector shows it. Times are epoch seconds
// by the database clock; dbNow is the database's now when the row was read.
//
// Other programs write this table too. A row whose expires_at is not a finite
// number (NaN, Infinity, -Infinity, or NULL -- SQLite stores NaN as NULL) has an
// invalid expiry: it is neither held nor expired, no sweep removes it and no
// acquire takes it over; only a force release does (docs/ARCHITECTURE.md).
struct LeaseRow {
    QString key;
    QString token;
    QString owner; // the owner id part of a LockScope token, else empty
    double acquiredAt = 0;
    double expiresAt = 0;        // NaN when NULL in the table (see expiresAtText)
    QString expiresAtText;       // what was stored, when it is not a number: "NULL", "'soon'"
    std::optional<qint64> fence; // empty: written without fencing ("unfenced")
    // Whether the owner is still connected (OwnerSessions::annotate); unknown
    // unless a reader asked.
    OwnerStatus ownerStatus;
    // Redis only (empty for SQL rows): the key's type ("string" for a lease; its
    // expiresAt is +Infinity when the key has no TTL), and for a Redisson-style
    // hash of one field that field (the holder) and its value (the hold count).
    // acquiredAt is NaN: Redis does not keep it.
    QString redisType;
    QString holder;
    std::optional<qint64> holdCount;

    bool operator==(const LeaseRow &other) const {
        // NaN != NaN: compared as stored, so an unchanged row is not "changed".
        auto same = [](double a, double b) {
            return a == b || (std::isnan(a) && std::isnan(b));
        };
        return key == other.key && token == other.token && owner == other.owner &&
               same(acquiredAt, other.acquiredAt) && same(expiresAt, other.expiresAt) &&
               expiresAtText == other.expiresAtText && fence == other.fence &&
               ownerStatus == other.ownerStatus && redisType == other.redisType &&
               holder == other.holder && holdCount == other.holdCount;
    }
    bool isRedis() const { return !redisType.isEmpty(); }
    // A Redis key of another type than string: listed, not a lease LockScope releases.
    bool isRedisOtherType() const { return isRedis() && redisType != QLatin1String("string"); }
    // A Redis string key without TTL: a lock that never frees itself.
    bool isRedisNoExpiry() const {
        return isRedis() && !isRedisOtherType() && !std::isfinite(expiresAt);
    }
    bool hasValidExpiry() const { return expiresAtText.isEmpty() && std::isfinite(expiresAt); }
    // "NaN", "Infinity", "-Infinity", "NULL" (or the stored text) when the expiry
    // is invalid; empty when it is valid.
    QString invalidExpiry() const {
        if (!expiresAtText.isEmpty())
            return expiresAtText;
        if (std::isnan(expiresAt))
            return QStringLiteral("NaN");
        if (std::isinf(expiresAt))
            return expiresAt > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
        return {};
    }
    double remainingAt(double now) const { return expiresAt - now; }
    bool isHeldAt(double now) const { return hasValidExpiry() && expiresAt > now; }
    bool isExpiredAt(double now) const { return hasValidExpiry() && expiresAt <= now; }
};

struct LeaseSnapshot {
    double dbNow = 0;         // database clock when the snapshot was taken
    qint64 localMsAtRead = 0; // local clock (ms since epoch) at the same moment
    QList<LeaseRow> rows;     // ordered by key
    // PostgreSQL: a role that may read aggregate_locks but not lockscope_fences
    // gets the leases without their fences; this says so, and which GRANT
    // would show them. Empty when everything was read.
    QString unreadable;
};

} // namespace lockscope

Q_DECLARE_METATYPE(lockscope::LeaseSnapshot)
