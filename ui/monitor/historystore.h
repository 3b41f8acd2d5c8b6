#pragma once

#include "base/result.h"
#include "monitor/alert.h"
#include "monitor/monitorsample.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace lockscope::ui {

// LockScope's own history file (SQLite, never the user's lease database): one
// row per refresh and one row per alert. A HistoryStore is a connection of its
// own, opened on the calling thread and used only there (HistoryWriter opens one
// per task on its worker thread); the schema is created on open.
class HistoryStore final {
public:
    explicit HistoryStore(const QString &path);
    ~HistoryStore();
    HistoryStore(const HistoryStore &) = delete;
    HistoryStore &operator=(const HistoryStore &) = delete;

    // The file under QStandardPaths::AppDataLocation.
    static QString defaultPath();

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }

    Status append(const MonitorSample &sample);
    // Removes rows older than `maxAgeS` before `now` and the oldest rows beyond
    // `maxRows`; returns how many went.
    Result<int> prune(double now, double maxAgeS, qint64 maxRows);
    // The samples of `source` with from <= time <= to, oldest first. With
    // maxPoints > 0 and more rows than that, rows are grouped into maxPoints
    // buckets of time and each bucket keeps its largest values (a peak is never
    // averaged away).
    Result<QList<MonitorSample>> read(const QString &source, double from, double to,
                                      int maxPoints = 0);
    Result<qint64> count();

    // Alerts: written when they start and again when they end (by id).
    Status recordAlert(const Alert &alert);
    // Alerts left open by a run that stopped: ended at the last sample of their
    // source (the last moment LockScope watched it).
    Status closeDangling();
    // Alerts that started or were still open after `since`, newest first.
    Result<QList<Alert>> alerts(double since, int limit = 500);

private:
    QString m_name;
    QString m_error;
};

} // namespace lockscope::ui
