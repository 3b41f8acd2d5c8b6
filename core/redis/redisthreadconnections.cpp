#include "redis/redisthreadconnections.h"

#include <QCoreApplication>
#include <QThread>

#include <map>
#include <memory>

namespace lockscope {

namespace {

using Registry = std::map<QString, std::unique_ptr<RedisConnection>>;

Registry &registry() {
    thread_local Registry connections;
    return connections;
}

// The main thread's connections go while QCoreApplication still exists: Qt's
// TLS backend (a plugin tied to the application object) must outlive them.
void clearMainThread() {
    registry().clear();
}

void watchMainThread() {
    static bool registered = false; // only ever touched on the main thread
    if (registered || !QCoreApplication::instance() ||
        QThread::currentThread() != QCoreApplication::instance()->thread())
        return;
    registered = true;
    qAddPostRoutine(clearMainThread);
}

} // namespace

QString RedisThreadConnections::nameFor(const ConnectionParams &params, const QString &purpose) {
    return purpose + QLatin1Char('|') + params.identity() + QLatin1Char('|') +
           QString::number(qHash(params.password));
}

RedisConnection &RedisThreadConnections::get(const ConnectionParams &params,
                                             const QString &purpose) {
    return get(nameFor(params, purpose), params);
}

RedisConnection &RedisThreadConnections::get(const QString &name, const ConnectionParams &params) {
    watchMainThread();
    auto &slot = registry()[name];
    if (!slot)
        slot = std::make_unique<RedisConnection>(params);
    return *slot;
}

void RedisThreadConnections::drop(const ConnectionParams &params, const QString &purpose) {
    registry().erase(nameFor(params, purpose));
}

} // namespace lockscope
