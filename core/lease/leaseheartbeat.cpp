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

void LeaseHeartbeat::run() {
    const milliseconds ttl = m_backend->config().ttl;
    auto lastRenewed = Clock::now();
    milliseconds wait = m_interval;
    for (;;) {
        if (m_lost.waitFor(wait))
            return;
        auto renewed = m_backend->renewOnce(m_info.key, m_info.token, ttl);
        if (renewed.ok() && renewed.value()) {
            lastRenewed = Clock::now();
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
        // Unreachable: keep trying (sooner) until a whole TTL has gone by since
        // the last renewal; by then someone else may hold it.
        const auto since = std::chrono::duration_cast<milliseconds>(Clock::now() - lastRenewed);
        if (since >= ttl) {
            m_lost.declare(
                m_info.key,
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
