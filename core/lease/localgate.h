#pragma once

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

// The in-process gate: threads of one process that want the same key queue here,
// first come first served, so only one of them talks to the database. leave()
// hands the key straight to the next waiter and wakes it; nobody polls. An entry
// lives only while someone holds or waits for its key.
class LocalGate final {
public:
    using Clock = std::chrono::steady_clock;
    enum class Outcome { Entered, TimedOut, Cancelled };

    LocalGate() = default;
    LocalGate(const LocalGate &) = delete;
    LocalGate &operator=(const LocalGate &) = delete;

    Outcome enter(const QString &key, std::optional<Clock::time_point> deadline,
                  const CancelToken *cancel);
    bool tryEnter(const QString &key);
    void leave(const QString &key);

    // Keys that someone holds or waits for (for tests: no unbounded growth).
    int entryCount() const;
    int waiterCount(const QString &key) const;

private:
    struct Waiter {
        std::condition_variable wake;
        bool granted = false;
    };
    struct Entry {
        bool held = false;
        std::deque<Waiter *> queue;
    };

    mutable std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Entry>> m_entries;
};

} // namespace lockscope
