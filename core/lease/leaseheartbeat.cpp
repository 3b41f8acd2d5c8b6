#include "lease/leaseheartbeat.h"

#include "base/duration.h"
#include "lease/leasebackend.h"

#include <QCoreApplication>
#include <condition_variable>

namespace lockscope {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct LeaseHeartbeat::Shared {
    Shared(std::shared_ptr<LeaseBackend> b, LeaseInfo i, milliseconds every,
           LeaseLostCallback onLost)
        : backend(std::move(b))
        , info(std::move(i))
        , interval(every)
        , lost(std::move(onLost)) {}

    const std::shared_ptr<LeaseBackend> backend;
    mutable std::mutex mutex;
    std::condition_variable changed; // the deadline moved, or the renewer ended
    LeaseInfo info;                  // expiresAt and sentAt move with renewals
    Clock::time_point validUntil;    // sentAt + TTL - margin
    QString lastError;               // of the last failed renewal, for the loss's reason
    bool renewerDone = false;
    const milliseconds interval;
    LostSignal lost;
    std::atomic<quint64> renewals{0};
};

namespace {

void renewLoop(LeaseHeartbeat::Shared &s) {
    const milliseconds ttl = s.backend->config().ttl;
    const milliseconds margin = s.backend->config().effectiveLossMargin();
    milliseconds wait = s.interval;
    for (;;) {
        Clock::time_point validUntil;
        {
            std::lock_guard lock(s.mutex);
            validUntil = s.validUntil;
        }
        const auto left = std::chrono::duration_cast<milliseconds>(validUntil - Clock::now());
        if (s.lost.waitFor(std::clamp(left, milliseconds(0), wait)) || s.lost.isLost())
            return;
        const auto sent = Clock::now();
        auto renewed = s.backend->renewHolderBounded(s.info, ttl, std::max(validUntil, sent), [&s] {
            return s.lost.isStopping() || s.lost.isLost();
        });
        if (s.lost.isStopping() || s.lost.isLost())
            return;
        if (renewed.ok() && renewed.value()) {
            {
                std::lock_guard lock(s.mutex);
                s.info.expiresAt = *renewed.value();
                s.info.sentAt = sent;
                s.validUntil = sent + ttl - margin;
                s.lastError.clear();
            }
            s.changed.notify_all();
            ++s.renewals;
            wait = s.interval;
            continue;
        }
        if (renewed.ok()) {
            s.lost.declare(s.info.key, QCoreApplication::translate(
                                           "lockscope::LeaseHeartbeat",
                                           "The lease '%1' is no longer held with this token: it "
                                           "expired and was taken over, or an operator released or "
                                           "swept it. Stop the work it protects.")
                                           .arg(s.info.key));
            return;
        }
        // Unreachable, or no answer in time: try again sooner; the watchdog
        // declares the loss when the lease could have expired.
        {
            std::lock_guard lock(s.mutex);
            s.lastError = renewed.error().message;
        }
        wait = std::max(milliseconds(50), s.interval / 4);
    }
}

// Declares the lease lost at the moment the database could consider it
// expired unless a renewal moved that moment on first. It never touches the
// database, so nothing the renewer is stuck in can delay it.
void watch(LeaseHeartbeat::Shared &s) {
    const milliseconds ttl = s.backend->config().ttl;
    const milliseconds margin = s.backend->config().effectiveLossMargin();
    std::unique_lock lock(s.mutex);
    for (;;) {
        const Clock::time_point until = s.validUntil;
        s.changed.wait_until(lock, until, [&] {
            return s.lost.isStopping() || s.lost.isLost() || s.validUntil != until;
        });
        if (s.lost.isStopping() || s.lost.isLost())
            return;
        if (s.validUntil != until)
            continue; // renewed: a new deadline
        if (Clock::now() < until)
            continue;
        const QString lastError = s.lastError;
        lock.unlock();
        s.lost.declare(
            s.info.key,
            QCoreApplication::translate(
                "lockscope::LeaseHeartbeat",
                "The lease '%1' could not be renewed before it could expire on the "
                "database (%2 after it was last confirmed, with a %3 safety margin)%4. "
                "Stop the work it protects.")
                .arg(s.info.key, Duration::format(ttl), Duration::format(margin),
                     lastError.isEmpty() ? QString() : QStringLiteral(": ") + lastError));
        return;
    }
}

} // namespace

LeaseHeartbeat::LeaseHeartbeat(std::shared_ptr<LeaseBackend> backend, LeaseInfo info,
                               milliseconds interval, LeaseLostCallback onLost)
    : m_shared(std::make_shared<Shared>(std::move(backend), std::move(info),
                                        std::max(interval, milliseconds(10)), std::move(onLost))) {
    m_shared->validUntil = m_shared->info.sentAt + m_shared->backend->config().ttl -
                           m_shared->backend->config().effectiveLossMargin();
    m_renewer = std::thread([s = m_shared] {
        renewLoop(*s);
        {
            std::lock_guard lock(s->mutex);
            s->renewerDone = true;
        }
        s->changed.notify_all();
    });
    m_watchdog = std::thread([s = m_shared] { watch(*s); });
}

LeaseHeartbeat::~LeaseHeartbeat() {
    stop();
}

void LeaseHeartbeat::stop() {
    m_shared->lost.stop();
    {
        // Taken after the stop is set: a watchdog between its check and its
        // wait cannot miss the notification.
        std::lock_guard lock(m_shared->mutex);
    }
    m_shared->changed.notify_all();
    const auto self = std::this_thread::get_id();
    if (m_watchdog.joinable() && m_watchdog.get_id() != self)
        m_watchdog.join();
    if (m_renewer.joinable() && m_renewer.get_id() != self) {
        bool done = false;
        {
            std::unique_lock lock(m_shared->mutex);
            done = m_shared->changed.wait_for(lock, std::chrono::seconds(2),
                                              [this] { return m_shared->renewerDone; });
        }
        if (done)
            m_renewer.join();
        else
            m_renewer.detach(); // it holds m_shared, never this object
    }
}

bool LeaseHeartbeat::isLost() const {
    return m_shared->lost.isLost();
}

QString LeaseHeartbeat::lostReason() const {
    return m_shared->lost.reason();
}

quint64 LeaseHeartbeat::renewals() const {
    return m_shared->renewals.load();
}

LockLostNotifier *LeaseHeartbeat::notifier() const {
    return m_shared->lost.notifier();
}

double LeaseHeartbeat::expiresAt() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->info.expiresAt;
}

Clock::time_point LeaseHeartbeat::sentAt() const {
    std::lock_guard lock(m_shared->mutex);
    return m_shared->info.sentAt;
}

} // namespace lockscope
