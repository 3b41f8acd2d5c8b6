#pragma once

#include "db/connectionparams.h"

#include <QObject>
#include <QSqlDriver>
#include <QString>
#include <QTimer>

#include <functional>

namespace lockscope {

// The QObject half of ReleaseListener: opens, subscribes and closes the listening
// connection on the listener's own thread. Every second it looks at libpq's
// status of that connection (no statement, no traffic): once the server cut it
// (restart, pg_terminate_backend) it reopens and listens again, and reports the
// gap, in which notifications may have been missed.
class ReleaseListenerWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReleaseListenerWorker)

public:
    ReleaseListenerWorker(ConnectionParams params, std::function<void(const QString &)> onRelease,
                          std::function<void(bool)> onStarted, std::function<void()> onResumed);
    ~ReleaseListenerWorker() override;

public Q_SLOTS:
    void start();
    void stop();

private:
    bool subscribe();
    void checkConnection();
    void onNotification(const QString &name, QSqlDriver::NotificationSource source,
                        const QVariant &payload);

    ConnectionParams m_params;
    std::function<void(const QString &)> m_onRelease;
    std::function<void(bool)> m_onStarted;
    std::function<void()> m_onResumed;
    QString m_connectionName;
    QTimer *m_health = nullptr;
};

} // namespace lockscope
