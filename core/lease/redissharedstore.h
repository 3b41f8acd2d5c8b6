#pragma once

#include "lease/sharedlockstore.h"

namespace lockscope {

class RedisConnection;
struct RedisReply;

// SharedLockStore's work on a Redis store: semaphores and reader-writer leases
// as RedisSharedScripts lays them out. Each calling thread uses its own
// connection (purpose "lease"); a connection the server cut is reopened and
// the script sent once more (an acquire with the same token re-takes what a
// lost reply took; release and renew act by token).
class RedisSharedStore final {
public:
    RedisSharedStore(const ConnectionParams &params, const LeaseConfig &config,
                     std::atomic<quint64> &statements);
    RedisSharedStore(const RedisSharedStore &) = delete;
    RedisSharedStore &operator=(const RedisSharedStore &) = delete;

    // nullopt: the key is no semaphore or reader-writer lease (or absent).
    static Result<std::optional<SharedLockStore::KeyKind>> kindOf(const ConnectionParams &params,
                                                                  const QString &key);
    // The error for a script's refusal {-1, type, kind, permits}.
    static Error refusal(const QString &key, const RedisReply &reply, LockKind wanted, int permits);

    Result<SharedLockStore::Attempt> acquireOnce(const QString &key, const QString &token,
                                                 LockKind kind, int permits,
                                                 std::chrono::milliseconds waitLife);
    Result<SharedRelease> releaseOnce(const QString &key, const QString &token);
    Result<std::optional<double>> renew(const QString &key, const QString &token,
                                        std::chrono::milliseconds ttl,
                                        std::chrono::steady_clock::time_point deadline,
                                        const std::function<bool()> &stopped);

private:
    RedisConnection &connection();
    Result<SharedLockStore::Attempt> acquireCounting(const QString &key, const QString &token,
                                                     int permits);

    ConnectionParams m_params;
    LeaseConfig m_config;
    std::atomic<quint64> &m_statements;
};

} // namespace lockscope
