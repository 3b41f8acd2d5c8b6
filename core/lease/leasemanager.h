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

    // A permit of the counting semaphore `key` with `permits` (1..1000)
    // permits: at most that many live holders at once, across threads and
    // processes. The first use records the key as a semaphore with that number;
    // another number, or a key that is a lease or a reader-writer lease, is
    // refused (WrongKind). The handle is a Lease (renew, heartbeat, fence,
    // release); info().slot says which permit. maxWait 0: one attempt.
    Result<Lease> acquireSemaphore(const QString &key, int permits,
                                   std::optional<std::chrono::milliseconds> maxWait = std::nullopt,
                                   const CancelToken *cancel = nullptr);
    // A reader's or the writer's share of the reader-writer lease `key`: any
    // number of readers or one writer. A waiting writer holds back readers that
    // come after it; readers that waited before it go first.
    Result<Lease> acquireRead(const QString &key,
                              std::optional<std::chrono::milliseconds> maxWait = std::nullopt,
                              const CancelToken *cancel = nullptr);
    Result<Lease> acquireWrite(const QString &key,
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
    Result<Lease> acquireShared(const QString &key, LockKind kind, int permits,
                                std::optional<std::chrono::milliseconds> maxWait,
                                const CancelToken *cancel);
    Result<Lease> waitShared(const QString &key, LockKind kind, int permits,
                             std::optional<std::chrono::steady_clock::time_point> deadline,
                             std::optional<std::chrono::milliseconds> bound,
                             const CancelToken *cancel);
    // After an attempt found a lease key busy: WrongKind when the key is a
    // semaphore or a reader-writer lease (the acquire refuses those).
    std::optional<Error> notALease(const QString &key);
    Result<Lease> acquireGated(const QString &key, bool gated,
                               std::optional<std::chrono::steady_clock::time_point> deadline,
                               const CancelToken *cancel);

    std::shared_ptr<LeaseBackend> m_backend;
};

} // namespace lockscope
