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

    // Ends both threads. Never waits long: a renewal stuck where no deadline
    // reaches (a connect to a server that answers nothing) is left to finish
    // on its own after 2 s; it holds only state it shares, never this object.
    void stop();
    bool isLost() const;
    QString lostReason() const;
    quint64 renewals() const;
    LockLostNotifier *notifier() const;
    // The expiry the database set at the last successful renewal (epoch
    // seconds, database clock), and when that renewal was sent.
    double expiresAt() const;
    std::chrono::steady_clock::time_point sentAt() const;

    struct Shared; // what the renewer and the watchdog share

private:
    std::shared_ptr<Shared> m_shared;
    std::thread m_renewer;  // renews every interval, sooner after a failure
    std::thread m_watchdog; // declares the loss at the deadline, whatever the renewer does
};

} // namespace lockscope
