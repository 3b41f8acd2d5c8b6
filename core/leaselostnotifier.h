#pragma once

#include <QObject>
#include <QString>

namespace lockscope {

// The Qt side of a lease heartbeat: lost() is emitted (from the heartbeat's
// thread; queued to receivers on other threads) when the lease is found gone.
class LeaseLostNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LeaseLostNotifier)

public:
    explicit LeaseLostNotifier(QObject *parent = nullptr)
        : QObject(parent) {}

Q_SIGNALS:
    void lost(const QString &key, const QString &reason);
};

} // namespace lockscope
