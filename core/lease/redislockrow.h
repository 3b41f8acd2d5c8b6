#pragma once

#include <QString>

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
};

} // namespace lockscope
