#include "lease/redisreleaselistener.h"

#include "lease/redisleasescripts.h"
#include "redis/redisconnection.h"

namespace lockscope {

using std::chrono::milliseconds;

RedisReleaseListener::RedisReleaseListener(ConnectionParams params, Callback onRelease,
                                           std::function<void()> onResumed)
    : m_params(std::move(params))
    , m_onRelease(std::move(onRelease))
    , m_onResumed(std::move(onResumed)) {}

RedisReleaseListener::~RedisReleaseListener() {
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

bool RedisReleaseListener::ensureListening() {
    std::unique_lock lock(m_mutex);
    if (!m_started) {
        m_started = true;
        m_thread = std::thread([this] { run(); });
    }
    m_changed.wait_for(lock, std::chrono::seconds(m_params.connectTimeoutS + 1),
                       [this] { return m_tried; });
    return m_listening.load();
}

void RedisReleaseListener::run() {
    const QByteArray prefix = m_params.redisPrefix.toUtf8();
    bool everListened = false;
    while (!m_stop) {
        RedisConnection connection(m_params);
        connection.setCommandTimeout(milliseconds(2000));
        bool subscribed = false;
        if (connection.send({"SUBSCRIBE", RedisLeaseScripts::releaseChannel()}).ok()) {
            auto confirm = connection.readReply(milliseconds(2000));
            subscribed = confirm.ok() && confirm.value() && confirm.value()->isArray();
        }
        if (subscribed) {
            m_listening = true;
            if (everListened && m_onResumed)
                m_onResumed();
            everListened = true;
        }
        {
            std::lock_guard lock(m_mutex);
            m_tried = true;
        }
        m_changed.notify_all();
        while (subscribed && !m_stop) {
            auto message = connection.readReply(milliseconds(200));
            if (!message.ok())
                break; // lost: reconnect below
            if (!message.value())
                continue;
            const RedisReply &m = *message.value();
            // {"message", channel, key}
            if (m.isArray() && m.elements.size() == 3 && m.elements.at(0).str == "message") {
                const QByteArray &redisKey = m.elements.at(2).str;
                if (redisKey.startsWith(prefix))
                    m_onRelease(QString::fromUtf8(redisKey.mid(prefix.size())));
            }
        }
        m_listening = false;
        for (int i = 0; i < 10 && !m_stop; ++i)
            std::this_thread::sleep_for(milliseconds(50));
    }
}

} // namespace lockscope
