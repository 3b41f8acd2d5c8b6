// LeaseManager's semaphores and reader-writer leases (issue 15): the same wait
// as lock() -- in-process gate, database attempts, release notifications and
// polling as the fallback -- over SharedLockStore.
#include "lease/leasemanager.h"

#include "base/canceltoken.h"
#include "base/duration.h"
#include "base/lockkey.h"
#include "lease/keywakeups.h"
#include "lease/leasebackend.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QScopeGuard>

#include <thread>

namespace lockscope {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

namespace {

QString what(const QString &key, LockKind kind) {
    switch (kind) {
    case LockKind::Semaphore:
        return QCoreApplication::translate("lockscope::LeaseManager",
                                           "a permit of the semaphore '%1'")
            .arg(key);
    case LockKind::Read:
        return QCoreApplication::translate("lockscope::LeaseManager", "a read share of '%1'")
            .arg(key);
    case LockKind::Write:
        return QCoreApplication::translate("lockscope::LeaseManager", "the write share of '%1'")
            .arg(key);
    case LockKind::Lease:
        break;
    }
    return QCoreApplication::translate("lockscope::LeaseManager", "the lease '%1'").arg(key);
}

Error sharedTimedOut(const QString &key, LockKind kind, milliseconds waited) {
    return Error{
        ErrorKind::Timeout,
        QCoreApplication::translate("lockscope::LeaseManager",
                                    "Gave up waiting for %1 after %2: %3. Wait longer, or see who "
                                    "holds it with `lockctl list`.")
            .arg(
                what(key, kind), Duration::format(waited),
                kind == LockKind::Semaphore
                    ? QCoreApplication::translate("lockscope::LeaseManager", "every permit is held")
                    : QCoreApplication::translate("lockscope::LeaseManager", "it is held"))};
}

// The time ran out while the last attempt could not even be tried: a row of
// the key (its kind, a holder) stayed locked by another transaction.
Error sharedRowsLocked(const QString &key, LockKind kind, milliseconds waited) {
    return Error{ErrorKind::Timeout,
                 QCoreApplication::translate(
                     "lockscope::LeaseManager",
                     "Gave up waiting for %1 after %2: the key's rows stayed locked by another "
                     "transaction (a program that wrote or locked them and has not committed). "
                     "`lockctl locks` lists the sessions and the transactions they hold open: end "
                     "that transaction (`lockctl terminate-backend PID`) or wait for it.")
                     .arg(what(key, kind), Duration::format(waited))};
}

Error sharedCancelled(const QString &key, LockKind kind) {
    return Error{ErrorKind::Cancelled,
                 QCoreApplication::translate("lockscope::LeaseManager",
                                             "The wait for %1 was cancelled; nothing is held.")
                     .arg(what(key, kind))};
}

// useAs until it answers something other than Busy, the caller's time is up,
// or it cancels: a wait with time left (or no bound) keeps waiting while
// another transaction holds the key's row locked, as a lease's wait does.
// (useAs itself tries a few times, each statement waiting up to the lease
// connection's lock_timeout.) Given up, it says why: the cancel, or the
// bound `bound` (the wait asked for) with useAs's reason.
Status useAsWithin(SharedLockStore &store, const QString &key, LockKind kind, int permits,
                   std::optional<milliseconds> bound, std::optional<Clock::time_point> deadline,
                   const CancelToken *cancel) {
    for (;;) {
        Status usable = store.useAs(key, kind, permits, deadline, cancel);
        if (usable.ok() || usable.error().kind != ErrorKind::Busy)
            return usable;
        if (cancel && cancel->isCancelled())
            return sharedCancelled(key, kind);
        if (deadline && Clock::now() >= *deadline)
            return Error{
                ErrorKind::Timeout,
                QCoreApplication::translate("lockscope::LeaseManager", "Gave up after %1. %2")
                    .arg(Duration::format(bound.value_or(milliseconds(0))),
                         usable.error().message)};
        std::this_thread::sleep_for(milliseconds(50)); // never a busy loop
    }
}

milliseconds jitter(milliseconds base) {
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    return milliseconds(std::max<qint64>(1, static_cast<qint64>(base.count() * factor)));
}

} // namespace

Result<Lease> LeaseManager::acquireSemaphore(const QString &key, int permits,
                                             std::optional<milliseconds> maxWait,
                                             const CancelToken *cancel) {
    if (permits < 1 || permits > LockKinds::kMaxPermits)
        return Error{
            ErrorKind::InvalidArgument,
            QCoreApplication::translate("lockscope::LeaseManager",
                                        "A semaphore has between 1 and %1 permits, not %2. Give a "
                                        "number in that range.")
                .arg(LockKinds::kMaxPermits)
                .arg(permits)};
    return acquireShared(key, LockKind::Semaphore, permits, maxWait, cancel);
}

Result<Lease> LeaseManager::acquireRead(const QString &key, std::optional<milliseconds> maxWait,
                                        const CancelToken *cancel) {
    return acquireShared(key, LockKind::Read, 0, maxWait, cancel);
}

Result<Lease> LeaseManager::acquireWrite(const QString &key, std::optional<milliseconds> maxWait,
                                         const CancelToken *cancel) {
    return acquireShared(key, LockKind::Write, 0, maxWait, cancel);
}

std::optional<Error> LeaseManager::notALease(const QString &key) {
    if (m_backend->params().isRedis())
        return std::nullopt; // the acquire script itself refuses another kind (WrongKind)
    auto kind = SharedLockStore::kindOf(m_backend->params(), key);
    if (!kind.ok() || !kind.value())
        return std::nullopt;
    return SharedLockStore::wrongKind(key, *kind.value(), LockKind::Lease, 0);
}

Result<Lease> LeaseManager::acquireShared(const QString &key, LockKind kind, int permits,
                                          std::optional<milliseconds> maxWait,
                                          const CancelToken *cancel) {
    if (auto valid = LockKey::validate(key); !valid.ok())
        return valid.error();
    const std::optional<milliseconds> bound = maxWait ? maxWait : m_backend->config().maxWait;
    std::optional<Clock::time_point> deadline;
    if (bound)
        deadline = Clock::now() + *bound;
    if (auto usable =
            useAsWithin(m_backend->sharedLocks(), key, kind, permits, bound, deadline, cancel);
        !usable.ok())
        return usable.error();
    const bool gated = m_backend->config().inProcessGate;
    if (gated) {
        switch (m_backend->sharedGate().enter(key, kind, permits, deadline, cancel)) {
        case SharedGate::Outcome::Entered:
            break;
        case SharedGate::Outcome::TimedOut:
            return sharedTimedOut(key, kind, *bound);
        case SharedGate::Outcome::Cancelled:
            return sharedCancelled(key, kind);
        }
    }
    auto result = waitShared(key, kind, permits, deadline, bound, cancel);
    if (!result.ok() && gated)
        m_backend->sharedGate().leave(key, kind);
    // The wait's own deadline (an empty message) says who holds the key; a
    // statement timeout from the database keeps its own sentence.
    if (!result.ok() && result.error().kind == ErrorKind::Timeout &&
        result.error().message.isEmpty() && bound)
        return sharedTimedOut(key, kind, *bound);
    return result;
}

Result<Lease> LeaseManager::waitShared(const QString &key, LockKind kind, int permits,
                                       std::optional<Clock::time_point> deadline,
                                       std::optional<milliseconds> bound,
                                       const CancelToken *cancel) {
    const bool gated = m_backend->config().inProcessGate;
    const QString token = OwnerToken::make(m_backend->config().ownerId);
    SharedLockStore &store = m_backend->sharedLocks();
    KeyWakeups &wakeups = m_backend->wakeups();
    wakeups.enter(key);
    const auto leaveWakeups = qScopeGuard([&] { wakeups.leave(key); });
    bool listening = false;
    bool registered = false; // for release notifications (PostgreSQL, 0007)
    bool queued = false;     // a reader's or writer's place in the key's queue
    Clock::time_point registeredAt;
    const auto giveUp = qScopeGuard([&] {
        if (registered)
            (void)m_backend->unregisterWaiter(key, token);
        if (queued)
            (void)store.releaseOnce(key, token); // the place, so nobody waits behind it
    });
    int atOnce = 0;
    int kindAgain = 0;
    bool rowsLocked = false; // the last attempt was Busy: not even tried
    for (;;) {
        const quint64 seen = wakeups.generation(key);
        if (m_backend->hasPendingReleases())
            m_backend->retryPendingReleases(); // a permit of ours may be what blocks us
        auto attempt = store.acquireOnce(key, token, kind, permits, deadline);
        if (!attempt.ok() && attempt.error().kind != ErrorKind::Busy)
            return attempt.error();
        rowsLocked = !attempt.ok();
        if (attempt.ok() && attempt->info) {
            queued = false; // the acquire replaced the place with the holder
            if (registered) {
                (void)m_backend->unregisterWaiter(key, token);
                registered = false;
            }
            if (cancel && cancel->isCancelled()) {
                (void)m_backend->releaseHolder(*attempt->info);
                return sharedCancelled(key, kind);
            }
            return Lease(m_backend, std::move(*attempt->info), gated);
        }
        if (attempt.ok() && attempt->kindGone && kindAgain++ < 8) {
            // The key's kind went idle and was dropped (or changed) since
            // useAs: record it again, or learn what the key is now.
            store.forget(key);
            if (auto usable = useAsWithin(store, key, kind, permits, bound, deadline, cancel);
                !usable.ok())
                return usable.error();
            continue;
        }
        if (cancel && cancel->isCancelled())
            return sharedCancelled(key, kind);
        // A reader's or writer's attempt that waits leaves its place in the
        // queue; a busy attempt (no answer) leaves the place as it was.
        if (attempt.ok())
            queued = kind != LockKind::Semaphore;
        if (attempt.ok() && attempt->retryAtOnce && atOnce < 8) {
            ++atOnce; // a free permit went to another process at the same moment
            continue;
        }
        atOnce = 0;
        if (!listening && m_backend->listenForReleases()) {
            listening = true;
            const auto done = m_backend->registerWaiter(key, token);
            registered = done.ok() && done.value();
            registeredAt = Clock::now();
            continue;
        }
        if (registered &&
            Clock::now() - registeredAt >= LeaseBackend::waiterRegistrationLife() / 2) {
            const auto done = m_backend->registerWaiter(key, token);
            registered = done.ok() && done.value();
            registeredAt = Clock::now();
        }
        auto until = Clock::now() + jitter(m_backend->config().retryInterval);
        if (deadline) {
            if (Clock::now() >= *deadline)
                return rowsLocked ? sharedRowsLocked(key, kind, bound.value_or(milliseconds(0)))
                                  : Error{ErrorKind::Timeout, QString()};
            until = std::min(until, *deadline);
        }
        // Woken by a release notification (PostgreSQL) or by a release of this
        // process's own (every store: a semaphore admits several local holders,
        // and SQLite notifies nobody); else the poll.
        wakeups.waitForRelease(key, seen, until, cancel);
        if (cancel && cancel->isCancelled())
            return sharedCancelled(key, kind);
    }
}

} // namespace lockscope
