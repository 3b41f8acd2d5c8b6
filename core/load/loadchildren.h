#pragma once

#include "db/connectionparams.h"
#include "load/loadconfig.h"
#include "load/loadsummary.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

class QProcess;

namespace lockscope {

// The child processes of a load run: real `lockctl load --child` processes that
// join the same run (same keys, same counters), each with the run's threads.
// The password, if any, reaches them through PGPASSWORD, never argv.
class LoadChildren final {
public:
    LoadChildren(QString lockctlPath, ConnectionParams params, LoadConfig config);
    ~LoadChildren();
    LoadChildren(const LoadChildren &) = delete;
    LoadChildren &operator=(const LoadChildren &) = delete;

    // Starts config.processes children; each stops after `countEach` acquisitions
    // when the run is counted, else after the run's duration.
    void start(qint64 countEach);
    // SIGTERM now; collect() kills what has not ended a second later.
    void stop();
    QList<qint64> pids() const;

    // Waits for every child and merges its summary into `summary`. Returns how
    // many failed; `error` gets the last failure's stderr.
    int collect(LoadSummary &summary, QString *error);

    static QStringList arguments(const ConnectionParams &params, const LoadConfig &config,
                                 qint64 countEach);
    // lockctl beside this executable (installed) or in the build tree's app/lockctl.
    static QString findLockctl();

private:
    QString m_lockctl;
    ConnectionParams m_params;
    LoadConfig m_config;
    std::vector<std::unique_ptr<QProcess>> m_children;
    bool m_stopped = false;
};

} // namespace lockscope
