#include "lease/leasemanager.h"

#include "base/canceltoken.h"
#include "base/duration.h"
#include "base/lockkey.h"
#include "lease/expirycheck.h"
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

Error timedOut(const QString &key, milliseconds waited) {
    return Error{
        ErrorKind::Timeout,
        QCoreApplication::translate("lockscope::LeaseManager",
                                    "Gave up waiting for the lease '%1' after %2: another owner "
                                    "still holds it. Wait longer, or see who holds it with "
                                    "`lockctl list`.")
            .arg(key, Duration::format(waited))};
}

// Every attempt found the database itself locked (SQLite: another connection's
// write transaction), so nobody may hold the lease at all: say so.
QString lockedFile(const QString &key, const ConnectionParams &params) {
    return QCoreApplication::translate(
               "lockscope::LeaseManager",
               "The lease '%1' could not be taken: the database %2 was locked by "
               "another connection (a write transaction of another program). Find "
               "it with `fuser %2`, or try again with a longer --wait.")
        .arg(key, params.isSqlite() ? params.sqlitePath : params.displayUrl());
}

Error cancelled(const QString &key) {
    return Error{
        ErrorKind::Cancelled,
        QCoreApplication::translate("lockscope::LeaseManager",
                                    "The wait for the lease '%1' was cancelled; nothing is held.")
            .arg(key)};
}

milliseconds jittered(milliseconds base) {
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    return milliseconds(std::max<qint64>(1, static_cast<qint64>(base.count() * factor)));
}

} // namespace

LeaseManager::LeaseManager(ConnectionParams params, LeaseConfig config)
    : m_backend(std::make_shared<LeaseBackend>(std::move(params), std::move(config))) {}

LeaseManager::~LeaseManager() = default;

const ConnectionParams &LeaseManager::params() const {
    return m_backend->params();
}

const LeaseConfig &LeaseManager::config() const {
    return m_backend->config();
}

int LeaseManager::pendingReleases() const {
    return m_backend->pendingReleases();
}

int LeaseManager::flushPendingReleases() {
    if (m_backend->pendingReleases() > 0)
        m_backend->retryPendingReleases();
    return m_backend->pendingReleases();
}

quint64 LeaseManager::statementCount() const {
    return m_backend->statementCount();
}

int LeaseManager::gateEntryCount() const {
    return m_backend->gate().entryCount();
}

int LeaseManager::gateWaiterCount(const QString &key) const {
    return m_backend->gate().waiterCount(key);
}

Result<Lease> LeaseManager::tryLock(const QString &key) {
    if (auto valid = LockKey::validate(key); !valid.ok())
        return valid.error();
    const bool gated = m_backend->config().inProcessGate;
    if (gated && !m_backend->gate().tryEnter(key)) {
        return Error{
            ErrorKind::NotAcquired,
            QCoreApplication::translate("lockscope::LeaseManager",
                                        "The lease '%1' is held by another thread of this process.")
                .arg(key)};
    }
    const QString token = OwnerToken::make(m_backend->config().ownerId);
    auto attempt = m_backend->acquireOnce(key, token);
    if (attempt.ok() && attempt.value())
        return Lease(m_backend, std::move(*attempt.value()), gated);
    if (gated)
        m_backend->gate().leave(key);
    if (!attempt.ok() && attempt.error().kind != ErrorKind::Busy)
        return attempt.error();
    if (!attempt.ok()) // the file (SQLite) or the key's row (PostgreSQL) stayed locked
        return Error{ErrorKind::NotAcquired, m_backend->params().isSqlite()
                                                 ? lockedFile(key, m_backend->params())
                                                 : attempt.error().message};
    if (const auto invalid = ExpiryCheck::invalidExpiry(m_backend->params(), key))
        return ExpiryCheck::error(key, *invalid);
    if (auto wrong = notALease(key))
        return *wrong;
    return Error{ErrorKind::NotAcquired,
                 QCoreApplication::translate("lockscope::LeaseManager",
                                             "The lease '%1' is held by another owner.")
                     .arg(key)};
}

Result<Lease> LeaseManager::lock(const QString &key, std::optional<milliseconds> maxWait,
                                 const CancelToken *cancel) {
    if (auto valid = LockKey::validate(key); !valid.ok())
        return valid.error();
    const std::optional<milliseconds> bound = maxWait ? maxWait : m_backend->config().maxWait;
    std::optional<Clock::time_point> deadline;
    if (bound)
        deadline = Clock::now() + *bound;

    const bool gated = m_backend->config().inProcessGate;
    if (gated) {
        switch (m_backend->gate().enter(key, deadline, cancel)) {
        case LocalGate::Outcome::Entered:
            break;
        case LocalGate::Outcome::TimedOut:
            return timedOut(key, *bound);
        case LocalGate::Outcome::Cancelled:
            return cancelled(key);
        }
    }
    auto result = acquireGated(key, gated, deadline, cancel);
    if (!result.ok() && gated)
        m_backend->gate().leave(key);
    if (!result.ok() && result.error().kind == ErrorKind::Timeout && bound) {
        if (!result.error().message.isEmpty()) // the file was locked, not the lease held
            return Error{
                ErrorKind::Timeout,
                QCoreApplication::translate("lockscope::LeaseManager", "Gave up after %1. %2")
                    .arg(Duration::format(*bound), result.error().message)};
        return timedOut(key, *bound);
    }
    return result;
}

