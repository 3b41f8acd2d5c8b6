#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace lockscope {

// Called once, on the watching thread, when a held lock is found gone.
using LockLostCallback = std::function<void(const QString &key, const QString &reason)>;

// The Qt side of a lease heartbeat or an advisory lock watch: lost() is emitted
// (from the watching thread; queued to receivers on other threads) when the lock
// is found gone.
class LockLostNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LockLostNotifier)

public:
    explicit LockLostNotifier(QObject *parent = nullptr)
        : QObject(parent) {}

Q_SIGNALS:
    void lost(const QString &key, const QString &reason);
};

} // namespace lockscope
