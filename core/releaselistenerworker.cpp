#include "releaselistenerworker.h"

#include "database.h"
#include "releaselistener.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QVariant>

namespace lockscope {

namespace {
QAtomicInteger<quint64> g_listenerSerial;
}

ReleaseListenerWorker::ReleaseListenerWorker(ConnectionParams params,
                                             std::function<void(const QString &)> onRelease,
                                             std::function<void(bool)> onStarted)
    : m_params(std::move(params))
    , m_onRelease(std::move(onRelease))
    , m_onStarted(std::move(onStarted))
    , m_connectionName(QStringLiteral("lockscope-listen-%1").arg(++g_listenerSerial)) {}

ReleaseListenerWorker::~ReleaseListenerWorker() = default;

void ReleaseListenerWorker::start() {
    auto opened = Database::open(m_params, m_connectionName);
    if (!opened.ok()) {
        m_onStarted(false);
        return;
    }
    QSqlDriver *driver = opened.value().driver();
    connect(driver, &QSqlDriver::notification, this, &ReleaseListenerWorker::onNotification);
    const bool ok = driver->subscribeToNotification(ReleaseListener::channel());
    m_onStarted(ok);
}

void ReleaseListenerWorker::stop() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (!db.isValid())
            return;
        if (db.isOpen())
            db.driver()->unsubscribeFromNotification(ReleaseListener::channel());
    }
    Database::close(m_connectionName);
}

void ReleaseListenerWorker::onNotification(const QString &name,
                                           QSqlDriver::NotificationSource source,
                                           const QVariant &payload) {
    Q_UNUSED(source);
    if (name == ReleaseListener::channel())
        m_onRelease(payload.toString());
}

} // namespace lockscope
