#pragma once

#include "db/connectionparams.h"

#include <QString>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace lockscope {

class ReleaseListenerWorker;

// Listens for lease releases from other processes (PostgreSQL LISTEN on
// `lockscope_release`; LockScope's release sends the key as the payload of a
// NOTIFY in the same statement). The listening connection lives on a thread of
// its own with an event loop, as QSqlDriver::subscribeToNotification requires.
class ReleaseListener final {
public:
    using Callback = std::function<void(const QString &key)>;

    // `onResumed` runs (on the listener's thread) after the listening connection
    // was lost and is back: releases in between sent no wake-up.
    ReleaseListener(ConnectionParams params, Callback onRelease, std::function<void()> onResumed);
    ~ReleaseListener();
    ReleaseListener(const ReleaseListener &) = delete;
    ReleaseListener &operator=(const ReleaseListener &) = delete;

    // Starts listening if not yet done; blocks until LISTEN is active or failed.
    // Returns whether notifications will arrive.
    bool ensureListening();

    static QString channel() { return QStringLiteral("lockscope_release"); }

private:
    enum class State { Idle, Starting, Listening, Failed };

    ConnectionParams m_params;
    Callback m_onRelease;
    std::function<void()> m_onResumed;
    std::unique_ptr<QThread> m_thread;
    ReleaseListenerWorker *m_worker = nullptr; // lives in m_thread
    std::mutex m_mutex;
    std::condition_variable m_changed;
    State m_state = State::Idle;
};

} // namespace lockscope
