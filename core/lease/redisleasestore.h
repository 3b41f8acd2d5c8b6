#pragma once

#include "lease/leasestore.h"

#include <mutex>

namespace lockscope {

class RedisConnection;
class RedisReleaseListener;

// The lease store on Redis (redis:// and rediss:// URLs). Each calling thread
// uses its own connection (RedisThreadConnections, purpose "lease"); a
// connection the server cut is reopened and the script sent once more
// (acquire with the same token, renew and release are all safe to repeat).
// See RedisLeaseScripts for the protocol.
class RedisLeaseStore final : public LeaseStore {
public:
    RedisLeaseStore(ConnectionParams params, LeaseConfig config, std::atomic<quint64> &statements);
    ~RedisLeaseStore() override;

    enum class ReleaseOutcome { Released, Absent, HeldByOther };
    // The three answers of the release script: released; absent (it expired,
    // or was never taken); held by another value (taken over, or another program's).
    Result<ReleaseOutcome> release(const QString &key, const QString &token);

    Result<std::optional<LeaseInfo>> acquireOnce(const QString &key, const QString &token,
                                                 bool registered = false) override;
    Result<bool> releaseOnce(const QString &key, const QString &token) override;
    Result<std::optional<double>> renewOnce(const QString &key, const QString &token,
                                            std::chrono::milliseconds ttl) override;
    Result<std::optional<double>> renewBounded(const QString &key, const QString &token,
                                               std::chrono::milliseconds ttl,
                                               std::chrono::steady_clock::time_point deadline,
                                               const std::function<bool()> &stopped) override;
    bool listenForReleases(KeyWakeups &wakeups) override;
    Status registerWaiter(const QString &key, const QString &token,
                          std::chrono::milliseconds life) override;
    Status unregisterWaiter(const QString &key, const QString &token) override;
    // Why the key's holder never lets go (a key without TTL), or nullopt.
    static std::optional<QString> noExpiry(const ConnectionParams &params, const QString &key);

    static QString connectionPurpose() { return QStringLiteral("lease"); }

private:
    RedisConnection &connection();
    Result<std::optional<double>> renewWith(const QString &key, const QString &token,
                                            std::chrono::milliseconds ttl,
                                            std::chrono::steady_clock::time_point deadline,
                                            const std::function<bool()> &stopped);

    ConnectionParams m_params;
    LeaseConfig m_config;
    std::atomic<quint64> &m_statements;
    const QString m_connectionName; // RedisThreadConnections::nameFor, once
    const QByteArray m_ttlText;     // the acquire's PX argument, formatted once
    std::mutex m_listenerMutex;
    std::unique_ptr<RedisReleaseListener> m_listener;
};

} // namespace lockscope
