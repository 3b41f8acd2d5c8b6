#pragma once

#include "db/connectionparams.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace lockscope {

// Listens for lease releases from other processes on Redis: the release script
// PUBLISHes the released key on RedisLeaseScripts::releaseChannel(); this
// SUBSCRIBEs on a connection of its own, on a thread of its own (a subscribed
// connection can do nothing else). Keys outside the URL's prefix are ignored.
// A lost connection is reopened every 500 ms; once back, `onResumed` runs
// (releases in the gap sent no wake-up).
class RedisReleaseListener final {
public:
    using Callback = std::function<void(const QString &key)>;

    RedisReleaseListener(ConnectionParams params, Callback onRelease,
                         std::function<void()> onResumed);
    ~RedisReleaseListener();
    RedisReleaseListener(const RedisReleaseListener &) = delete;
    RedisReleaseListener &operator=(const RedisReleaseListener &) = delete;

    // Starts the thread if not yet done; waits (at most the connect timeout)
    // until subscribed or failed. Whether releases will arrive now.
    bool ensureListening();

private:
    void run();

    ConnectionParams m_params;
    Callback m_onRelease;
    std::function<void()> m_onResumed;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_started = false;
    bool m_tried = false; // the first subscribe succeeded or failed
    std::atomic<bool> m_listening{false};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace lockscope
