#pragma once

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>

namespace lockscope {

class CancelToken;

// Wake-ups for threads that wait on the DATABASE for a key another process holds.
// A release notification (PostgreSQL NOTIFY) bumps the key's generation and wakes
// its waiters at once; the retry interval stays as the fallback for holders that
// never notify (other programs, expiry). Waiters read the generation before their
// attempt, so a notification that lands between the attempt and the wait is not
// lost.
class KeyWakeups final {
public:
    using Clock = std::chrono::steady_clock;

    KeyWakeups() = default;
    KeyWakeups(const KeyWakeups &) = delete;
    KeyWakeups &operator=(const KeyWakeups &) = delete;

    // Registers the calling thread as a waiter on `key`; returns the generation.
    quint64 enter(const QString &key);
    // Waits until the generation moves past `seen`, `until`, or a cancel.
    // Returns true when woken by a release.
    bool waitForRelease(const QString &key, quint64 seen, Clock::time_point until,
                        const CancelToken *cancel);
    quint64 generation(const QString &key) const;
    void leave(const QString &key);
    void wake(const QString &key);
    // Every waiter looks again (notifications may have been missed).
    void wakeAll();
    int entryCount() const;

private:
    struct Entry {
        std::condition_variable changed;
        quint64 generation = 0;
        int waiters = 0;
    };
    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace lockscope
