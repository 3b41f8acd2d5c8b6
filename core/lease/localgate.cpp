#include "lease/localgate.h"

#include "base/canceltoken.h"

#include <algorithm>

namespace lockscope {

LocalGate::Outcome LocalGate::enter(const QString &key, std::optional<Clock::time_point> deadline,
                                    const CancelToken *cancel) {
    Waiter me;
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_entries[key];
        if (!slot)
            slot = std::make_shared<Entry>();
        entry = slot;
        if (!entry->held && entry->queue.empty()) {
            entry->held = true;
            return Outcome::Entered;
        }
        entry->queue.push_back(&me);
    }

    // Registered without holding m_mutex: cancel() runs the callback under the
    // token's mutex, and the callback takes m_mutex.
    int listener = 0;
    if (cancel) {
        listener = cancel->addListener([this, &me] {
            std::lock_guard lock(m_mutex);
            me.wake.notify_all();
        });
    }

    Outcome outcome = Outcome::Entered;
    {
        std::unique_lock lock(m_mutex);
        while (!me.granted) {
            if (cancel && cancel->isCancelled()) {
                outcome = Outcome::Cancelled;
                break;
            }
            if (deadline) {
                if (me.wake.wait_until(lock, *deadline) == std::cv_status::timeout && !me.granted) {
                    outcome = Outcome::TimedOut;
                    break;
                }
            } else {
                me.wake.wait(lock);
            }
        }
        if (me.granted) {
            outcome = Outcome::Entered;
        } else {
            auto &queue = entry->queue;
            queue.erase(std::remove(queue.begin(), queue.end(), &me), queue.end());
            if (!entry->held && entry->queue.empty())
                m_entries.remove(key);
        }
    }
    if (cancel)
        cancel->removeListener(listener);
    return outcome;
}

bool LocalGate::tryEnter(const QString &key) {
    std::lock_guard lock(m_mutex);
    auto &slot = m_entries[key];
    if (!slot)
        slot = std::make_shared<Entry>();
    if (slot->held || !slot->queue.empty())
        return false;
    slot->held = true;
    return true;
}

void LocalGate::leave(const QString &key) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    const std::shared_ptr<Entry> entry = it.value();
    if (!entry->queue.empty()) {
        Waiter *next = entry->queue.front();
        entry->queue.pop_front();
        next->granted = true; // held passes straight to the next waiter
        next->wake.notify_one();
        return;
    }
    m_entries.erase(it);
}

int LocalGate::entryCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_entries.size());
}

int LocalGate::waiterCount(const QString &key) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? 0 : static_cast<int>(it.value()->queue.size());
}

} // namespace lockscope
