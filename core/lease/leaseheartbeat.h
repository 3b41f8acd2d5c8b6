#pragma once

#include "base/locklostnotifier.h"
#include "base/lostsignal.h"
#include "lease/leaseinfo.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>

namespace lockscope {

class LeaseBackend;
using LeaseLostCallback = LockLostCallback;

// Keeps a lease alive: renews it every `interval` on a thread of its own (with
// its own connection), by the database clock and only while it still carries
// its token. It marks the lease lost and tells the holder (callback and Qt
// signal), once, when a renewal finds it gone -- expired and taken over,
// force-released, swept -- or when no renewal has come back by the time the
// database could consider it expired: sent-time of the acquire or of the last
// successful renewal + TTL - LeaseConfig::lossMargin. That moment is kept
// whatever the connection does: renewals are sent without blocking and their
// replies awaited only until then (a frozen backend or a silent network cannot
// hold the thread). Stopping is immediate. Owned by the Lease.
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
    // The expiry the database set at the last successful renewal (epoch
    // seconds, database clock), and when that renewal was sent.
    double expiresAt() const;
    std::chrono::steady_clock::time_point sentAt() const;
    LockLostNotifier *notifier() const { return m_lost.notifier(); }

private:
    void run();

    std::shared_ptr<LeaseBackend> m_backend;
    LeaseInfo m_info;
    std::chrono::milliseconds m_interval;
    LostSignal m_lost;
    std::atomic<quint64> m_renewals{0};
    mutable std::mutex m_infoMutex; // m_info.expiresAt, m_info.sentAt

    std::thread m_thread;
};

} // namespace lockscope
