#include "base/lostsignal.h"

namespace lockscope {

LostSignal::LostSignal(LockLostCallback onLost)
    : m_onLost(std::move(onLost))
    , m_notifier(std::make_unique<LockLostNotifier>()) {}

LostSignal::~LostSignal() = default;

bool LostSignal::waitFor(std::chrono::milliseconds duration) {
    std::unique_lock lock(m_mutex);
    return m_wake.wait_for(lock, duration, [this] { return m_stopping || m_lost; });
}

void LostSignal::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
}

bool LostSignal::isStopping() const {
    std::lock_guard lock(m_mutex);
    return m_stopping;
}

QString LostSignal::reason() const {
    std::lock_guard lock(m_mutex);
    return m_reason;
}

void LostSignal::declare(const QString &key, const QString &reason) {
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return; // a release that raced the check is not a loss
        if (m_lost)
            return; // told once, whichever watcher found it first
        m_reason = reason;
        m_lost = true;
    }
    m_wake.notify_all(); // a watcher waiting between checks ends at once
    if (m_onLost)
        m_onLost(key, reason);
    Q_EMIT m_notifier->lost(key, reason);
}

} // namespace lockscope
