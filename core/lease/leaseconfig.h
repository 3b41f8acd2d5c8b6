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
    // PostgreSQL: whether a release waits for its commit to reach the disk.
    // Off by default: the release commits asynchronously, which halves the WAL
    // flushes a lease cycle waits for. Safe for mutual exclusion: the next
    // acquire of the key (by anyone) commits durably, and its flush covers the
    // release; a crash can lose only a release nobody acted on yet, and that
    // lease then expires at its TTL as if its holder had died. Turn it on when
    // leases are long and a lease back from the dead after a server crash
    // would block others too long.
    bool durableRelease = false;
    // THE CONTROL for tests and the load generator, never for real use:
    // semaphores admit by counting the live holders and then inserting, in two
    // statements -- which over-admits under concurrency, as the tests show.
    bool semaphoreByCounting = false;
    // THE CONTROL for the first-use race test, never for real use: record a
    // key's kind (semaphore, rw) without claiming the key in aggregate_locks, as
    // before migration 0009 -- a plain acquire of a never-used key at the same
    // moment can then succeed too, as the test shows.
    bool kindsWithoutClaim = false;
    // THE CONTROL for the lost wake-up test, never for real use: acquire a
    // semaphore's permit with the one statement of before migration 0010, which
    // does not wait for a release in flight -- a waiter can then miss that
    // release's notification and sleep until its next poll, as the test shows.
    bool semaphoreIgnoresReleasesInFlight = false;
    // For tests: keep the transaction that records a key's kind open this long
    // before it commits, to widen the window in which a plain acquire of the same
    // key would race it. Zero (one statement, nothing held open) in real use.
    std::chrono::milliseconds kindRecordHold{0};

    // How long before a lease could expire on the database its heartbeat
    // declares it lost when renewals do not come back (measured from when the
    // acquire or the last successful renewal was sent). Default: TTL / 10,
    // between 10 ms and 2 s.
    std::optional<std::chrono::milliseconds> lossMargin;
    std::chrono::milliseconds effectiveLossMargin() const;

    static QString defaultOwnerId();
};

} // namespace lockscope