Result<Lease> LeaseManager::acquireGated(const QString &key, bool gated,
                                         std::optional<Clock::time_point> deadline,
                                         const CancelToken *cancel) {
    const QString token = OwnerToken::make(m_backend->config().ownerId);
    KeyWakeups &wakeups = m_backend->wakeups();
    wakeups.enter(key);
    const auto leaveWakeups = qScopeGuard([&] { wakeups.leave(key); });
    bool listening = false;
    // Registered as a waiter for release notifications (PostgreSQL with
    // migration 0007, and Redis): releases notify only registered waiters. A successful acquire
    // drops the registration in the same statement; any other way out drops it here.
    bool registered = false;
    Clock::time_point registeredAt;
    const auto unregister = qScopeGuard([&] {
        if (registered)
            (void)m_backend->unregisterWaiter(key, token);
    });
    bool sawHolder = false; // an attempt that found the lease held, not the file locked
    QString lastBusy;       // why the last attempt that found it locked gave up
    // A holder whose expiry is not a finite number never lets go: looked up on
    // the first failed attempt, then at most every ExpiryCheck::kIntervalSeconds.
    std::optional<Clock::time_point> nextExpiryCheck;
    for (;;) {
        // Read before the attempt: a release that lands between the attempt and
        // the wait moves the generation, and the wait returns at once.
        const quint64 seen = wakeups.generation(key);
        auto attempt = m_backend->acquireOnce(key, token, registered, {deadline, cancel});
        if (!attempt.ok() && attempt.error().kind == ErrorKind::Cancelled)
            return cancelled(key);
        if (!attempt.ok() && attempt.error().kind != ErrorKind::Busy)
            return attempt.error();
        if (!attempt.ok())
            lastBusy = attempt.error().message;
        sawHolder = sawHolder || attempt.ok();
        if (attempt.ok() && attempt.value()) {
            registered = false; // the acquire dropped the registration
            if (cancel && cancel->isCancelled()) {
                // The database granted it just as the cancel arrived: give it back.
                (void)m_backend->releaseOnce(key, token);
                return cancelled(key);
            }
            // The gate slot now belongs to the handle; lock() must not leave it.
            return Lease(m_backend, std::move(*attempt.value()), gated);
        }
        if (cancel && cancel->isCancelled())
            return cancelled(key);
        if (attempt.ok() && (!nextExpiryCheck || Clock::now() >= *nextExpiryCheck)) {
            if (const auto invalid = ExpiryCheck::invalidExpiry(m_backend->params(), key))
                return ExpiryCheck::error(key, *invalid);
            // A semaphore or reader-writer key, also one that became one while
            // this waited (the lease was released and the key used as another kind).
            if (auto wrong = notALease(key))
                return *wrong;
            nextExpiryCheck = Clock::now() + std::chrono::seconds(ExpiryCheck::kIntervalSeconds);
        }
        if (!listening && m_backend->listenForReleases()) {
            listening = true;
            // Listening first, then registered, then one more attempt at once: a
            // release committed before the registration sent no notification,
            // and this attempt sees it (see migration 0007). Without a waiter
            // table (an older schema) releases notify anyway.
            const auto done = m_backend->registerWaiter(key, token);
            registered = done.ok() && done.value();
            registeredAt = Clock::now();
            continue;
        }
        if (registered &&
            Clock::now() - registeredAt >= LeaseBackend::waiterRegistrationLife() / 2) {
            // Keep the registration alive for as long as this wait lasts.
            const auto done = m_backend->registerWaiter(key, token);
            registered = done.ok() && done.value();
            registeredAt = Clock::now();
        }
        auto until = Clock::now() + jittered(m_backend->config().retryInterval);
        if (deadline) {
            if (Clock::now() >= *deadline)
                return Error{ErrorKind::Timeout, sawHolder ? QString()
                                                 : m_backend->params().isSqlite()
                                                     ? lockedFile(key, m_backend->params())
                                                     : lastBusy};
            until = std::min(until, *deadline);
        }
        if (listening) {
            wakeups.waitForRelease(key, seen, until, cancel);
            if (cancel && cancel->isCancelled())
                return cancelled(key);
        } else if (cancel) {
            if (cancel->sleepFor(std::chrono::duration_cast<milliseconds>(until - Clock::now())))
                return cancelled(key);
        } else {
            std::this_thread::sleep_until(until);
        }
    }
}

} // namespace lockscope
