#pragma once

#include "db/connectionparams.h"
#include "inspector/inspectorsnapshot.h"

#include <QDateTime>
#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <chrono>
#include <optional>

namespace lockscope::ui {

class AdvisoryTableModel;
class AuditTableModel;
class LeaseTableModel;
class SharedLockTreeModel;

// Keeps the inspector's models live: every interval (and on refreshNow) one
// worker task takes leases, advisory locks and the audit log on its own
// connection and diffs them against what the models show; the GUI thread only
// applies the diffs. A generation counter drops results that arrive after the
// connection changed; refreshes never overlap.
class InspectorRefresher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InspectorRefresher)

public:
    InspectorRefresher(LeaseTableModel *leases, AdvisoryTableModel *advisory,
                       AuditTableModel *audit, QObject *parent = nullptr);
    ~InspectorRefresher() override;

    void setConnection(const std::optional<ConnectionParams> &params);
    const std::optional<ConnectionParams> &connection() const { return m_params; }
    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const;
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void refreshNow();
    // How leases of other programs map to their owners' sessions; from the next refresh.
    void setOwnerRule(const OwnerRule &rule) { m_ownerRule = rule; }
    const OwnerRule &ownerRule() const { return m_ownerRule; }

    QDateTime lastRefreshed() const { return m_lastRefreshed; }
    bool isFailing() const { return !m_lastError.isEmpty(); }
    QString lastError() const { return m_lastError; }
    bool advisorySupported() const { return m_advisorySupported; }
    QString advisoryError() const { return m_advisoryError; }
    const QList<BlockingNode> &blockingTree() const { return m_tree; }
    QThreadPool *pool() { return &m_pool; }
    // The Leases tab's semaphores and reader-writer leases, fed with each snapshot.
    void setSharedModel(SharedLockTreeModel *model) { m_shared = model; }
    // GUI-thread time spent applying the latest snapshot (for the benchmark).
    double lastApplyMs() const { return m_lastApplyMs; }

Q_SIGNALS:
    void refreshed();
    // The first rows of a big table are on screen; the rest is being read.
    void firstRowsShown();
    // Every successful refresh, for the history and the alerts.
    void sampled(const lockscope::ui::MonitorSample &sample);
    // Once per distinct failure (not every interval), and once when it recovers.
    void failing(const QString &message);
    void recovered();

private:
    void start();
    void onResult(const InspectorSnapshot &result);

    LeaseTableModel *m_leases;
    SharedLockTreeModel *m_shared = nullptr;
    AdvisoryTableModel *m_advisory;
    AuditTableModel *m_audit;
    std::optional<ConnectionParams> m_params;
    QThreadPool m_pool;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_again = false;
    bool m_paused = false;
    int m_round = 0;
    QDateTime m_lastRefreshed;
    QString m_lastError;
    bool m_advisorySupported = false;
    QString m_advisoryError;
    QList<BlockingNode> m_tree;
    double m_lastApplyMs = 0;
    OwnerRule m_ownerRule;
};

} // namespace lockscope::ui
