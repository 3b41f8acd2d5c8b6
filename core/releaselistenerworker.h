#pragma once

#include "connectionparams.h"

#include <QObject>
#include <QSqlDriver>
#include <QString>

#include <functional>

namespace lockscope {

// The QObject half of ReleaseListener: opens, subscribes and closes the listening
// connection on the listener's own thread.
class ReleaseListenerWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseListenerWorker)

public:
    ReleaseListenerWorker(ConnectionParams params, std::function<void(const QString &)> onRelease,
                          std::function<void(bool)> onStarted);
    ~ReleaseListenerWorker() override;

public Q_SLOTS:
    void start();
    void stop();

private:
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    ConnectionParams m_params;
    std::function<void(const QString &)> m_onRelease;
    std::function<void(bool)> m_onStarted;
    QString m_connectionName;
};

} // namespace lockscope
