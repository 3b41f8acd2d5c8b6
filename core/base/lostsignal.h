#pragma once

#include "base/locklostnotifier.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace lockscope {

// What a background watcher of a held lock (LeaseHeartbeat, AdvisoryLockWatch)
// shares: an interruptible wait between checks, a stop that wins over a loss
// found at the same moment (a release is never a loss), and the loss itself,
// reported once through a callback and LockLostNotifier::lost().
class LostSignal final {
public:
    explicit LostSignal(LockLostCallback onLost);
    ~LostSignal();
    LostSignal(const LostSignal &) = delete;
    LostSignal &operator=(const LostSignal &) = delete;

    // Sleeps up to `duration`; true when stop() was called or the loss was
    // declared (at once, not after).
    bool waitFor(std::chrono::milliseconds duration);
    void stop();
    bool isStopping() const;
    // Marks the lock lost and tells the holder, unless stop() came first.
    void declare(const QString &key, const QString &reason);

    bool isLost() const { return m_lost.load(); }
    QString reason() const;
    LockLostNotifier *notifier() const { return m_notifier.get(); }

private:
    LockLostCallback m_onLost;
    std::unique_ptr<LockLostNotifier> m_notifier;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::atomic<bool> m_lost{false};
    QString m_reason;
};

} // namespace lockscope
