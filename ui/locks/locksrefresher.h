#pragma once

#include "db/connectionparams.h"
#include "locks/lockssnapshot.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <optional>

namespace lockscope::ui {

class LocksTreeModel;

// Keeps the Locks tab live while it is shown: every interval (and on
// refreshNow) one worker task takes the server's locks on a connection of its
// own and diffs them against what the model shows; the GUI thread only applies
// the diff. A generation counter drops results that arrive after the connection
// changed; refreshes never overlap.
class LocksRefresher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocksRefresher)

public:
    explicit LocksRefresher(LocksTreeModel *model, QObject *parent = nullptr);
    ~LocksRefresher() override;

    void setConnection(const std::optional<ConnectionParams> &params);
    // Refreshes run only while active (the tab is visible).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    void setInterval(int ms) { m_timer.setInterval(ms); }
    void refreshNow();

    const LocksResult &last() const { return m_last; }
    QString lastError() const { return m_lastError; }
    // GUI-thread time spent applying the latest result (for the benchmark).
    double lastApplyMs() const { return m_lastApplyMs; }

Q_SIGNALS:
    void refreshed();
    void failed(const QString &message);

private:
    void start();
    void onResult(const LocksResult &result);
    void dropDisplaced();

    LocksTreeModel *m_model;
    std::optional<ConnectionParams> m_params;
    QThreadPool m_pool;
    QTimer m_timer;
    quint64 m_generation = 0;
    bool m_active = false;
    bool m_inFlight = false;
    bool m_again = false;
    QHash<QString, double> m_firstSeen;
    // What the last result replaced, freed by the next snapshot's task (or a
    // task of its own when no snapshot follows).
    QList<LockSessionEntry> m_displaced;
    QHash<QString, double> m_displacedFirstSeen;
    LocksResult m_last; // without its sessions (the model has them)
    QString m_lastError;
    double m_lastApplyMs = 0;
};

} // namespace lockscope::ui
