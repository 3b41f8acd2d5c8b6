#pragma once

#include "leaseinfo.h"
#include "locklostnotifier.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace lockscope {

class LeaseBackend;
using LeaseLostCallback = LockLostCallback;

// Keeps a lease alive: renews it every `interval` on a thread of its own (with
// its own connection), by the database clock and only while it still carries
// its token. When a renewal finds it gone -- expired and taken over,
// force-released, swept -- or the database stays unreachable for longer than
// the TTL, it marks the lease lost at once and tells the holder (callback and
// Qt signal), once. Stopping is immediate. Owned by the Lease.
class LeaseHeartbeat final {
public:
    LeaseHeartbeat(std::shared_ptr<LeaseBackend> backend, LeaseInfo info,
                   std::chrono::milliseconds interval, LeaseLostCallback onLost);
    ~LeaseHeartbeat();
    LeaseHeartbeat(const LeaseHeartbeat &) = delete;
    LeaseHeartbeat &operator=(const LeaseHeartbeat &) = delete;

    void stop();
    bool isLost() const { return m_lost.load(); }
    QString lostReason() const;
    quint64 renewals() const { return m_renewals.load(); }
    LockLostNotifier *notifier() const { return m_notifier.get(); }

private:
    void run();
    void declareLost(const QString &reason);

    std::shared_ptr<LeaseBackend> m_backend;
    LeaseInfo m_info;
    std::chrono::milliseconds m_interval;
    LeaseLostCallback m_onLost;
    std::unique_ptr<LockLostNotifier> m_notifier;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<bool> m_lost{false};
    std::atomic<quint64> m_renewals{0};
    QString m_reason;
    std::thread m_thread;
};

} // namespace lockscope
