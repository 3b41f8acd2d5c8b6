#include "lease/leaseheartbeat.h"

#include "base/duration.h"
#include "lease/leasebackend.h"

namespace lockscope {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

LeaseHeartbeat::LeaseHeartbeat(std::shared_ptr<LeaseBackend> backend, LeaseInfo info,
                               milliseconds interval, LeaseLostCallback onLost)
    : m_backend(std::move(backend))
    , m_info(std::move(info))
    , m_interval(std::max(interval, milliseconds(10)))
    , m_lost(std::move(onLost)) {
    m_thread = std::thread([this] { run(); });
}

LeaseHeartbeat::~LeaseHeartbeat() {
    stop();
}

void LeaseHeartbeat::stop() {
    m_lost.stop();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

double LeaseHeartbeat::expiresAt() const {
    std::lock_guard lock(m_infoMutex);
    return m_info.expiresAt;
}

Clock::time_point LeaseHeartbeat::sentAt() const {
    std::lock_guard lock(m_infoMutex);
    return m_info.sentAt;
}

void LeaseHeartbeat::run() {
    const milliseconds ttl = m_backend->config().ttl;
    const milliseconds margin = m_backend->config().effectiveLossMargin();
    // The lease is surely ours until this moment, and perhaps not a moment
    // longer: the database set its expiry at some point after `sentAt`.
    Clock::time_point validUntil = sentAt() + ttl - margin;
    QString lastError;
    milliseconds wait = m_interval;
    for (;;) {
        const auto left = std::chrono::duration_cast<milliseconds>(validUntil - Clock::now());
        if (left.count() <= 0) {
            m_lost.declare(
                m_info.key,
                QStringLiteral("The lease '%1' could not be renewed before it could expire on "
                               "the database (%2 after it was last confirmed, with a %3 safety "
                               "margin)%4. Stop the work it protects.")
                    .arg(m_info.key, Duration::format(ttl), Duration::format(margin),
                         lastError.isEmpty() ? QString() : QStringLiteral(": ") + lastError));
            return;
        }
        if (m_lost.waitFor(std::min(wait, left)))
            return;
        if (Clock::now() >= validUntil)
            continue; // declared above
        const auto sent = Clock::now();
        auto renewed = m_backend->renewBounded(m_info.key, m_info.token, ttl, validUntil,
                                               [this] { return m_lost.isStopping(); });
        if (m_lost.isStopping())
            return;
        if (renewed.ok() && renewed.value()) {
            {
                std::lock_guard lock(m_infoMutex);
                m_info.expiresAt = *renewed.value();
                m_info.sentAt = sent;
            }
            validUntil = sent + ttl - margin;
            lastError.clear();
            ++m_renewals;
            wait = m_interval;
            continue;
        }
        if (renewed.ok()) {
            m_lost.declare(m_info.key,
                           QStringLiteral("The lease '%1' is no longer held with this token: it "
                                          "expired and was taken over, or an operator released or "
                                          "swept it. Stop the work it protects.")
                               .arg(m_info.key));
            return;
        }
        // Unreachable, or no answer in time: try again sooner, until the lease
        // could have expired (declared at the top of the loop).
        lastError = renewed.error().message;
        wait = std::max(milliseconds(50), m_interval / 4);
    }
}

} // namespace lockscope
