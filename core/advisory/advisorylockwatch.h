#pragma once

#include "advisory/advisorykey.h"
#include "base/locklostnotifier.h"
#include "base/lostsignal.h"
#include "db/connectionparams.h"

#include <QString>

#include <atomic>
#include <chrono>
#include <thread>

namespace lockscope {

// Watches a held PostgreSQL advisory lock from a thread of its own, with its own
// connection: every `interval` it asks the server (pg_locks) whether the session
// `backendPid` still holds `key`. The lock's own connection stays untouched, so
// the holder's thread needs no event loop and is never interrupted.
//
// When the server says the lock is gone -- the session was terminated, its
// connection cut, the server restarted -- or the watch cannot confirm the lock for
// `unconfirmedLimit` (the server is unreachable), it declares the lock lost once:
// the callback runs and the notifier's lost() is emitted. Stopping is immediate
// and never reports lost. Owned by the AdvisoryLock.
class AdvisoryLockWatch final {
public:
    AdvisoryLockWatch(ConnectionParams params, AdvisoryKey key, int backendPid,
                      std::chrono::milliseconds interval,
                      std::chrono::milliseconds unconfirmedLimit, LockLostCallback onLost);
    ~AdvisoryLockWatch();
    AdvisoryLockWatch(const AdvisoryLockWatch &) = delete;
    AdvisoryLockWatch &operator=(const AdvisoryLockWatch &) = delete;

    void stop();
    bool isLost() const { return m_lost.isLost(); }
    QString lostReason() const { return m_lost.reason(); }
    // Checks that found the lock still held.
    quint64 confirmations() const { return m_confirmations.load(); }
    LockLostNotifier *notifier() const { return m_lost.notifier(); }

private:
    void run();
    // 1: held, 0: not held, -1: could not ask (error set).
    int check(const QString &connectionName, QString *error);

    ConnectionParams m_params;
    AdvisoryKey m_key;
    int m_pid;
    std::chrono::milliseconds m_interval;
    std::chrono::milliseconds m_unconfirmedLimit;
    LostSignal m_lost;
    std::atomic<quint64> m_confirmations{0};
    std::thread m_thread;
};

} // namespace lockscope
