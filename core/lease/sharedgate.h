#pragma once

#include "lease/lockkind.h"

#include <QHash>
#include <QString>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>

namespace lockscope {

class CancelToken;

// The in-process gate of semaphores and reader-writer leases, as LocalGate is
// for leases: threads of one process queue here first come first served, and
// only those the gate admits talk to the database. A semaphore admits up to its
// permits at once; a reader-writer key admits readers together or one writer,
// and a queued writer holds back the readers behind it. leave() admits the next
// waiters at once; nobody polls. An entry lives only while someone is inside or
// waiting.
class SharedGate final {
public:
    using Clock = std::chrono::steady_clock;
    enum class Outcome { Entered, TimedOut, Cancelled };

    SharedGate() = default;
    SharedGate(const SharedGate &) = delete;
    SharedGate &operator=(const SharedGate &) = delete;

    // `kind`: Semaphore (with `permits`), Read or Write.
    Outcome enter(const QString &key, LockKind kind, int permits,
                  std::optional<Clock::time_point> deadline, const CancelToken *cancel);
    void leave(const QString &key, LockKind kind);

    int entryCount() const;
    int insideCount(const QString &key) const;

private:
    struct Waiter {
        std::condition_variable wake;
        LockKind kind = LockKind::Semaphore;
        int permits = 1;
        bool granted = false;
    };
    struct Entry {
        int inside = 0;
        bool writer = false;
        std::deque<Waiter *> queue;
    };
    static bool admits(const Entry &entry, LockKind kind, int permits);
    static void admit(Entry &entry, LockKind kind);
    // Admits waiters from the front of the queue while they fit. Under m_mutex.
    static void grantFront(Entry &entry);

    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace lockscope
