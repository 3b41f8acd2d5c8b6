#include "servers/serversrefresher.h"

#include "common/whenfinished.h"
#include "connection/passwordstore.h"
#include "server/serverprobe.h"
#include "servers/serverstablemodel.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

ServersRefresher::ServersRefresher(ServersTableModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_passwords([](const QString &profile) { return PasswordStore::read(profile); })
    , m_connectTimeoutS(ServerProbe::kConnectTimeoutS) {
    m_pool.setMaxThreadCount(kMaxConcurrent);
    m_pool.setObjectName(QStringLiteral("servers"));
    m_timer.setInterval(std::chrono::seconds(15));
    connect(&m_timer, &QTimer::timeout, this, &ServersRefresher::refreshNow);
}

ServersRefresher::~ServersRefresher() {
    m_timer.stop();
    m_pool.clear();
    m_pool.waitForDone();
}

void ServersRefresher::setInterval(std::chrono::milliseconds interval) {
    m_timer.setInterval(interval);
}

void ServersRefresher::setActive(bool active) {
    if (active == m_timer.isActive())
        return;
    if (active) {
        m_timer.start();
        refreshNow();
    } else {
        m_timer.stop();
    }
}

void ServersRefresher::refreshNow() {
    m_model->setProfiles(ProfileStore::load());
    for (const ServerRow &row : m_model->rows()) {
        const Profile profile = row.profile;
        if (m_inFlight.contains(profile.name))
            continue;
        m_inFlight.insert(profile.name);
        m_model->setProbing(profile.name, true);
        const int timeoutS = m_connectTimeoutS;
        auto future = QtConcurrent::run(
            &m_pool, [profile, timeoutS, passwords = m_passwords, counters = m_counters] {
                const int now = ++counters->running;
                int peak = counters->peak.load();
                while (now > peak && !counters->peak.compare_exchange_weak(peak, now)) {
                }
                ConnectionParams params = profile.params;
                // The keychain, asked here on the worker; a password is never
                // kept in the model or written anywhere.
                if (params.isPostgres() && params.password.isEmpty()) {
                    if (const auto password = passwords(profile.name))
                        params.password = *password;
                }
                ServerStatus status = ServerProbe::probe(params, timeoutS);
                --counters->running;
                return status;
            });
        whenFinished(future, this, [this, name = profile.name](const ServerStatus &status) {
            m_inFlight.remove(name);
            m_model->setStatus(name, status, QDateTime::currentMSecsSinceEpoch());
            Q_EMIT probed(name);
            if (m_inFlight.isEmpty())
                Q_EMIT idle();
        });
    }
}

} // namespace lockscope::ui
