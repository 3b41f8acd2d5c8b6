#pragma once

#include "base/result.h"
#include "db/connectionparams.h"
#include "lease/lease.h"
#include "lease/leaseconfig.h"

#include <memory>
#include <optional>

namespace lockscope {

class CancelToken;
class LeaseBackend;

// A durable, cross-process lease lock over the aggregate_locks table.
//
// Thread-safe: any thread may call it; each thread uses its own connection
// (purpose "lease"), separate from the connections of the work it protects.
// Threads of one process that want the same key queue in an in-process gate;
// only the local winner talks to the database, and a release hands the key to
// the next local waiter at once. Use one manager per process and database.
class LeaseManager final {
public:
    explicit LeaseManager(ConnectionParams params, LeaseConfig config = {});
    ~LeaseManager();
    LeaseManager(const LeaseManager &) = delete;
    LeaseManager &operator=(const LeaseManager &) = delete;

    // One attempt. NotAcquired when someone else holds the key.
    Result<Lease> tryLock(const QString &key);

    // Waits until acquired, `maxWait` (default: the config's) ran out (Timeout),
    // or `cancel` was cancelled (Cancelled). A failed wait holds nothing.
    Result<Lease> lock(const QString &key,
                       std::optional<std::chrono::milliseconds> maxWait = std::nullopt,
                       const CancelToken *cancel = nullptr);

    const ConnectionParams &params() const;
    const LeaseConfig &config() const;
    // Statements this manager sent to the database (acquire, release, renew).
    quint64 statementCount() const;
    // Releases the server never saw (it was unreachable); each is sent again
    // before this manager's next acquire, while its TTL has not run out.
    int pendingReleases() const;
    // Sends those releases now, on the calling thread's connection, and
    // answers how many still wait (the server is still unreachable). For a
    // service that may not acquire again soon: call it from a timer, or before
    // exiting, instead of leaving those keys blocked until their TTL runs out.
    int flushPendingReleases();
    // Keys held or awaited in the in-process gate.
    int gateEntryCount() const;
    // Threads of this process queued behind the local holder of `key`.
    int gateWaiterCount(const QString &key) const;

private:
    Result<Lease> acquireGated(const QString &key, bool gated,
                               std::optional<std::chrono::steady_clock::time_point> deadline,
                               const CancelToken *cancel);

    std::shared_ptr<LeaseBackend> m_backend;
};

} // namespace lockscope
