#pragma once

#include "db/connectionparams.h"
#include "load/loadsummary.h"

#include <QThreadPool>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace lockscope {
class CancelToken;
}

namespace lockscope::ui {

class LoadCharts;

// The Load tab: contention on demand. The engine runs off the GUI thread (plus
// optional lockctl child processes); samples arrive a few times a second and
// feed the charts and the per-key table. Its leases and advisory locks show up
// live in the other tabs while it runs. In semaphore and reader-writer modes the
// run's worker thread also reads the probe (LoadInside) at each sample, so the
// charts, the table and the summary show the most holders inside at once
// against the permits, or the overlaps of a writer with anyone, as they happen.
class LoadPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoadPanel)

public:
    explicit LoadPanel(QWidget *parent = nullptr);
    ~LoadPanel() override;

    // `readOnlyReason`, when not empty, keeps Start disabled and says why (a
    // read-only profile, lockscope --read-only): a load writes leases.
    void setConnection(const std::optional<ConnectionParams> &params,
                       const QString &readOnlyReason = QString());
    // Where child processes come from: lockctl beside lockscope unless set
    // (an empty path: this process's threads only).
    void setLockctlPath(const QString &path);
    LoadConfig config() const;
    void setConfig(const LoadConfig &config);
    void start();
    void stop();
    bool isRunning() const { return m_running; }
    LoadCharts *charts() const { return m_charts; }
    QTableWidget *keyTable() const { return m_keys; }
    QLabel *summaryLabel() const { return m_summary; }
    // What keeps Start disabled in the workload itself (empty when nothing does).
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *startButton() const { return m_start; }
    // True when the form shows the row of `field` (permits, readers, …).
    bool showsRow(QWidget *field) const;
    QWidget *permitsField() const;
    QWidget *countingField() const;
    QWidget *readersField() const;
    QWidget *writersField() const;
    QWidget *noLockField() const;
    QWidget *threadsField() const;
    const std::optional<LoadSummary> &lastSummary() const { return m_last; }

Q_SIGNALS:
    void sampled(const lockscope::LoadSample &sample);
    void finished(const QString &summary);

private:
    void onSample(const LoadSample &sample);
    void onFinished(const Result<LoadSummary> &summary);
    void showKeys(const QList<LoadKeyStats> &keys, bool final);
    void updateControls();
    void setKeyColumns(LoadMode mode);

    QComboBox *m_mode;
    QComboBox *m_scope;
    QSpinBox *m_threads;
    QSpinBox *m_processes;
    QSpinBox *m_keyCount;
    QDoubleSpinBox *m_skew;
    QSpinBox *m_holdMin;
    QSpinBox *m_holdMax;
    QSpinBox *m_ttl;
    QSpinBox *m_wait;
    QSpinBox *m_duration;
    QSpinBox *m_permits;
    QCheckBox *m_counting;
    QSpinBox *m_readers;
    QSpinBox *m_writers;
    QCheckBox *m_noLock;
    QFormLayout *m_form = nullptr;
    QLabel *m_problem;
    QPushButton *m_start;
    QPushButton *m_stop;
    QLabel *m_summary;
    LoadCharts *m_charts;
    QTableWidget *m_keys;
    QThreadPool m_pool;
    std::optional<ConnectionParams> m_params;
    QString m_readOnlyReason;
    std::shared_ptr<CancelToken> m_cancel;
    std::optional<LoadSummary> m_last;
    LoadConfig m_runConfig; // the run going on (or the last one)
    QString m_lockctl;
    bool m_running = false;
};

} // namespace lockscope::ui
