#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/leaseconfig.h"
#include "lease/leaseinfo.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace lockscope {

class KeyWakeups;

// A store behind LeaseManager other than the SQL tables (which LeaseBackend
// still runs itself): chosen by the URL (LeaseStore::create), so code that
// uses LeaseManager and Lease does not change. The same semantics as the SQL
// protocol: the store's clock decides expiry, release and renew act only with
// the owner's token, fences strictly increase per key.
class LeaseStore {
public:
    virtual ~LeaseStore() = default;

    // nullptr for PostgreSQL and SQLite. `statements` counts what is sent.
    static std::unique_ptr<LeaseStore> create(const ConnectionParams &params,
                                              const LeaseConfig &config,
                                              std::atomic<quint64> &statements);

    // nullopt: another live holder has the key. `registered`: the token is
    // registered as a waiter for the key (registerWaiter), and a successful
    // acquire drops that registration in the same step.
    virtual Result<std::optional<LeaseInfo>> acquireOnce(const QString &key, const QString &token,
                                                         bool registered = false) = 0;
    // true: it was still ours and is gone now.
    virtual Result<bool> releaseOnce(const QString &key, const QString &token) = 0;
    // New expiry (epoch seconds, the store's clock), nullopt when no longer ours.
    virtual Result<std::optional<double>> renewOnce(const QString &key, const QString &token,
                                                    std::chrono::milliseconds ttl) = 0;
    virtual Result<std::optional<double>>
    renewBounded(const QString &key, const QString &token, std::chrono::milliseconds ttl,
                 std::chrono::steady_clock::time_point deadline,
                 const std::function<bool()> &stopped) = 0;
    // Starts listening for other processes' releases (once); true when they
    // will wake `wakeups`.
    virtual bool listenForReleases(KeyWakeups &wakeups) = 0;
    // Registers `token` as waiting for `key` for `life` (call again to keep it):
    // a release wakes listeners only while a registration exists. Called after
    // listenForReleases() and before one more attempt, so a release before the
    // registration is seen by that attempt and one after it is published.
    virtual Status registerWaiter(const QString &key, const QString &token,
                                  std::chrono::milliseconds life) = 0;
    virtual Status unregisterWaiter(const QString &key, const QString &token) = 0;

protected:
    LeaseStore() = default;
};

} // namespace lockscope
