#include "monitor/monitor.h"

#include "common/whenfinished.h"
#include "monitor/historycsv.h"
#include "monitor/historystore.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QtConcurrent/QtConcurrentRun>

namespace lockscope::ui {

Q_LOGGING_CATEGORY(lcAlerts, "lockscope.alerts")

namespace {

double nowS() {
    return static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

Monitor::Monitor(const QString &historyPath, QObject *parent)
    : QObject(parent)
    , m_path(historyPath.isEmpty() ? HistoryStore::defaultPath() : historyPath) {
    m_pool.setMaxThreadCount(1); // one writer: samples and alerts keep their order
    m_pool.setExpiryTimeout(30'000);
    QSettings settings;
    m_engine.setRules(AlertRules::load(settings));
    // The alerts of earlier runs (ended at the last sample seen), and a prune.
    const QString path = m_path;
    const double maxAge = m_maxAgeS;
    const qint64 maxRows = m_maxRows;
    whenFinished(QtConcurrent::run(&m_pool,
                                   [path, maxAge, maxRows]() -> Result<QList<Alert>> {
                                       HistoryStore store(path);
                                       if (!store.ok())
                                           return Error{ErrorKind::Database, store.error()};
                                       const double now = nowS();
                                       (void)store.prune(now, maxAge, maxRows);
                                       if (Status s = store.closeDangling(); !s.ok())
                                           return s.error();
                                       return store.alerts(now - maxAge);
                                   }),
                 this, [this](const Result<QList<Alert>> &previous) {
                     if (!previous.ok()) {
                         Q_EMIT historyError(previous.error().message);
                         return;
                     }
                     m_engine.restore(previous.value());
                     Q_EMIT alertsChanged();
                 });
}

Monitor::~Monitor() {
    m_pool.waitForDone();
}

void Monitor::setSource(const QString &source) {
    if (source == m_source)
        return;
    handle(m_engine.endAll(nowS()));
    m_source = source;
}

void Monitor::setRules(const AlertRules &rules) {
    m_engine.setRules(rules);
    QSettings settings;
    rules.save(settings);
}

void Monitor::setRetention(double maxAgeS, qint64 maxRows, int pruneEvery) {
    m_maxAgeS = maxAgeS;
    m_maxRows = maxRows;
    m_pruneEvery = std::max(1, pruneEvery);
}

void Monitor::write(const std::function<Status()> &work) {
    whenFinished(QtConcurrent::run(&m_pool, work), this, [this](const Status &status) {
        if (status.ok()) {
            m_lastWriteError.clear();
        } else if (status.error().message != m_lastWriteError) {
            m_lastWriteError = status.error().message; // once per distinct failure
            qCWarning(lcAlerts).noquote() << m_lastWriteError;
            Q_EMIT historyError(m_lastWriteError);
        }
    });
}

void Monitor::record(MonitorSample sample) {
    if (m_source.isEmpty())
        return;
    sample.source = m_source;
    handle(m_engine.update(sample));
    const bool prune = ++m_sincePrune >= m_pruneEvery;
    if (prune)
        m_sincePrune = 0;
    const QString path = m_path;
    const double maxAge = m_maxAgeS;
    const qint64 maxRows = m_maxRows;
    write([path, sample, prune, maxAge, maxRows]() -> Status {
        HistoryStore store(path);
        if (Status s = store.append(sample); !s.ok())
            return s;
        if (prune) {
            if (auto pruned = store.prune(sample.time, maxAge, maxRows); !pruned.ok())
                return pruned.error();
        }
        return {};
    });
    Q_EMIT sampled(sample);
}

void Monitor::handle(const QList<AlertEvent> &events) {
    if (events.isEmpty())
        return;
    const QString path = m_path;
    QList<Alert> changed;
    for (const AlertEvent &e : events) {
        const Alert &a = e.alert;
        const QString where =
            a.subject.isEmpty() ? a.source : a.source + QLatin1String(", ") + a.subject;
        const QString line =
            QStringLiteral("%1 %2 (%3): %4").arg(severityName(a.severity), a.rule, where, a.text);
        switch (e.kind) {
        case AlertEvent::Kind::Started:
            qCWarning(lcAlerts).noquote() << "alert started:" << line;
            break;
        case AlertEvent::Kind::Raised:
            qCWarning(lcAlerts).noquote() << "alert raised:" << line;
            break;
        case AlertEvent::Kind::Ended:
            qCInfo(lcAlerts).noquote() << "alert ended:" << line;
            break;
        }
        changed << a;
        Q_EMIT alertEvent(e);
    }
    write([path, changed]() -> Status {
        HistoryStore store(path);
        for (const Alert &a : changed) {
            if (Status s = store.recordAlert(a); !s.ok())
                return s;
        }
        return {};
    });
    Q_EMIT alertsChanged();
}

QFuture<Result<QList<MonitorSample>>> Monitor::read(double from, double to, int maxPoints) const {
    const QString path = m_path;
    const QString source = m_source;
    return QtConcurrent::run(&m_pool, [path, source, from, to, maxPoints] {
        HistoryStore store(path);
        return store.read(source, from, to, maxPoints);
    });
}

QFuture<Result<int>> Monitor::exportCsv(double from, double to, const QString &path) const {
    const QString historyPath = m_path;
    const QString source = m_source;
    return QtConcurrent::run(&m_pool, [historyPath, source, from, to, path]() -> Result<int> {
        HistoryStore store(historyPath);
        auto rows = store.read(source, from, to);
        if (!rows.ok())
            return rows.error();
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error{ErrorKind::InvalidArgument,
                         QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
        if (file.write(HistoryCsv::format(rows.value()).toUtf8()) < 0 || !file.flush())
            return Error{ErrorKind::InvalidArgument,
                         QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
        return static_cast<int>(rows->size());
    });
}

void Monitor::flush() {
    m_pool.waitForDone();
}

} // namespace lockscope::ui
