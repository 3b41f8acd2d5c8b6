#include "lease/keywakeups.h"

#include "base/canceltoken.h"

namespace lockscope {

quint64 KeyWakeups::enter(const QString &key) {
    std::lock_guard lock(m_mutex);
    auto &slot = m_entries[key];
    if (!slot)
        slot = std::make_shared<Entry>();
    ++slot->waiters;
    return slot->generation;
}

quint64 KeyWakeups::generation(const QString &key) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? 0 : it.value()->generation;
}

bool KeyWakeups::waitForRelease(const QString &key, quint64 seen, Clock::time_point until,
                                const CancelToken *cancel) {
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        entry = m_entries.value(key);
    }
    if (!entry)
        return false;
    int listener = 0;
    if (cancel) {
        listener = cancel->addListener([this, entry] {
            std::lock_guard lock(m_mutex);
            entry->changed.notify_all();
        });
    }
    bool released = false;
    {
        std::unique_lock lock(m_mutex);
        released = entry->changed.wait_until(lock, until, [&] {
            return entry->generation != seen || (cancel && cancel->isCancelled());
        });
        released = released && entry->generation != seen;
    }
    if (cancel)
        cancel->removeListener(listener);
    return released;
}

void KeyWakeups::leave(const QString &key) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    if (--it.value()->waiters <= 0)
        m_entries.erase(it);
}

void KeyWakeups::wake(const QString &key) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd())
        return;
    ++it.value()->generation;
    it.value()->changed.notify_all();
}

void KeyWakeups::wakeAll() {
    std::lock_guard lock(m_mutex);
    for (const auto &entry : std::as_const(m_entries)) {
        ++entry->generation;
        entry->changed.notify_all();
    }
}

int KeyWakeups::entryCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_entries.size());
}

} // namespace lockscope
