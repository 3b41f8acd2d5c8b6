#pragma once

#include "connection/profilestore.h"
#include "lease/ownerrule.h"
#include "monitor/alertengine.h"
#include "server/serverstatus.h"
#include "servers/serverrow.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace lockscope::ui {

class ServersTableModel;

// Probes every profile of the Servers view on worker threads: one task per
// profile on a pool of its own with at most maxConcurrent() threads, so no
// more connections than that are ever open at once, each bounded by a connect
// timeout. The GUI thread only starts tasks and applies results; a profile
// whose probe is still running is not probed again until it comes back. A
// probe carries the generation of the profile it probed: a profile edited
// while its probe ran gets that result dropped and is probed again at once.
//
// Each probe also reads what the alert rules need (ServerSample, on the same
// worker after the probe's connection closed, so still one connection per
// task) and the GUI thread runs that profile's own AlertEngine on it (a few
// comparisons), with the rules saved in QSettings: the Alerts column shows
// every server's open alerts, debounced as the open profile's are. They are
// not logged or notified here (the open profile's Monitor does that).
class ServersRefresher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServersRefresher)

public:
    static constexpr int kMaxConcurrent = 4;
    // Runs on the worker: the password of a profile (the keychain), if any.
    using PasswordSource = std::function<std::optional<QString>(const QString &profile)>;

    explicit ServersRefresher(ServersTableModel *model, QObject *parent = nullptr);
    // Waits for probes already running (each ends by its connect timeout); the
    // ones still queued are dropped.
    ~ServersRefresher() override;

    void setInterval(std::chrono::milliseconds interval);
    // Probing every interval while active (the view is shown).
    void setActive(bool active);
    bool isActive() const { return m_timer.isActive(); }
    // Probes every profile whose probe is not running now.
    void refreshNow();
    void setPasswordSource(PasswordSource source) { m_passwords = std::move(source); }
    void setConnectTimeoutS(int seconds) { m_connectTimeoutS = seconds; }
    // For the tests and the benchmark: how many probes ran at once at most.
    void setMaxConcurrent(int threads) { m_pool.setMaxThreadCount(threads); }
    int maxConcurrent() const { return m_pool.maxThreadCount(); }
    int peakConcurrent() const { return m_counters->peak.load(); }
    int inFlight() const { return static_cast<int>(m_inFlight.size()); }
    // Results dropped because their profile was edited while they were probed.
    int staleDropped() const { return m_staleDropped; }
    bool isProbing(const QString &profile) const { return m_inFlight.contains(profile); }
    // The rules the probes are judged by (default: AlertRules::load from QSettings
    // at every round).
    void setRules(const AlertRules &rules) { m_rules = rules; }

Q_SIGNALS:
    void probed(const QString &profile);
    // Every probe started has come back.
    void idle();

private:
    // Starts the probe of `row`'s profile as it is now (its generation).
    void probe(const ServerRow &row);

    struct Counters {
        std::atomic<int> running{0};
        std::atomic<int> peak{0};
    };

    ServersTableModel *m_model;
    QThreadPool m_pool;
    QTimer m_timer;
    QSet<QString> m_inFlight;
    PasswordSource m_passwords;
    int m_connectTimeoutS;
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
    std::optional<AlertRules> m_rules;
    AlertRules m_roundRules;    // of the latest round (m_rules or QSettings)
    OwnerRule m_roundOwnerRule; // of the latest round (QSettings)
    // A profile's alerts, for the version of it they were found for.
    struct Engine {
        quint64 generation = 0;
        AlertEngine engine;
    };
    QHash<QString, Engine> m_engines; // profile -> its alerts
    int m_staleDropped = 0;
};

} // namespace lockscope::ui
