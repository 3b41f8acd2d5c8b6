#pragma once

#include "base/result.h"
#include "monitor/alertengine.h"
#include "monitor/monitorsample.h"

#include <QFuture>
#include <QObject>
#include <QThreadPool>

#include <functional>

namespace lockscope::ui {

// Takes every refresh's sample: evaluates the alert rules (on the GUI thread:
// a few comparisons), logs each alert's start and end (category
// lockscope.alerts), and writes the sample and the alerts into LockScope's own
// history file on a worker thread of its own (one thread, so writes keep their
// order), pruning it by age and rows now and then. Reads and CSV exports of the
// history run on the same thread.
class Monitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Monitor)

public:
    // The history file; empty: HistoryStore::defaultPath().
    explicit Monitor(const QString &historyPath = QString(), QObject *parent = nullptr);
    ~Monitor() override;

    const QString &historyPath() const { return m_path; }
    // Where samples come from (the profile); ends the open alerts of the last one.
    void setSource(const QString &source);
    const QString &source() const { return m_source; }

    // Rules from and into QSettings.
    void setRules(const AlertRules &rules);
    const AlertRules &rules() const { return m_engine.rules(); }
    const AlertEngine &engine() const { return m_engine; }

    // Retention: rows older than maxAgeS or beyond maxRows are pruned (every
    // pruneEvery samples, and once at start).
    void setRetention(double maxAgeS, qint64 maxRows, int pruneEvery = 100);
    double maxAgeS() const { return m_maxAgeS; }

    void record(MonitorSample sample);

    QFuture<Result<QList<MonitorSample>>> read(double from, double to, int maxPoints) const;
    // Writes the samples of the current source in [from, to] as CSV; the row count.
    QFuture<Result<int>> exportCsv(double from, double to, const QString &path) const;
    // Blocks until every write queued so far is done (tests, shutdown).
    void flush();

    static constexpr double kDefaultMaxAgeS = 48 * 3600.0;
    static constexpr qint64 kDefaultMaxRows = 400'000;

Q_SIGNALS:
    void sampled(const lockscope::ui::MonitorSample &sample);
    void alertEvent(const lockscope::ui::AlertEvent &event);
    void alertsChanged();
    void historyError(const QString &message);

private:
    void handle(const QList<AlertEvent> &events);
    void write(const std::function<Status()> &work);

    QString m_path;
    QString m_source;
    AlertEngine m_engine;
    mutable QThreadPool m_pool;
    double m_maxAgeS = kDefaultMaxAgeS;
    qint64 m_maxRows = kDefaultMaxRows;
    int m_pruneEvery = 100;
    int m_sincePrune = 0;
    QString m_lastWriteError;
};

} // namespace lockscope::ui

Q_DECLARE_METATYPE(lockscope::ui::AlertEvent)
