#pragma once

#include "base/locklostnotifier.h"
#include "base/lostsignal.h"
#include "lease/leaseinfo.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
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
    bool isLost() const { return m_lost.isLost(); }
    QString lostReason() const { return m_lost.reason(); }
    quint64 renewals() const { return m_renewals.load(); }
    LockLostNotifier *notifier() const { return m_lost.notifier(); }

private:
    void run();

    std::shared_ptr<LeaseBackend> m_backend;
    LeaseInfo m_info;
    std::chrono::milliseconds m_interval;
    LostSignal m_lost;
    std::atomic<quint64> m_renewals{0};
    std::thread m_thread;
};

} // namespace lockscope
