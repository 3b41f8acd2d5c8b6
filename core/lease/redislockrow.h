#pragma once

#include "lease/leaserow.h"

#include <QString>

#include <limits>

#include <optional>

namespace lockscope {

// One key of a Redis lock namespace as the inspector shows it. A string key is
// a lease (its value the owner token); other types are listed with their type.
struct RedisLockRow {
    enum class State { Held, NoExpiry, OtherType };
    QString key;   // without the URL's prefix
    QString type;  // "string", "hash", …
    QString token; // a string key's value
    QString owner; // the owner id part of a LockScope token, else empty
    // PTTL in ms, -1 when the key has no expiry.
    qint64 pttlMs = -1;
    double readAt = 0;           // the server's clock (TIME) in the pipeline that read the PTTL
    std::optional<qint64> fence; // LockScope's fence counter for the key, if any
    // A Redisson-style lock (a hash of one field "<id>:<thread>" -> hold count).
    QString hashHolder;
    std::optional<qint64> hashCount;

    State state() const {
        if (type != QLatin1String("string"))
            return State::OtherType;
        return pttlMs < 0 ? State::NoExpiry : State::Held;
    }
    QString stateName() const {
        switch (state()) {
        case State::Held:
            return QStringLiteral("held");
        case State::NoExpiry:
            return QStringLiteral("no-expiry");
        case State::OtherType:
            break;
        }
        return type;
    }
    // The row as the Leases view shows it: expires_at by the server's clock
    // (readAt, else `serverNow`, + PTTL), +Infinity without a TTL, acquired_at
    // unknown (NaN).
    LeaseRow toLeaseRow(double serverNow) const {
        if (readAt > 0)
            serverNow = readAt;
        LeaseRow r;
        r.key = key;
        r.token = token;
        r.owner = owner;
        r.acquiredAt = std::numeric_limits<double>::quiet_NaN();
        r.expiresAt = pttlMs >= 0 ? serverNow + static_cast<double>(pttlMs) / 1000.0
                                  : std::numeric_limits<double>::infinity();
        r.fence = fence;
        r.redisType = type;
        r.holder = hashHolder;
        r.holdCount = hashCount;
        return r;
    }
};

} // namespace lockscope
