#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>

namespace lockscope {

// Cancels a wait from another thread. Waits that honour it (the in-process gate,
// the retry sleep, a sweep between batches) wake at once when cancel() is called.
class CancelToken final {
public:
    CancelToken() = default;
    CancelToken(const CancelToken &) = delete;
    CancelToken &operator=(const CancelToken &) = delete;

    void cancel();
    bool isCancelled() const { return m_cancelled.load(std::memory_order_acquire); }

    // Sleeps for `duration` or until cancelled; returns true when cancelled.
    bool sleepFor(std::chrono::milliseconds duration) const;

    // Called (on the cancelling thread) when cancel() is called. The callback must
    // not call back into this token. removeListener waits for a running callback.
    int addListener(std::function<void()> callback) const;
    void removeListener(int id) const;

private:
    std::atomic<bool> m_cancelled{false};
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_wake;
    mutable std::map<int, std::function<void()>> m_listeners;
    mutable int m_nextId = 1;
};

} // namespace lockscope
