#pragma once

#include <QString>

#include <chrono>
#include <optional>

namespace lockscope {

struct LeaseConfig {
    // How long a lease lives unless renewed or released.
    std::chrono::milliseconds ttl{30'000};
    // Pause between database attempts while another process holds the key,
    // jittered uniformly over [0.5, 1.5] x this value.
    std::chrono::milliseconds retryInterval{50};
    // Bound on lock()'s whole wait (in-process gate plus database); none = unbounded.
    std::optional<std::chrono::milliseconds> maxWait;
    // Shown to operators as the holder; defaults to host:pid:random.
    QString ownerId;
    // Threads of this process queue in-process; only the local winner asks the database.
    bool inProcessGate = true;
    // PostgreSQL: wake database waiters at once when a LockScope process releases
    // the key (LISTEN/NOTIFY); polling at retryInterval remains the fallback.
    bool releaseNotifications = true;

    static QString defaultOwnerId();
};

} // namespace lockscope
