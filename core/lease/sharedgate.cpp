#include "lease/sharedgate.h"

#include "base/canceltoken.h"

#include <algorithm>

namespace lockscope {

bool SharedGate::admits(const Entry &entry, LockKind kind, int permits) {
    switch (kind) {
    case LockKind::Read:
        return !entry.writer;
    case LockKind::Write:
        return entry.inside == 0;
    case LockKind::Semaphore:
    case LockKind::Lease:
        return entry.inside < std::max(1, permits);
    }
    return false;
}

void SharedGate::admit(Entry &entry, LockKind kind) {
    ++entry.inside;
    if (kind == LockKind::Write)
        entry.writer = true;
}

void SharedGate::grantFront(Entry &entry) {
    while (!entry.queue.empty()) {
        Waiter *next = entry.queue.front();
        if (!admits(entry, next->kind, next->permits))
            return; // first come first served: nobody overtakes the front
        entry.queue.pop_front();
        admit(entry, next->kind);
        next->granted = true;
        next->wake.notify_one();
    }
}

SharedGate::Outcome SharedGate::enter(const QString &key, LockKind kind, int permits,
                                      std::optional<Clock::time_point> deadline,
                                      const CancelToken *cancel) {
    Waiter me;
    me.kind = kind;
    me.permits = permits;
    std::shared_ptr<Entry> entry;
    {
        std::lock_guard lock(m_mutex);
        auto &slot = m_entries[key];
        if (!slot)
            slot = std::make_shared<Entry>();
        entry = slot;
        if (entry->queue.empty() && admits(*entry, kind, permits)) {
            admit(*entry, kind);
            return Outcome::Entered;
        }
        entry->queue.push_back(&me);
    }
    // Registered without holding m_mutex (see LocalGate::enter).
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
            grantFront(*entry); // a writer that gave up no longer holds back readers
            if (entry->inside == 0 && entry->queue.empty())
                m_entries.remove(key);
        }
    }
    if (cancel)
        cancel->removeListener(listener);
    return outcome;
}

void SharedGate::leave(const QString &key, LockKind kind) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    const std::shared_ptr<Entry> entry = it.value();
    entry->inside = std::max(0, entry->inside - 1);
    if (kind == LockKind::Write)
        entry->writer = false;
    grantFront(*entry);
    if (entry->inside == 0 && entry->queue.empty())
        m_entries.erase(it);
}

int SharedGate::entryCount() const {
    std::lock_guard lock(m_mutex);
    return static_cast<int>(m_entries.size());
}

int SharedGate::insideCount(const QString &key) const {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.constFind(key);
    return it == m_entries.constEnd() ? 0 : it.value()->inside;
}

} // namespace lockscope
