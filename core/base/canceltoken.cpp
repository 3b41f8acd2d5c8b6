#include "base/canceltoken.h"

namespace lockscope {

void CancelToken::cancel() {
    std::lock_guard lock(m_mutex);
    m_cancelled.store(true, std::memory_order_release);
    m_wake.notify_all();
    for (const auto &[id, callback] : m_listeners)
        callback();
}

bool CancelToken::sleepFor(std::chrono::milliseconds duration) const {
    std::unique_lock lock(m_mutex);
    return m_wake.wait_for(lock, duration, [this] { return isCancelled(); });
}

int CancelToken::addListener(std::function<void()> callback) const {
    std::lock_guard lock(m_mutex);
    const int id = m_nextId++;
    m_listeners.emplace(id, std::move(callback));
    return id;
}

void CancelToken::removeListener(int id) const {
    std::lock_guard lock(m_mutex);
    m_listeners.erase(id);
}

} // namespace lockscope
