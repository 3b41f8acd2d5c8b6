#include "leaseheartbeat.h"

#include "duration.h"
#include "leasebackend.h"
#include "locklostnotifier.h"

namespace lockscope {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

LeaseHeartbeat::LeaseHeartbeat(std::shared_ptr<LeaseBackend> backend, LeaseInfo info,
                               milliseconds interval, LeaseLostCallback onLost)
    : m_backend(std::move(backend))
    , m_info(std::move(info))
    , m_interval(std::max(interval, milliseconds(10)))
    , m_onLost(std::move(onLost))
    , m_notifier(std::make_unique<LockLostNotifier>()) {
    m_thread = std::thread([this] { run(); });
}

LeaseHeartbeat::~LeaseHeartbeat() {
    stop();
}

void LeaseHeartbeat::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

QString LeaseHeartbeat::lostReason() const {
    std::lock_guard lock(m_mutex);
    return m_reason;
}

void LeaseHeartbeat::declareLost(const QString &reason) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return; // a release that raced the renewal is not a loss
        m_reason = reason;
    }
    m_lost = true;
    if (m_onLost)
        m_onLost(m_info.key, reason);
    Q_EMIT m_notifier->lost(m_info.key, reason);
}

void LeaseHeartbeat::run() {
    const milliseconds ttl = m_backend->config().ttl;
    auto lastRenewed = Clock::now();
    milliseconds wait = m_interval;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_wake.wait_for(lock, wait, [this] { return m_stopping; }))
                return;
        }
        auto renewed = m_backend->renewOnce(m_info.key, m_info.token, ttl);
        if (renewed.ok() && renewed.value()) {
            lastRenewed = Clock::now();
            ++m_renewals;
            wait = m_interval;
            continue;
        }
        if (renewed.ok()) {
            declareLost(QStringLiteral("The lease '%1' is no longer held with this token: it "
                                       "expired and was taken over, or an operator released or "
                                       "swept it. Stop the work it protects.")
                            .arg(m_info.key));
            return;
        }
        // Unreachable: keep trying (sooner) until a whole TTL has gone by since
        // the last renewal; by then someone else may hold it.
        const auto since = std::chrono::duration_cast<milliseconds>(Clock::now() - lastRenewed);
        if (since >= ttl) {
            declareLost(
                QStringLiteral("The lease '%1' could not be renewed for %2, longer than its "
                               "TTL (%3): %4 Stop the work it protects.")
                    .arg(m_info.key, Duration::format(since), Duration::format(ttl),
                         renewed.error().message));
            return;
        }
        wait = std::max(milliseconds(50), m_interval / 4);
    }
}

} // namespace lockscope
