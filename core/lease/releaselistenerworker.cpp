#include "lease/releaselistenerworker.h"

#include "db/database.h"
#include "db/pghandle.h"
#include "lease/releaselistener.h"

#include <QAtomicInteger>
#include <QSqlDatabase>
#include <QVariant>

#include <libpq-fe.h>

namespace lockscope {

namespace {
QAtomicInteger<quint64> g_listenerSerial;
}

ReleaseListenerWorker::ReleaseListenerWorker(ConnectionParams params,
                                             std::function<void(const QString &)> onRelease,
                                             std::function<void(bool)> onStarted,
                                             std::function<void()> onResumed)
    : m_params(std::move(params))
    , m_onRelease(std::move(onRelease))
    , m_onStarted(std::move(onStarted))
    , m_onResumed(std::move(onResumed))
    , m_connectionName(QStringLiteral("lockscope-listen-%1").arg(++g_listenerSerial)) {}

ReleaseListenerWorker::~ReleaseListenerWorker() = default;

void ReleaseListenerWorker::start() {
    const bool ok = subscribe();
    if (ok) {
        m_health = new QTimer(this);
        m_health->setInterval(1000);
        connect(m_health, &QTimer::timeout, this, &ReleaseListenerWorker::checkConnection);
        m_health->start();
    }
    m_onStarted(ok);
}

bool ReleaseListenerWorker::subscribe() {
    bool ok = false;
    {
        auto opened = Database::open(m_params, m_connectionName);
        if (!opened.ok())
            return false;
        QSqlDriver *driver = opened.value().driver();
        connect(driver, &QSqlDriver::notification, this, &ReleaseListenerWorker::onNotification);
        ok = driver->subscribeToNotification(ReleaseListener::channel());
    }
    if (!ok)
        Database::close(m_connectionName);
    return ok;
}

void ReleaseListenerWorker::checkConnection() {
    {
        const QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        pg_conn *conn = db.isValid() && db.isOpen() ? pgConnOf(db) : nullptr;
        if (conn && PQstatus(conn) == CONNECTION_OK && PQsocket(conn) >= 0)
            return;
    }
    Database::close(m_connectionName);
    if (subscribe())
        m_onResumed(); // a release in the gap sent no wake-up: let every waiter look again
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
