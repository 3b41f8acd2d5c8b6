#include "servers/serversrefresher.h"

#include "common/whenfinished.h"
#include "connection/passwordstore.h"
#include "server/serverprobe.h"
#include "servers/serversample.h"
#include "servers/serverstablemodel.h"

#include <QDateTime>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

namespace {

struct ProbeResult {
    ServerStatus status;
    std::optional<MonitorSample> sample;
};

} // namespace

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
    QSettings settings;
    m_roundRules = m_rules.value_or(AlertRules::load(settings));
    const auto compiled = OwnerRule::compile(
        settings.value(QStringLiteral("leases/ownerRule")).toString(), QString());
    m_roundOwnerRule = compiled.ok() ? compiled.value() : OwnerRule();
    // Engines of profiles no longer saved go.
    for (auto it = m_engines.begin(); it != m_engines.end();) {
        if (m_model->rowOf(it.key()) < 0)
            it = m_engines.erase(it);
        else
            ++it;
    }
    for (const ServerRow &row : m_model->rows()) {
        if (!m_inFlight.contains(row.profile.name))
            probe(row);
    }
}

void ServersRefresher::probe(const ServerRow &row) {
    const Profile profile = row.profile;
    const quint64 generation = row.generation;
    m_inFlight.insert(profile.name);
    m_model->setProbing(profile.name, true);
    const int timeoutS = m_connectTimeoutS;
    auto future = QtConcurrent::run(&m_pool, [profile, timeoutS, ownerRule = m_roundOwnerRule,
                                              passwords = m_passwords, counters = m_counters] {
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
        ProbeResult result;
        result.status = ServerProbe::probe(params, timeoutS);
        if (result.status.reachable)
            result.sample = ServerSample::read(params, timeoutS, ownerRule);
        --counters->running;
        return result;
    });
    whenFinished(
        future, this,
        [this, rules = m_roundRules, name = profile.name, generation](const ProbeResult &result) {
            m_inFlight.remove(name);
            const int at = m_model->rowOf(name);
            if (at >= 0 && m_model->rows().at(at).generation != generation) {
                // The profile was edited while this probe ran: its
                // result is of the server it named before. Dropped,
                // and the profile as it is now is probed at once.
                ++m_staleDropped;
                probe(m_model->rows().at(at));
                return;
            }
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            std::optional<QList<Alert>> open;
            if (at >= 0) {
                Engine &engine = m_engines[name];
                if (engine.generation != generation)
                    engine = Engine{generation, {}}; // another server's alerts
                if (result.sample) {
                    MonitorSample sample = *result.sample;
                    sample.source = name;
                    engine.engine.setRules(rules);
                    (void)engine.engine.update(sample);
                    open.emplace();
                    for (const Alert &a : engine.engine.alerts()) {
                        if (a.isOpen())
                            open->append(a);
                    }
                } else {
                    // Not read: what was open is no longer known to hold.
                    (void)engine.engine.endAll(static_cast<double>(nowMs) / 1000.0);
                }
                m_model->setStatus(name, generation, result.status, nowMs, open);
            }
            Q_EMIT probed(name);
            if (m_inFlight.isEmpty())
                Q_EMIT idle();
        });
}

} // namespace lockscope::ui
